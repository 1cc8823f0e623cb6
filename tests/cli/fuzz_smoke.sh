#!/usr/bin/env bash
# A short fuzzing run of the clinic configuration loader and of the JavaScript API built without exceptions
# (scripts/fuzz 15: 15 s each), so every `ctest` run fuzzes a little.
# Builds the `fuzz` preset (build/fuzz) the first time, which takes a minute or two. Skipped without clang.
# Usage: bash tests/cli/fuzz_smoke.sh NAVIGATOR SOURCE_DIR
set -u
src=$2
if ! command -v clang++ >/dev/null; then
  echo "SKIP: clang++ is not installed"
  exit 0
fi
exec "$src/scripts/fuzz" "${MN_FUZZ_SMOKE_SECONDS:-15}"
