#!/usr/bin/env bash
# Builds the Rust crates, the npm package (bindings-wasm/pkg) and the Python wheel
# (installed into .venv). Run scripts/bootstrap.sh first.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

step "Rust workspace"
cargo build --release

step "the command's man page and shell completions -> target/share"
mkdir -p target/share/man/man1 target/share/completions
target/release/chpass man > target/share/man/man1/chpass.1
for shell in bash zsh fish; do
  target/release/chpass completions "$shell" > "target/share/completions/chpass.$shell"
done

step "npm package -> bindings-wasm/pkg"
pkg=bindings-wasm/pkg
rm -rf "$pkg" && mkdir -p "$pkg"
# wasm_module CRATE SUBDIR: one wasm module, for Node (node/SUBDIR) and browsers (web/SUBDIR).
# Built one at a time: in one cargo run the two modules would share chpass's features, and the
# main module would compile the estimator in.
# std is rebuilt with the pinned nightly, for size: a panic aborts at once (a wasm panic aborts
# anyway, and with no panic hook its message was never shown), so no panic message, location or
# formatting is compiled in, and std picks its smaller code where it has a choice. Further
# arguments are cargo's (`--config`). Sizes and speeds: README, "npm package size".
wasm_module() {
  local crate=$1 subdir=$2
  shift 2
  cargo "+$WASM_TOOLCHAIN" build --profile wasm-release -p "$crate" --target wasm32-unknown-unknown \
    -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size \
    --config 'target.wasm32-unknown-unknown.rustflags = ["-Zunstable-options", "-Cpanic=immediate-abort"]' "$@"
  local wasm=target/wasm32-unknown-unknown/wasm-release/${crate//-/_}.wasm
  wasm-bindgen --target nodejs --out-dir "$pkg/node$subdir" "$wasm"
  wasm-bindgen --target web --remove-name-section --remove-producers-section --out-dir "$pkg/web$subdir" "$wasm"
  # like functions side by side, where gzip finds them (tools/wasm-order); the Node build too,
  # so that the tests run the order browsers download
  for out in "$pkg"/{node,web}"$subdir"/*_bg.wasm; do
    target/release/wasm-order "$out" "$out"
  done
}
wasm_module chpass-wasm ""
# zxcvbn's estimator, a module of its own that loadStrength() downloads. Its speed is a target
# (a meter on every keystroke), so the std rebuilt for it is at opt-level 3, like the estimator:
# std at "z" made it 16% slower. These are not in Cargo.toml's profile, where every stable build
# would warn that std's crates match no package.
wasm_module chpass-strength-wasm /strength \
  $(for std_crate in core alloc std hashbrown dlmalloc; do
      echo --config "profile.wasm-release.package.$std_crate.opt-level=3"
    done)
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
# npm ci: installs exactly the lock file, and never rewrites it
(cd js-tests && npm ci --no-audit --no-fund --loglevel=error)
