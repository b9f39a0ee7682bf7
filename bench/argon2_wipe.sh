#!/usr/bin/env bash
# What argon2-rust's byte-at-a-time wipe costs the npm build (issue 3's Node argon2 targets):
# builds the main wasm module once more with bench/patches/argon2-rust-wasm-wipe.patch (the
# wipe in 16-byte volatile stores) and times it against the shipped build and hash-wasm in the
# same run. Writes bench/results/argon2-wipe.json. Run scripts/build.sh first.
# The patched build happens in a copy of the committed tree, so Cargo.lock here is untouched.
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

crate=$(cargo metadata --format-version 1 --locked | "$PY" -c '
import json, sys
package = next(p for p in json.load(sys.stdin)["packages"] if p["name"] == "argon2-rust")
print(package["manifest_path"].rsplit("/", 1)[0])')
cp -r "$crate" "$scratch/argon2-rust"
patch -s -d "$scratch/argon2-rust" -p1 < bench/patches/argon2-rust-wasm-wipe.patch

git archive HEAD | tar -x -C "$scratch" --one-top-level=tree
printf '\n[patch.crates-io]\nargon2-rust = { path = "%s" }\n' "$scratch/argon2-rust" >> "$scratch/tree/Cargo.toml"
(cd "$scratch/tree" && cargo build -q --profile wasm-release -p chpass-wasm \
  --target wasm32-unknown-unknown --target-dir "$ROOT/target/wipe-check")
wasm-bindgen --target nodejs --out-dir "$scratch/patched" \
  "$ROOT/target/wipe-check/wasm32-unknown-unknown/wasm-release/chpass_wasm.wasm"

node bench/argon2_wipe.mjs "$scratch/patched/chpass_wasm.js"
