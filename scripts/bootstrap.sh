#!/usr/bin/env bash
# Installs what the build and the tests need, into the project's folders where it can
# (.tools/, .venv/, js-tests/node_modules). Safe to run again: it skips what is there.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

step "Rust targets wasm32-unknown-unknown (the npm package) and wasm32-wasip1 (vendored crates' tests)"
for target in wasm32-unknown-unknown wasm32-wasip1; do
  rustup target list --installed | grep -qx "$target" || rustup target add "$target"
done

step "Rust $WASM_TOOLCHAIN with rust-src (the npm package's wasm rebuilds std)"
rustup toolchain install "$WASM_TOOLCHAIN" --profile minimal --component rust-src

step "wasm-bindgen CLI (the version in Cargo.lock)"
# Cargo.lock is committed; never re-resolve it here (an offline re-resolve on a warm cache
# rewrites it with whatever versions that cache holds)
[ -f Cargo.lock ] || cargo generate-lockfile
want=$(python3 - <<'PY'
import tomllib
lock = tomllib.load(open("Cargo.lock", "rb"))
print(next(p["version"] for p in lock["package"] if p["name"] == "wasm-bindgen"))
PY
)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  echo "installing wasm-bindgen-cli $want (have: ${have:-none})"
  cargo install wasm-bindgen-cli --version "$want" --root "$ROOT/.tools"
else
  echo "wasm-bindgen $have"
fi

step "cargo-fuzz (the fuzz targets in fuzz/, run by scripts/fuzz.sh)"
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --version 0.13.2 --locked --root "$ROOT/.tools"
else
  cargo fuzz --version
fi

# From Debian's packages: a JDK and slf4j (the java.util.regex and password4j oracles of
# py-tests) and Chromium (the browser test of js-tests; browser downloads from other hosts do
# not work here).
missing=()
command -v javac >/dev/null || missing+=(default-jdk-headless)
[ -f /usr/share/java/slf4j-api.jar ] || missing+=(libslf4j-java)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# a real terminal for the command's prompt tests (py-tests/test_cli_terminal.py), and dash
command -v tmux >/dev/null || missing+=(tmux)
command -v dash >/dev/null || missing+=(dash)
command -v groff >/dev/null || missing+=(groff-base)
if [ ${#missing[@]} -gt 0 ]; then
  step "apt-get install ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
java -version 2>&1 | sed -n 1p
/usr/bin/chromium --version

step "Python virtualenv .venv"
[ -x "$PY" ] || python3 -m venv "$ROOT/.venv"
"$PY" -m pip install -q --disable-pip-version-check maturin -r py-tests/requirements.txt

step "Keystone (a real one, from PyPI) in .venv-keystone, for the end-to-end tests"
KS_PY="$ROOT/.venv-keystone/bin/python"
[ -x "$KS_PY" ] || python3 -m venv "$ROOT/.venv-keystone"
"$KS_PY" -c 'import keystone' 2>/dev/null || "$KS_PY" -m pip install -q --disable-pip-version-check keystone
"$KS_PY" -m pip show keystone 2>/dev/null | grep -E '^Version'
