#!/usr/bin/env bash
# `navigator compare`, `estimate` and `plan`: golden outputs (tests/data/golden/cases.txt), usage errors (exit 2 with
# 'POINTER: MESSAGE' lines) and share-link refusals.
# Usage: bash tests/cli/estimate.sh NAVIGATOR SOURCE_DIR [--update]
#   --update rewrites every expected file from the current output (review with git diff before committing).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" "$@"
update=${3:-}
cd "$src" || exit 1
golden=tests/data/golden

# ---------------------------------------------------------------- golden outputs
while read -r name args; do
  [[ -z $name || $name == \#* ]] && continue
  # shellcheck disable=SC2086  # the arguments are split on purpose
  status 0 $args
  case $args in plan\ text* | plan\ html* | plan\ encode*) expected=$golden/$name.expected.txt ;;
                *) expected=$golden/$name.expected.json ;; esac
  if [[ $update == --update ]]; then
    cp "$tmp/out" "$expected"
  elif [[ ! -f $expected ]]; then
    fail "$name: no $expected (run with --update to create it)"
  elif [[ $expected == *.json ]]; then
    same_json "$tmp/out" "$expected" || fail "$name: output differs from $expected: $(diff "$tmp/out" "$expected" | head -10)"
  else
    cmp -s "$tmp/out" "$expected" || fail "$name: output differs from $expected: $(diff "$tmp/out" "$expected" | head -10)"
  fi
done <"$golden/cases.txt"

# The same figures in the other language: only the words change.
strip_words='import json, sys
def strip(v):
    if isinstance(v, dict): return {k: strip(x) for k, x in v.items() if k not in ("name", "message", "verdict_label", "unit_note")}
    if isinstance(v, list): return [strip(x) for x in v]
    return v
print(json.dumps(strip(json.load(sys.stdin)), sort_keys=True))'
for command in "compare tests/data/golden/wrinkles.json" \
  "estimate tests/data/golden/wrinkles.json --treatment dermal_filler_ha --start 2027-03-01"; do
  # shellcheck disable=SC2086
  a=$("$nav" $command --lang en | python3 -c "$strip_words")
  # shellcheck disable=SC2086
  b=$("$nav" $command --lang es | python3 -c "$strip_words")
  [[ -n $a && $a == "$b" ]] || fail "$command: figures differ between en and es"
done

# ---------------------------------------------------------------- usage errors: exit 2, 'POINTER: MESSAGE'
profile=tests/data/golden/wrinkles.json
status 2 estimate "$profile"
grep -q -- "--treatment" "$tmp/err" || fail "estimate without --treatment does not say so"
status 2 estimate "$profile" --treatment botox --start 2027-03-01
grep -q "^/treatment: 'botox' is not a treatment id" "$tmp/err" || fail "unknown treatment not reported: $(cat "$tmp/err")"
status 2 estimate "$profile" --treatment neurotoxin --start 2027-02-30
grep -q "^/start: " "$tmp/err" || fail "impossible start date not reported"
status 2 estimate "$profile" --treatment neurotoxin --start 2027-03-01 --package microneedling-3 --addon prp \
  --maintenance-years 11
grep -q "^/package: 'microneedling-3' is a package for microneedling" "$tmp/err" || fail "wrong package not reported"
grep -q "^/addons/0: 'prp' cannot be added to neurotoxin" "$tmp/err" || fail "wrong add-on not reported"
grep -q "^/maintenance_years: " "$tmp/err" || fail "maintenance years out of range not reported"
status 2 estimate "$profile" --treatment neurotoxin --severity wrinkles
status 2 estimate "$profile" --treatment neurotoxin --maintenance-years two
status 2 estimate tests/data/bad-profiles/severity-out-of-range.json --treatment neurotoxin --start 2027-03-01
grep -q "^/concerns/0/severity: " "$tmp/err" || fail "bad profile not reported: $(cat "$tmp/err")"
status 2 compare "$profile" --concern wrinkle
grep -q "^/concern: 'wrinkle' is not a concern id (did you mean 'wrinkles'?)" "$tmp/err" || fail "bad --concern not reported"
status 2 compare "$profile" --lang fr
status 1 compare "$profile" --config tests/data/bad-configs/currency-lowercase.json  # falls back, as assess does

# estimate without --start starts at the earliest date: a consultation first (the demo clinic's 7 days from today),
# and --today says when the answers were given.
status 0 estimate "$profile" --treatment neurotoxin
[[ $(python3 -c 'import json, sys; print(json.load(sys.stdin)["start"])' <"$tmp/out") == $(date -d '+7 days' +%F) ]] ||
  fail "estimate without --start does not start 7 days from today"
status 0 estimate "$profile" --treatment neurotoxin --today 2027-02-26
[[ $(python3 -c 'import json, sys; print(json.load(sys.stdin)["start"])' <"$tmp/out") == 2027-03-05 ]] ||
  fail "estimate --today 2027-02-26 does not start on 2027-03-05"
status 2 estimate "$profile" --treatment neurotoxin --today 2027-02-30
grep -q "^navigator: --today wants a date YYYY-MM-DD (got '2027-02-30')" "$tmp/err" || fail "bad --today not reported: $(cat "$tmp/err")"

# ---------------------------------------------------------------- share links
status 0 plan encode "$golden/plan-rf.json"
link=$(cat "$tmp/out")
# Every form a person may paste: the code, 'plan=' and the code, or the app's whole link (as My plan shares it).
for given in "$link" "plan=$link" "#plan=$link" "https://clinic.example/app/#plan=$link" \
  "https://clinic.example/app/?lang=es&config=/c.json#plan=$link" " https://clinic.example/app/#$link "; do
  status 0 plan decode "$given"
  same_json "$tmp/out" "$golden/plan-rf.json" || fail "plan decode '$given' differs from the plan"
done
status 0 plan text "https://clinic.example/app/#plan=$link"
cp "$tmp/out" "$tmp/text-from-link"
status 0 plan text "$link"
cmp -s "$tmp/out" "$tmp/text-from-link" || fail "plan text of a whole link differs from plan text of its code"
status 2 plan decode "https://clinic.example/app/#plan=${link%?}0"
grep -q "(checksum)$" "$tmp/err" || fail "a whole link with a tampered code is not refused for its checksum"
status 2 plan decode "https://clinic.example/app/"
grep -q "(malformed)$" "$tmp/err" || fail "a link without a plan is not refused as malformed"
status 2 plan decode "${link%?}0"
grep -q "(checksum)$" "$tmp/err" || fail "tampered link not refused for its checksum: $(cat "$tmp/err")"
status 2 plan decode "p0${link#p3}"
grep -q "(outdated_version)$" "$tmp/err" || fail "old link not refused as outdated"
[[ $link == p3.* ]] || fail "links are not version 3: $link"
# A version 1 link (before areas) still opens, with no areas; one that holds areas was not made by the app.
v1=$(grep '^plan-rf-decode ' "$golden/cases.txt" | awk '{print $4}')
status 0 plan decode "$v1"
python3 -c 'import json, sys; p = json.load(sys.stdin); sys.exit(p["areas"] != [] or p["treatment"] != "rf_microneedling")' \
  <"$tmp/out" || fail "the version 1 link does not open as the same plan"
# Areas travel in the link and come back; a bad area is refused.
status 0 plan encode "$golden/plan-areas.json"
status 0 plan decode "$(cat "$tmp/out")"
python3 -c 'import json, sys; sys.exit(json.load(sys.stdin)["areas"] != ["body_large", "hands"])' <"$tmp/out" ||
  fail "the areas did not survive the link"
status 2 estimate "$profile" --treatment neurotoxin --start 2027-03-01 --area face
grep -q "^/areas/0: 'face' is not an area for neurotoxin" "$tmp/err" || fail "wrong area not reported: $(cat "$tmp/err")"
status 2 estimate "$profile" --treatment microneedling --start 2027-03-01 --area face,face_neck
grep -q "^/areas/1: 'face_neck' overlaps 'face'" "$tmp/err" || fail "overlapping areas not reported"
# Areas per concern: a wrong area for the concern, a concern not asked about, and the two --area forms mixed.
status 2 estimate "$profile" --treatment microneedling --start 2027-03-01 --area wrinkles=scalp
grep -q "^/areas/wrinkles/0: 'scalp' is not an area for wrinkles" "$tmp/err" || fail "wrong area for a concern: $(cat "$tmp/err")"
status 2 estimate "$profile" --treatment microneedling --start 2027-03-01 --area hair_loss=scalp
grep -q "^/areas/hair_loss: 'hair_loss' is not one of the concerns" "$tmp/err" || fail "area for a concern not asked about: $(cat "$tmp/err")"
status 2 estimate "$profile" --treatment microneedling --start 2027-03-01 --area face,wrinkles=face_neck
grep -q "either ID,... for the treatment or CONCERN=ID,... per concern" "$tmp/err" || fail "mixed --area forms: $(cat "$tmp/err")"
printf '{"concerns": [{"id": "hair_loss", "severity": 2, "areas": ["face"]}]}' >"$tmp/hair-face.json"
status 2 estimate "$tmp/hair-face.json" --treatment microneedling --start 2027-03-01
grep -q "^/concerns/0/areas/0: 'face' is not an area for hair_loss (scalp)" "$tmp/err" || fail "profile area for a concern: $(cat "$tmp/err")"
status 2 plan decode "not-a-link"
grep -q "(malformed)$" "$tmp/err" || fail "garbage not refused as malformed"
status 2 plan frobnicate "$link"
printf '{"treatment": "microneedling", "start": "2027-03-01", "conditions": ["vitiligo"]}' >"$tmp/medical.json"
status 2 plan encode "$tmp/medical.json"
grep -q "^/conditions: unknown key" "$tmp/err" || fail "a plan with health answers was not refused"
status 0 plan html "$link"
! grep -qiE "<script|src=|href=" "$tmp/out" || fail "the plan page links or runs something"

finish
