#!/usr/bin/env bash
# Every suite: format and lints, Rust tests, js-tests against the built npm package, py-tests
# against the installed wheel. Any failure, or a suite that runs no test, fails the whole.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
bash scripts/bootstrap.sh
bash scripts/build.sh

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (native and wasm32)"
cargo clippy -q --workspace --all-targets --features chpass/schema -- -D warnings
# one at a time, as scripts/build.sh builds them (each with its own chpass features)
for crate in chpass-wasm chpass-hash-wasm chpass-client-wasm chpass-strength-wasm; do
  cargo clippy -q -p "$crate" --target wasm32-unknown-unknown -- -D warnings
done

# rustdoc, TypeDoc, pdoc and the guides, any warning an error (broken links, bare URLs, …)
bash scripts/docs.sh

mkdir -p .work
step "Rust tests"
cargo test -q --release --features chpass/transport,chpass/schema 2>&1 | tee .work/rust-tests.log
# the npm strength module's configuration: the estimator without compiled-in dictionaries
cargo test -q --release -p chpass -p chpass-strength --no-default-features --features chpass/strength --lib 2>&1 | tee -a .work/rust-tests.log
# the npm main module's core: strength rules judged by an estimator installed at run time
cargo test -q --release -p chpass --no-default-features --features strength-external --lib 2>&1 | tee -a .work/rust-tests.log

step "vendor/argon2-rust: the crates.io release + our patches; its own tests on wasm32"
bash scripts/check-vendor.sh 2>&1 | tee -a .work/rust-tests.log

step "fuzz targets, a short run each (scripts/fuzz.sh; longer runs: bench/results/fuzz.json)"
bash scripts/fuzz.sh 5 .work/fuzz-short.json 2>&1 | tee .work/fuzz.log

step "js-tests"
(cd js-tests && npm test) 2>&1 | tee .work/js-tests.log

step "py-tests"
"$PY" -m pytest -q py-tests 2>&1 | tee .work/py-tests.log

# One closing line over all runners; each suite above already failed the script on a failure.
rust=$(grep -ao 'ok\. [0-9]* passed' .work/rust-tests.log | awk '{s += $2} END {print s + 0}')
js=$(grep -a '^# pass ' .work/js-tests.log | awk '{print $3}')
py=$(grep -aoE '[0-9]+ passed' .work/py-tests.log | tail -1 | awk '{print $1}')
for n in "$rust" "$js" "$py"; do
  [ "${n:-0}" -gt 0 ] || { echo "a suite ran no tests (rust=$rust js=$js py=$py)"; exit 1; }
done
echo
echo "rust $rust, js $js, py $py"
echo "chpass: $((rust + js + py)) passed, 0 failed"
