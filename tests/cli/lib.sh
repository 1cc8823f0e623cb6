#!/usr/bin/env bash
# What every CLI test (tests/cli/*.sh) starts with. Each test is run as `bash tests/cli/NAME.sh NAVIGATOR SOURCE_DIR`
# and begins with: source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" "$@"
# This sets `nav` (the navigator binary, absolute), `src` (the source folder, absolute), `tmp` (a scratch folder
# removed on exit) and `failures`, and defines the helpers below. Not a test itself (cmake/native.cmake skips it).
set -u
nav=$(realpath "$1") src=$(realpath "$2")
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
failures=0

# fail MESSAGE...: counts a failure and says what it was.
fail() { echo "FAIL $*"; failures=$((failures + 1)); }

# status WANT ARGS...: runs navigator with ARGS (standard output to $tmp/out, standard error to $tmp/err) and checks
# its exit status.
status() {
  local want=$1 got
  shift
  "$nav" "$@" >"$tmp/out" 2>"$tmp/err"
  got=$?
  [[ $got -eq $want ]] || fail "navigator $*: exit status $got, expected $want ($(head -c 300 "$tmp/err"))"
}

# same_json A B: the two files hold the same JSON value (object key order ignored).
same_json() {
  python3 -c 'import json, sys; sys.exit(json.load(open(sys.argv[1])) != json.load(open(sys.argv[2])))' "$1" "$2"
}

# finish [SUMMARY]: prints the summary (default: the failure count) and exits 1 if anything failed, else 0.
finish() {
  echo "${1:-$failures failures}"
  [[ $failures -eq 0 ]]
  exit
}
