#!/usr/bin/env bash
# The main job: set up, build everything, then change a password on a local Keystone with the
# `chpass` command (check, a refusal, the change, a login, the clouds.yaml diff), and validate
# sample passwords against every preset from Rust, Node and Python, which must agree.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
bash scripts/bootstrap.sh
bash scripts/build.sh

step "Main job: sample passwords x every preset, from Rust, Node and Python"
mkdir -p .work
cargo run -q --release -p chpass --example demo > .work/demo-rust.txt
node examples/demo/demo.mjs > .work/demo-node.txt
"$PY" examples/demo/demo.py > .work/demo-python.txt
column -t -s $'\t' .work/demo-rust.txt
diff -u .work/demo-rust.txt .work/demo-node.txt
diff -u .work/demo-rust.txt .work/demo-python.txt
echo
echo "Rust, Node and Python agree on all $(wc -l < .work/demo-rust.txt) verdicts."

step "Main job: chpass set against a local Keystone, clouds.yaml updated"
"$PY" examples/keystone-flow/run.py target/release/chpass
