#!/usr/bin/env bash
# `navigator validate` on every entry of the bad-config catalogue (tests/data/bad-configs): exact lines and exit
# status; then the built-in demo and the minimal config (clean), a generated 5 MB file, and standard input.
# Usage: bash tests/cli/validate.sh NAVIGATOR SOURCE_DIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" "$@"
catalogue="$src/tests/data/bad-configs"
checked=0

# expect NAME FILE EXPECTED_STATUS EXPECTED_LINES: runs `navigator validate FILE` and compares.
expect() {
  local name=$1 file=$2 want_status=$3 want_lines=$4 got status
  got=$("$nav" validate "$file" 2>"$tmp/stderr")
  status=$?
  checked=$((checked + 1))
  if [[ $status -ne $want_status ]]; then fail "$name: exit status $status, expected $want_status"; fi
  if [[ "$got" != "$want_lines" ]]; then
    fail "$name: output differs (< got, > expected)"
    diff <(printf '%s\n' "$got") <(printf '%s\n' "$want_lines") | sed 's/^/    /'
  fi
}

for json in "$catalogue"/*.json; do
  name=$(basename "$json" .json)
  expected="$catalogue/$name.expected"
  if [[ ! -f $expected ]]; then fail "$name: no $name.expected"; continue; fi
  status=0
  grep -q '^error: ' "$expected" && status=1
  expect "$name" "$json" "$status" "$(cat "$expected")"
done
for expected in "$catalogue"/*.expected; do
  [[ -f ${expected%.expected}.json ]] || fail "$(basename "$expected"): no matching .json"
done
[[ $checked -ge 40 ]] || fail "the catalogue has only $checked entries"

expect demo "$src/assets/clinic/demo.json" 0 ""
expect minimal "$src/tests/data/configs/minimal.json" 0 ""

# Too large to commit: 5 MB of valid JSON.
{ printf '{"clinic": {"name": "Big"}, "padding": "'; head -c 5242880 /dev/zero | tr '\0' 'x'; printf '"}'; } >"$tmp/5mb.json"
expect 5mb "$tmp/5mb.json" 1 "error: (root): larger than the limit of 1048576 bytes"

got=$("$nav" validate - <"$catalogue/root-array.json" 2>/dev/null)
[[ $got == "error: (root): expected an object, found an array" ]] || fail "stdin: got '$got'"

finish "$checked files validated, $failures failures"
