# Shared by the scripts: paths, and the project's own tool folders first on PATH.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/.tools/bin:$HOME/.cargo/bin:$PATH"
PY="$ROOT/.venv/bin/python"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
