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

# A reply that cannot be written is a failure, never exit 0 (issue 20: `navigator config > /dev/full` exited 0).
if [[ -w /dev/full ]]; then
  "$nav" config >/dev/full 2>"$tmp/err"
  got=$?
  [[ $got -eq 2 ]] || fail "navigator config >/dev/full: exit status $got, expected 2"
  grep -q "^navigator: cannot write the output" "$tmp/err" || fail "navigator config >/dev/full: no 'cannot write the output'"
fi

# check-content: the built-in and on-disk content, then a broken copy.
status 0 check-content
status 0 check-content "$src/assets"
mkdir -p "$tmp/assets" && cp -r "$src/assets/content" "$tmp/assets/"
printf '{"strings": {"nav.learn": 5}}' >"$tmp/assets/content/es/ui.json"
status 1 check-content "$tmp/assets"
grep -q "^error: content/es/ui.json: /strings/nav.learn: expected a string, found 5$" "$tmp/out" ||
  fail "check-content did not report the broken string: $(head -3 "$tmp/out")"

# check-content: evidence (core/evidence.hpp). The shipped content and rules pass; a copy where neurotoxin's numbers
# cite only a microneedling article, Spanish microneedling prose only weak sources, and a rule a label for another
# treatment, fails at each of them.
mkdir -p "$tmp/ev" && cp -r "$src/assets/content" "$src/assets/rules" "$tmp/ev/"
python3 - "$tmp/ev" <<'PY'
import json, sys
root = sys.argv[1]
def edit(path, change):
    with open(f"{root}/{path}") as f: doc = json.load(f)
    change(doc)
    with open(f"{root}/{path}", "w") as f: json.dump(doc, f, ensure_ascii=False)
edit("content/treatments.json", lambda d: d["treatments"][8].__setitem__("sources", ["seed_000"]))
edit("content/es/treatments.json", lambda d: d["treatments"]["microneedling"].__setitem__("sources", ["seed_000", "ref_modalities"]))
def label_for_other(d):
    rule = next(r for r in d["rules"] if r["id"] == "pregnancy")
    rule["sources"] = ["src_botox_label"]
    for e in rule["effects"]:
        e.pop("basis", None)
        e.pop("sources", None)
edit("rules/candidacy.json", label_for_other)
def caution_dropped(d):  # a cautious default on clinic lists only, its basis taken away
    rule = next(r for r in d["rules"] if r["id"] == "condition.skin_cancer")
    rule["effects"][0].pop("basis")
edit("rules/candidacy.json", caution_dropped)
PY
status 1 check-content "$tmp/ev"
grep -q "^error: content/treatments.json: /treatments/8/sources: cites 'seed_000', which does not cover 'neurotoxin'" "$tmp/out" ||
  fail "check-content did not report a source that does not cover the treatment: $(head -3 "$tmp/out")"
grep -q "^error: content/treatments.json: /treatments/8/sources: has no source that covers 'neurotoxin'$" "$tmp/out" ||
  fail "check-content did not report a treatment without a covering source"
grep -q "^error: content/es/treatments.json: /treatments/microneedling/sources: has only weak sources .* a weak source may not stand alone$" "$tmp/out" ||
  fail "check-content did not report weak sources standing alone"
grep -q "^error: rules/candidacy.json: /rules/1/effects/0: has no source that covers 'microneedling'; or, if no verified source states it, mark the effect \"basis\": \"caution\"$" "$tmp/out" ||
  fail "check-content did not report a rule effect without a covering source"
grep -q "^error: rules/candidacy.json: /rules/[0-9]*/effects/0: has only weak sources .* for 'microneedling': a weak source may not stand alone; or, if no verified source states it" "$tmp/out" ||
  fail "check-content did not report an effect on weak sources that is not a cautious default"

# evidence: the table of docs/candidacy.md "## Evidence", one row per rule and source.
status 0 evidence
grep -q '^| Rule | Verdict: treatments | Basis | Source | Covers | What the source says |$' "$tmp/out" || fail "evidence: no table header"
grep -q '^| `medication.isotretinoin` | defer: laser_ablative | sourced | .*Isotretinoin and timing of procedural interventions' "$tmp/out" ||
  fail "evidence: the isotretinoin rule does not name the 2017 consensus"
grep -q '^| `age.minor` | defer: all 11 | cautious default | — | — | — |$' "$tmp/out" || fail "evidence: age.minor is not a cautious default"
grep -q '^[0-9]* effects: [0-9]* sourced, [0-9]* cautious defaults\.$' "$tmp/out" || fail "evidence: no count of the effects"
[[ $(grep -c '^| `' "$tmp/out") -ge 40 ]] || fail "evidence: fewer rows than rules"
# docs/candidacy.md holds the same table, between its markers.
sed -n '/^<!-- evidence table: /,/^<!-- end of evidence table -->/p' "$src/docs/candidacy.md" | sed '1d;$d' >"$tmp/doc-table"
cmp -s "$tmp/out" "$tmp/doc-table" ||
  fail "docs/candidacy.md's evidence table is out of date: regenerate it with 'navigator evidence' ($(diff "$tmp/out" "$tmp/doc-table" | head -4))"

finish
