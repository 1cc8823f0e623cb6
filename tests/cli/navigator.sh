#!/usr/bin/env bash
# The `navigator` command line: help, usage errors (exit 2), `config`, and `check-content` on good and broken
# content folders.
# Usage: bash tests/cli/navigator.sh NAVIGATOR SOURCE_DIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" "$@"

# --help lists every subcommand, and each has its own --help.
status 0 --help
commands=$(sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p' "$tmp/out")
[[ $(wc -w <<<"$commands") -ge 3 ]] || fail "--help lists too few commands: $commands"
for c in validate config check-content; do grep -qx "$c" <<<"$commands" || fail "--help does not list $c"; done
for c in $commands; do
  status 0 "$c" --help
  grep -q "^usage: navigator $c" "$tmp/out" || fail "navigator $c --help shows no usage line"
done
status 0 help validate

# Usage errors exit 2 and say what is wrong on standard error.
status 2
status 2 no-such-command
grep -q "unknown command 'no-such-command'" "$tmp/err" || fail "unknown command not named"
status 2 validate
status 2 validate a.json b.json
status 2 validate --strict "$src/assets/clinic/demo.json"
grep -q "unknown option '--strict'" "$tmp/err" || fail "unknown option not named"
status 2 config --config
status 2 validate "$tmp/does-not-exist.json"
grep -q "cannot read" "$tmp/err" || fail "unreadable file not reported"

# config: the effective configuration validates clean, and a broken file's fallbacks do too.
status 0 config
cp "$tmp/out" "$tmp/effective.json"
status 0 validate "$tmp/effective.json"
[[ ! -s $tmp/out ]] || fail "the effective built-in configuration has issues: $(cat "$tmp/out")"
status 0 config --config "$src/tests/data/configs/minimal.json"
grep -q '"name": "Test Clinic"' "$tmp/out" || fail "config --config did not load the file"
status 1 config --config="$src/tests/data/bad-configs/currency-lowercase.json"
grep -q "^error: /currency: " "$tmp/err" || fail "config did not report the file's errors"
cp "$tmp/out" "$tmp/effective.json"
status 0 validate "$tmp/effective.json"

# check-content: the built-in and on-disk content, then a broken copy.
status 0 check-content
status 0 check-content "$src/assets"
mkdir -p "$tmp/assets" && cp -r "$src/assets/content" "$tmp/assets/"
printf '{"strings": {"nav.learn": 5}}' >"$tmp/assets/content/es/ui.json"
status 1 check-content "$tmp/assets"
grep -q "^error: content/es/ui.json: /strings/nav.learn: expected a string, found 5$" "$tmp/out" ||
  fail "check-content did not report the broken string: $(head -3 "$tmp/out")"

finish
