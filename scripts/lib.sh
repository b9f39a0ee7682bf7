# Shared by the scripts: paths, and the project's own tool folders first on PATH.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/.tools/bin:$HOME/.cargo/bin:$PATH"
PY="$ROOT/.venv/bin/python"
# The npm package's wasm is built with a pinned nightly: only it rebuilds std for size
# (scripts/build.sh). Everything else uses stable.
WASM_TOOLCHAIN=nightly-2026-05-19
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
