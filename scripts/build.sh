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
rm -rf "$pkg" && mkdir -p "$pkg/lib/wasm"
# wasm_module CRATE: one entry point's wasm module -> lib/wasm/, as wasm-bindgen's glue and the
# module embedded in JS (scripts/embed-wasm.mjs). Built one at a time: in one cargo run the
# modules would share chpass's features (the main module would compile the estimator in).
# std is rebuilt with the pinned nightly, for size: a panic aborts at once (a wasm panic aborts
# anyway, and with no panic hook its message was never shown), so no panic message, location or
# formatting is compiled in, and std picks its smaller code where it has a choice. Further
# arguments are cargo's (`--config`). Sizes: bench/results/web.json and CHANGELOG.
wasm_module() {
  local crate=$1 name=${1//-/_}
  shift
  cargo "+$WASM_TOOLCHAIN" build --profile wasm-release -p "$crate" --target wasm32-unknown-unknown \
    -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size \
    --config 'target.wasm32-unknown-unknown.rustflags = ["-Zunstable-options", "-Cpanic=immediate-abort"]' "$@"
  local out=target/npm-wasm/$name
  rm -rf "$out"
  # --omit-default-module-path: the glue never names a .wasm URL, which a bundler would follow;
  # its declarations type the package's own JS for tsc --checkJs (js-tests/test/types.test.mjs)
  wasm-bindgen --target web --omit-default-module-path --remove-name-section \
    --remove-producers-section --out-dir "$out" "target/wasm32-unknown-unknown/wasm-release/$name.wasm"
  cp "$out/$name.js" "$out/$name.d.ts" "$pkg/lib/wasm/"
  node scripts/embed-wasm.mjs "$out/${name}_bg.wasm" "$pkg/lib/wasm/$name.bytes.js"
  ls -l "$out/${name}_bg.wasm"
}
wasm_module chpass-wasm
wasm_module chpass-hash-wasm
wasm_module chpass-client-wasm
# zxcvbn's estimator. Its speed is a target (a meter on every keystroke), so the std rebuilt for
# it is at opt-level 3, like the estimator: std at "z" made it 16% slower. These are not in
# Cargo.toml's profile, where every stable build would warn that std's crates match no package.
wasm_module chpass-strength-wasm \
  $(for std_crate in core alloc std hashbrown dlmalloc; do
      echo --config "profile.wasm-release.package.$std_crate.opt-level=3"
    done)
# zxcvbn's dictionaries (exact, and with coarse ranks for chpass/meter), the passphrase words and
# the constants the JS layer needs before any wasm: modules of their own
for part in strength:strength-data meter:meter-data word-list:word-list constants:constants; do
  cargo run -q --release -p chpass --example npm_data_module "${part%%:*}" > "$pkg/lib/${part#*:}.js"
done
# a message catalog per language: a page imports its own (`import 'chpass/locales/de'`)
mkdir -p "$pkg/locales"
for tag in $(python3 -c 'import pathlib; print(" ".join(sorted(p.stem for p in pathlib.Path("core/locales").glob("*.json"))))'); do
  cargo run -q --release -p chpass --example npm_data_module locale "$tag" > "$pkg/locales/$tag.js"
  cargo run -q --release -p chpass --example npm_data_module locale --types > "$pkg/locales/$tag.d.ts"
done
for part in strength:strength-data meter:meter-data word-list:word-list constants:constants; do
  cargo run -q --release -p chpass --example npm_data_module "${part%%:*}" --types > "$pkg/lib/${part#*:}.d.ts"
done
cp bindings-wasm/js/README.md "$pkg/README.md"
version=$(cargo metadata --no-deps --format-version 1 | python3 -c 'import json,sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "chpass"))')
python3 - "$version" <<'PY'
import json, sys
src = json.load(open("bindings-wasm/js/package.json"))
src["version"] = sys.argv[1]
del src["devDependencies"]  # the build's (tsc), not the package's
json.dump(src, open("bindings-wasm/pkg/package.json", "w"), indent=2)
PY
# the files generated from Rust's tables (binding_tables), then the TypeScript sources, which
# tsc compiles against all of the above (bindings-wasm/js/tsconfig.json); npm ci installs
# exactly the lock file, and never rewrites it
(cd bindings-wasm/js && cp --parents lib/*.js lib/*.d.ts "$OLDPWD/$pkg/")
(cd bindings-wasm/js && npm ci --no-audit --no-fund --loglevel=error && node_modules/.bin/tsc -p .)

step "Python wheel -> .venv"
rm -rf target/wheels
"$ROOT/.venv/bin/maturin" build --release -q -m bindings-python/Cargo.toml -o target/wheels
"$PY" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps target/wheels/chpass-*.whl

step "js-tests dependencies"
# npm ci: installs exactly the lock file, and never rewrites it
(cd js-tests && npm ci --no-audit --no-fund --loglevel=error)
