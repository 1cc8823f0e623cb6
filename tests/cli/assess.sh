#!/usr/bin/env bash
# navigator assess: the profile table (tests/data/profiles), malformed profiles (tests/data/bad-profiles),
# languages, a clinic's own isotretinoin wait, and usage errors.
# Usage: bash tests/cli/assess.sh NAVIGATOR SOURCE_DIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" "$@"
checks=0

# expect_exit CODE DESCRIPTION -- COMMAND...: runs COMMAND (stdout to $tmp/out, stderr to $tmp/err).
expect_exit() {
  local want="$1" what="$2"
  shift 3
  checks=$((checks + 1))
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  [ "$got" -eq "$want" ] || fail "$what: exit $got, expected $want; stderr: $(head -c 400 "$tmp/err")"
}

# check_verdicts OUTPUT EXPECTED NAME: compares an assessment with NAME.expected.json (see docs/candidacy.md).
check_verdicts() {
  checks=$((checks + 1))
  python3 - "$1" "$2" "$3" <<'PY' || failures=$((failures + 1))
import json, sys
out, expected, name = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3]
problems = []
ids = list(out["results"])
if len(ids) != 11 or ids[0] != "microneedling":
    problems.append("results must list the 11 treatments, microneedling first: %s" % ids)
for key in ("fitzpatrick", "fitzpatrick_source"):
    if out[key] != expected[key]:
        problems.append("%s is %r, expected %r" % (key, out[key], expected[key]))
specs = expected["results"]
for tid in specs:
    if tid != "*" and tid not in out["results"]:
        problems.append("no result for %s" % tid)
for tid, result in out["results"].items():
    spec = specs.get(tid, specs.get("*"))
    if spec is None:
        continue
    if isinstance(spec, str):
        spec = {"verdict": spec}
    if result["verdict"] != spec["verdict"]:
        problems.append("%s: verdict %s, expected %s" % (tid, result["verdict"], spec["verdict"]))
    if "wait" in spec and result.get("wait") != spec["wait"]:
        problems.append("%s: wait %s, expected %s" % (tid, result.get("wait"), spec["wait"]))
    if "wait_up_to" in spec and result.get("wait_up_to", False) != spec["wait_up_to"]:
        problems.append("%s: wait_up_to %s, expected %s" % (tid, result.get("wait_up_to"), spec["wait_up_to"]))
    rules = [r["rule"] for r in result["reasons"]]
    for rule in spec.get("rules", []):
        if rule not in rules:
            problems.append("%s: no reason from rule %s (has %s)" % (tid, rule, rules))
    for r in result["reasons"]:
        if not r["message"] or "{" in r["message"]:
            problems.append("%s: bad message for %s: %r" % (tid, r["rule"], r["message"]))
for p in problems:
    print("FAIL: %s: %s" % (name, p))
sys.exit(1 if problems else 0)
PY
}

# ---------------------------------------------------------------- the profile table
profiles=0
for profile in "$src"/tests/data/profiles/*.json; do
  case "$profile" in *.expected.json) continue ;; esac
  name="$(basename "$profile" .json)"
  profiles=$((profiles + 1))
  expect_exit 0 "$name" -- "$nav" assess "$profile"
  [ -s "$tmp/err" ] && fail "$name: unexpected stderr: $(cat "$tmp/err")"
  cp "$tmp/out" "$tmp/$name.out.json"
  check_verdicts "$tmp/$name.out.json" "${profile%.json}.expected.json" "$name"
done
[ "$profiles" -ge 30 ] || fail "only $profiles profiles in tests/data/profiles (at least 30 expected)"

# ---------------------------------------------------------------- malformed profiles: exit 2, 'POINTER: MESSAGE' lines
bad=0
for profile in "$src"/tests/data/bad-profiles/*.json; do
  name="$(basename "$profile" .json)"
  bad=$((bad + 1))
  expect_exit 2 "bad profile $name" -- "$nav" assess "$profile"
  [ -s "$tmp/out" ] && fail "bad profile $name: printed something on stdout"
  diff -u "${profile%.json}.expected" "$tmp/err" >"$tmp/diff" || fail "bad profile $name: stderr differs:$(printf '\n')$(cat "$tmp/diff")"
done
[ "$bad" -ge 10 ] || fail "only $bad malformed profiles"
grep -q '^/concerns/0/severity: must be 1, 2 or 3$' "$src/tests/data/bad-profiles/severity-out-of-range.expected" ||
  fail "severity-out-of-range.expected lost its pointer line"

# ---------------------------------------------------------------- standard input, languages
example="$src/tests/data/profiles/brief-example.json"
expect_exit 0 "profile on standard input" -- "$nav" assess - <"$example"
cmp -s "$tmp/out" "$tmp/brief-example.out.json" || fail "reading standard input gives another result than the file"

expect_exit 0 "--lang es" -- "$nav" assess --lang es "$example"
checks=$((checks + 1))
python3 - "$tmp/out" <<'PY' || fail "--lang es is not Spanish"
import json, sys
out = json.load(open(sys.argv[1]))
mn = out["results"]["microneedling"]
assert mn["verdict_label"] == "Esperar por ahora", mn["verdict_label"]
assert "isotretinoína" in mn["reasons"][0]["message"], mn["reasons"][0]["message"]
assert out["notes"][0]["note"] == "fitzpatrick_both"
PY

expect_exit 2 "--lang fr" -- "$nav" assess --lang fr "$example"
grep -q "unknown language 'fr'" "$tmp/err" || fail "--lang fr: no message naming the language"
expect_exit 2 "a missing profile file" -- "$nav" assess "$tmp/no-such-profile.json"
grep -q "cannot read" "$tmp/err" || fail "a missing profile file: no 'cannot read' message"
expect_exit 2 "no profile argument" -- "$nav" assess
expect_exit 0 "assess --help" -- "$nav" assess --help
grep -q -- "--lang" "$tmp/out" || fail "assess --help does not document --lang"
expect_exit 0 "--help" -- "$nav" --help
grep -q "^  assess PROFILE" "$tmp/out" || fail "navigator --help does not list assess"

# ---------------------------------------------------------------- the clinic's isotretinoin wait
python3 - "$src/assets/clinic/demo.json" "$tmp/no-wait.json" "$tmp/broken.json" <<'PY'
import json, sys
clinic = json.load(open(sys.argv[1]))
clinic["treatments"]["microneedling"]["isotretinoin_wait_months"] = 0
clinic["treatments"]["chemical_peel_superficial"]["isotretinoin_wait_months"] = 12
json.dump(clinic, open(sys.argv[2], "w"))
clinic["treatments"]["microneedling"]["isotretinoin_wait_months"] = -1
json.dump(clinic, open(sys.argv[3], "w"))
PY
isotretinoin="$src/tests/data/profiles/isotretinoin-5-months.json"
expect_exit 0 "--config with other isotretinoin waits" -- "$nav" assess --config "$tmp/no-wait.json" "$isotretinoin"
checks=$((checks + 1))
python3 - "$tmp/out" <<'PY' || fail "--config: the clinic's isotretinoin waits are not used"
import json, sys
r = json.load(open(sys.argv[1]))["results"]
assert r["microneedling"]["verdict"] == "suitable_with_precautions", r["microneedling"]
assert r["chemical_peel_superficial"]["verdict"] == "defer", r["chemical_peel_superficial"]
assert r["chemical_peel_superficial"]["wait"] == {"months": 7}, r["chemical_peel_superficial"]
assert r["rf_microneedling"]["wait"] == {"months": 1}, r["rf_microneedling"]
PY
expect_exit 1 "--config with errors" -- "$nav" assess --config "$tmp/broken.json" "$isotretinoin"
grep -q "isotretinoin_wait_months" "$tmp/err" || fail "--config with errors: the error is not printed"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/out" 2>/dev/null ||
  fail "--config with errors: no assessment printed"

# ---------------------------------------------------------------- issue 15: no clinic setting lowers the isotretinoin floor
python3 - "$src/assets/clinic/demo.json" "$tmp/zero-wait.json" <<'PY'
import json, sys
clinic = json.load(open(sys.argv[1]))
for t in clinic["treatments"].values():
    t["isotretinoin_wait_months"] = 0
json.dump(clinic, open(sys.argv[2], "w"))
PY
for dose in '"months_since_last_dose": 0' '"months_since_last_dose": 5' '"taking_now": true'; do
  echo '{"age": 40, "fitzpatrick": 2, "concerns": [], "conditions": [], "pregnant_or_breastfeeding": false,
         "recent_procedures": [], "sun": "normal", "medications": [{"id": "isotretinoin", '"$dose"'}]}' >"$tmp/iso.json"
  expect_exit 0 "--config setting every isotretinoin wait to 0 ($dose)" -- "$nav" assess --config "$tmp/zero-wait.json" "$tmp/iso.json"
  grep -q "isotretinoin_wait_months: is below the 6-month minimum" "$tmp/err" ||
    fail "--config with a 0-month wait for ablative treatments: no warning naming the floor"
  checks=$((checks + 1))
  python3 - "$tmp/out" "$dose" <<'PY' || fail "a clinic's 0-month isotretinoin wait lowered the floor ($dose)"
import json, sys
r = json.load(open(sys.argv[1]))["results"]
want = {"months_since_last_dose\": 0": {"months": 6}, "months_since_last_dose\": 5": {"months": 1}}
for tid in ("chemical_peel_deep", "laser_ablative", "rf_microneedling", "chemical_peel_medium"):
    assert r[tid]["verdict"] == "defer", (tid, r[tid])
    key = sys.argv[2][1:]
    if key in want:
        assert r[tid]["wait"] == want[key], (tid, r[tid])
    else:
        assert "wait" not in r[tid], (tid, r[tid])
        assert "last dose" in r[tid]["reasons"][0]["message"], r[tid]["reasons"][0]
assert r["microneedling"]["verdict"] == "suitable_with_precautions", r["microneedling"]
PY
done

# ---------------------------------------------------------------- issue 15: no label contraindication is ever suitable
checks=$((checks + 1))
python3 - "$nav" "$tmp" <<'PY' || failures=$((failures + 1))
import json, subprocess, sys
nav, tmp = sys.argv[1], sys.argv[2]
# condition or medication -> treatments whose label (or device instructions) rules it out or which must wait
pairs = {
    ("condition", "neuromuscular_disorder"): ["neurotoxin"],
    ("condition", "toxin_allergy"): ["neurotoxin"],
    ("condition", "active_infection"): ["neurotoxin", "dermal_filler_ha"],
    ("condition", "severe_allergies_anaphylaxis"): ["dermal_filler_ha"],
    ("condition", "gram_positive_protein_allergy"): ["dermal_filler_ha"],
    ("condition", "anesthetic_allergy"): ["dermal_filler_ha"],
    ("condition", "heart_liver_kidney_disease"): ["chemical_peel_deep"],
    ("condition", "radiation_to_area"): ["chemical_peel_deep", "laser_ablative"],
    ("condition", "recent_facial_surgery"): ["chemical_peel_deep", "laser_ablative", "rf_microneedling"],
    ("condition", "active_acne"): ["dermal_filler_ha"],
    ("condition", "eczema_active"): ["dermal_filler_ha"],
    ("condition", "implanted_electronic_device"): ["rf_microneedling"],
    ("condition", "metal_implants_or_gold_threads"): ["rf_microneedling"],
    ("condition", "low_platelets_or_anemia"): ["microneedling_prp"],
    ("condition", "cancer_treatment"): ["microneedling_prp"],
    ("medication", "systemic_steroid"): ["microneedling_prp"],
    ("medication", "antiplatelet_or_nsaid"): ["microneedling_prp"],
}
bad = []
for (kind, id_), treatments in pairs.items():
    for lang in ("en", "es"):
        profile = {"age": 40, "fitzpatrick": 2, "concerns": [], "conditions": [], "medications": [],
                   "pregnant_or_breastfeeding": False, "recent_procedures": [], "sun": "normal"}
        profile["conditions" if kind == "condition" else "medications"].append(id_ if kind == "condition" else {"id": id_})
        path = "%s/label-%s.json" % (tmp, id_)
        json.dump(profile, open(path, "w"))
        out = json.loads(subprocess.run([nav, "assess", "--lang", lang, path], capture_output=True, text=True, check=True).stdout)
        for t in treatments:
            v = out["results"][t]["verdict"]
            if v not in ("defer", "not_recommended"):
                bad.append("%s %s (%s): %s is %s" % (kind, id_, lang, t, v))
for b in bad:
    print("FAIL: label contraindication: %s" % b)
sys.exit(1 if bad else 0)
PY

finish "assess: $checks checks over $profiles profiles and $bad malformed profiles, $failures failed"
