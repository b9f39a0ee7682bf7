#!/usr/bin/env bash
# vendor/argon2-rust must be the argon2-rust release its manifest names, as crates.io serves it,
# with vendor/patches/argon2-rust/*.patch applied in order, and nothing else. The patched crate's
# own unit tests then run on wasm32 with SIMD128, the one target the patches change (under Node's
# WASI; natively its code is the release's, which core's RFC 9106 vectors cover).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
name=argon2-rust
vendored_crate=vendor/$name
patches=vendor/patches/$name
version=$("$PY" -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))["package"]["version"])' \
  "$vendored_crate/Cargo.toml")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# The release, as cargo downloads it (checksum checked against the crates.io index).
mkdir -p "$scratch/fetch/src"
touch "$scratch/fetch/src/lib.rs"
printf '[package]\nname = "fetch"\nversion = "0.0.0"\nedition = "2021"\n[dependencies]\n%s = "=%s"\n[workspace]\n' \
  "$name" "$version" > "$scratch/fetch/Cargo.toml"
release=$(cd "$scratch/fetch" && cargo metadata -q --format-version 1 | "$PY" -c '
import json, sys
package = next(p for p in json.load(sys.stdin)["packages"] if p["name"] == sys.argv[1])
print(package["manifest_path"].rsplit("/", 1)[0])' "$name")
cp -r "$release" "$scratch/crate"
for patch in "$patches"/*.patch; do
  patch -s -p1 -d "$scratch/crate" < "$patch"
done

# Every vendored file is the patched release's, and every source file of the release is vendored.
vendored=$(cd "$vendored_crate" && find . -type f | sed "s|^\./||" | sort)
for file in $vendored; do
  cmp -s "$vendored_crate/$file" "$scratch/crate/$file" ||
    { echo "$vendored_crate/$file is not the patched release's"; exit 1; }
done
missing=$(comm -13 <(echo "$vendored") <(cd "$scratch/crate" && find src build.rs Cargo.toml -type f | sort))
[ -z "$missing" ] || { echo "not vendored: $missing"; exit 1; }
echo "$vendored_crate = $name $version +" "$patches"/*.patch

tests=$(cd "$scratch/crate" && RUSTFLAGS="-C target-feature=+simd128" CARGO_TARGET_DIR="$ROOT/target/vendor-check" \
  cargo test -q --release --lib --target wasm32-wasip1 --no-default-features --features std,zeroize-memory \
  --no-run --message-format=json | "$PY" -c '
import json, sys
# read to the end: stopping at the first executable closed the pipe while cargo still wrote
# its last message, and cargo failed on the broken pipe (seen once in a clean-clone CI run)
executables = [m["executable"] for m in map(json.loads, sys.stdin) if m.get("executable")]
print(executables[0])')
node --no-warnings scripts/wasi-run.mjs "$tests" --test-threads=1 -q
