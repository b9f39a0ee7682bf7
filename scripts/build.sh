#!/usr/bin/env bash
# Builds the Rust crates, the npm package (bindings-wasm/pkg) and the Python wheel
# (installed into .venv). Run scripts/bootstrap.sh first.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

step "Rust workspace"
cargo build --release

step "npm package -> bindings-wasm/pkg"
pkg=bindings-wasm/pkg
rm -rf "$pkg" && mkdir -p "$pkg"
# wasm_module CRATE SUBDIR: one wasm module, for Node (node/SUBDIR) and browsers (web/SUBDIR).
# Built one at a time: in one cargo run the two modules would share chpass's features, and the
# main module would compile the estimator in.
wasm_module() {
  cargo build --profile wasm-release -p "$1" --target wasm32-unknown-unknown
  local wasm=target/wasm32-unknown-unknown/wasm-release/${1//-/_}.wasm
  wasm-bindgen --target nodejs --out-dir "$pkg/node$2" "$wasm"
  wasm-bindgen --target web --remove-name-section --remove-producers-section --out-dir "$pkg/web$2" "$wasm"
}
wasm_module chpass-wasm ""
# zxcvbn's estimator, a module of its own that loadStrength() downloads
wasm_module chpass-strength-wasm /strength
# zxcvbn's dictionaries and the passphrase words: modules of their own, loaded on demand
cargo run -q --release -p chpass --example npm_data_module strength > "$pkg/strength-data.js"
cargo run -q --release -p chpass --example npm_data_module word-list > "$pkg/word-list.js"
# wasm-bindgen's Node output is CommonJS inside an ESM ("type": "module") package
echo '{ "type": "commonjs" }' > "$pkg/node/package.json"
cp bindings-wasm/js/api.js bindings-wasm/js/index.* bindings-wasm/js/worker.* "$pkg/"
# the CommonJS twin of api.js, for require()
sed 's/^export function build/function build/' bindings-wasm/js/api.js > "$pkg/api.cjs"
echo 'module.exports = { build };' >> "$pkg/api.cjs"
cp README.md "$pkg/README.md"
version=$(cargo metadata --no-deps --format-version 1 | python3 -c 'import json,sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "chpass"))')
python3 - "$version" <<'PY'
import json, sys
src = json.load(open("bindings-wasm/js/package.json"))
src["version"] = sys.argv[1]
json.dump(src, open("bindings-wasm/pkg/package.json", "w"), indent=2)
PY
ls -l "$pkg"/web/*.wasm

step "Python wheel -> .venv"
rm -rf target/wheels
"$ROOT/.venv/bin/maturin" build --release -q -m bindings-python/Cargo.toml -o target/wheels
"$PY" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps target/wheels/chpass-*.whl

step "js-tests dependencies"
(cd js-tests && npm install --no-audit --no-fund --loglevel=error)
