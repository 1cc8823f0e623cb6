# Shared helpers for scripts/*. Source it: . "$(dirname "$0")/lib.sh"
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DEPS="$ROOT/build/deps"
export NODE_PATH=/usr/share/nodejs   # emscripten 3.1.6's JS optimizer needs Debian's acorn (TOOLCHAIN.md)
log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }
