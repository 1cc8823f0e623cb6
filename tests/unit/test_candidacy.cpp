// The candidacy engine (core/candidacy.hpp), its rules and messages (core/candidacy_rules.hpp) and its JSON facade
// (core/candidacy_json.hpp).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/assets.hpp"
#include "core/candidacy.hpp"
#include "core/candidacy_json.hpp"
#include "core/catalog.hpp"
#include "core/files.hpp"
#include "profile_fixture.hpp"

using namespace mn;

namespace {

const ClinicConfig& demo() { return builtin_clinic_config(); }

std::string source_file(const std::filesystem::path& path) {
  const auto text = read_file(path.string(), 1 << 24);
  REQUIRE_MESSAGE(text, "cannot read " << path.string());
  return *text;
}

using test::clean_profile;  // every question answered, nothing to report (skin type II unless given)

const TreatmentAssessment& result(const Assessment& a, std::string_view treatment) {
  const TreatmentAssessment* t = a.find(treatment);
  REQUIRE_MESSAGE(t, "no result for " << treatment);
  return *t;
}

// Both point into the assessment: keep it alive (temporaries are refused).
const TreatmentAssessment& result(Assessment&&, std::string_view) = delete;
const Reason* reason(Assessment&&, std::string_view, std::string_view) = delete;

const Reason* reason(const Assessment& a, std::string_view treatment, std::string_view rule) {
  const auto& reasons = result(a, treatment).reasons;
  const auto it = std::find_if(reasons.begin(), reasons.end(), [&](const Reason& r) { return r.rule->id == rule; });
  return it == reasons.end() ? nullptr : &*it;
}

std::string issue_lines(const std::vector<Issue>& issues) {
  std::string out;
  for (const Issue& i : issues) out += format_issue(i) + "\n";
  return out;
}

// ---------------------------------------------------------------- the profile table (tests/data/profiles)

void check_expectation(const TreatmentAssessment& t, const Json& spec) {
  CAPTURE(t.treatment->id);
  const Json& verdict = spec.is_string() ? spec : spec.at("verdict");
  CHECK(verdict_name(t.verdict) == verdict.get<std::string>());
  if (!spec.is_object()) return;
  if (const auto wait = spec.find("wait"); wait != spec.end()) {
    if (wait->is_null()) {
      CHECK_FALSE(t.wait);
    } else {
      REQUIRE(t.wait);
      // The first member, read through a real iterator (a structured binding to *items().begin() would bind to a
      // temporary that is gone by the next line: ASan's stack-use-after-scope).
      const std::string unit = wait->begin().key();
      const Json& amount = wait->begin().value();
      CHECK(time_unit_name(t.wait->unit) == unit);
      CHECK(t.wait->amount == amount.get<int>());
    }
  }
  if (const auto up_to = spec.find("wait_up_to"); up_to != spec.end()) CHECK(t.wait_up_to == up_to->get<bool>());
  for (const Json& rule : spec.value("rules", Json::array())) {
    const bool found = std::any_of(t.reasons.begin(), t.reasons.end(), [&](const Reason& r) { return r.rule->id == rule; });
    CHECK_MESSAGE(found, "expected a reason from rule " << rule.get<std::string>());
  }
}

// ---------------------------------------------------------------- generated profiles

// splitmix64: small, seeded and the same on every platform.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }
  template <class Ids>
  std::string pick(const Ids& ids) { return std::string(ids[static_cast<std::size_t>(below(static_cast<int>(ids.size())))]); }

 private:
  std::uint64_t state_;
};

MedicationAnswer random_medication(Rng& rng, std::string id) {
  MedicationAnswer m{std::move(id), std::nullopt};
  if (m.id != kIsotretinoin) return m;
  if (rng.chance(10)) {
    m.taking_now = true;
  } else if (rng.chance(85)) {
    m.months_since_last_dose = rng.below(14);
    if (rng.chance(40)) {  // a questionnaire bucket: a range, sometimes open-ended
      m.months_range = true;
      if (rng.chance(80)) m.months_max = *m.months_since_last_dose + rng.below(7);
    }
  }
  return m;
}

RecentProcedure random_procedure(Rng& rng, std::string id) {
  RecentProcedure r{std::move(id), std::nullopt};
  if (rng.chance(90)) {
    r.weeks_ago = rng.below(60);
    if (rng.chance(40)) {
      r.weeks_range = true;
      if (rng.chance(80)) r.weeks_max = *r.weeks_ago + rng.below(14);
    }
  }
  if (rng.chance(60)) r.area = rng.pick(kAreaIds);
  return r;
}

// Each answer is given most of the time; lists hold 0–2 entries.
Profile random_profile(Rng& rng) {
  Profile p;
  if (rng.chance(85)) p.age = 12 + rng.below(70);
  const int skin = rng.below(8);  // 0: unknown, 1–6: explicit, 7: quiz
  if (skin >= 1 && skin <= 6) p.fitzpatrick = skin;
  if (skin == 7 || rng.chance(10)) {
    QuizAnswers quiz{};
    for (int& a : quiz) a = rng.below(kQuizMaxAnswer + 1);
    p.fitzpatrick_quiz = quiz;
  }
  if (rng.chance(70)) p.concerns.push_back({rng.pick(kConcernIds), 1 + rng.below(3)});
  if (rng.chance(85)) {
    p.conditions.emplace();
    for (int n = rng.below(3); n > 0; --n) p.conditions->push_back(rng.pick(kConditionIds));
  }
  if (rng.chance(85)) {
    p.medications.emplace();
    for (int n = rng.below(3); n > 0; --n) p.medications->push_back(random_medication(rng, rng.pick(kMedicationIds)));
  }
  if (rng.chance(85)) p.pregnant_or_breastfeeding = rng.chance(10);
  if (rng.chance(85)) {
    p.recent_procedures.emplace();
    for (int n = rng.below(3); n > 0; --n) p.recent_procedures->push_back(random_procedure(rng, rng.pick(kTreatmentIds)));
  }
  if (rng.chance(85)) p.sun = static_cast<Sun>(rng.below(3));
  if (rng.chance(60)) {
    p.areas.emplace();
    for (int n = rng.below(3); n > 0; --n) p.areas->push_back(rng.pick(kAreaIds));
  }
  return p;
}

// Checks that no treatment fares better in `after` than in `before`: no better verdict, and no shorter known wait
// while both say defer.
void check_not_better(const Assessment& before, const Assessment& after, const std::string& change) {
  for (std::size_t i = 0; i < before.treatments.size(); ++i) {
    const TreatmentAssessment& b = before.treatments[i];
    const TreatmentAssessment& a = after.treatments[i];
    if (a.verdict < b.verdict)
      FAIL_CHECK(change << " made " << b.treatment->id << " better: " << verdict_name(b.verdict) << " -> "
                        << verdict_name(a.verdict));
    if (a.verdict == Verdict::defer && b.verdict == Verdict::defer && a.wait && b.wait &&
        a.wait->in_weeks() < b.wait->in_weeks())
      FAIL_CHECK(change << " shortened the wait for " << b.treatment->id);
  }
}

using Change = std::function<void(Profile&)>;

// The ways to make a profile worse, for the monotonicity property: add a condition, a medication or a recent
// procedure, or turn a known answer into a worse one.
std::vector<std::pair<std::string, Change>> worse_changes(const Profile& p, Rng& rng) {
  std::vector<std::pair<std::string, Change>> out;
  if (p.conditions)
    for (std::string_view c : kConditionIds)
      out.emplace_back("adding condition " + std::string(c), [c](Profile& q) { q.conditions->emplace_back(c); });
  if (p.medications)
    for (std::string_view m : kMedicationIds) {
      const MedicationAnswer added = random_medication(rng, std::string(m));
      out.emplace_back("adding medication " + std::string(m), [added](Profile& q) { q.medications->push_back(added); });
    }
  if (p.recent_procedures)
    for (std::string_view t : kTreatmentIds) {
      const RecentProcedure added = random_procedure(rng, std::string(t));
      out.emplace_back("adding procedure " + std::string(t), [added](Profile& q) { q.recent_procedures->push_back(added); });
    }
  if (p.sun && *p.sun != Sun::sunburned)
    out.emplace_back("more sun", [](Profile& q) { q.sun = static_cast<Sun>(static_cast<int>(*q.sun) + 1); });
  if (p.pregnant_or_breastfeeding == false) out.emplace_back("pregnancy", [](Profile& q) { q.pregnant_or_breastfeeding = true; });
  if (p.fitzpatrick && *p.fitzpatrick < 6) out.emplace_back("a darker skin type", [](Profile& q) { ++*q.fitzpatrick; });
  if (p.age && *p.age > 0) {
    const int younger = rng.below(*p.age);
    out.emplace_back("a younger age", [younger](Profile& q) { q.age = younger; });
  }
  for (std::size_t i = 0; p.medications && i < p.medications->size(); ++i)
    if (const auto months = (*p.medications)[i].months_since_last_dose) {
      const int sooner = rng.below(*months + 1);
      out.emplace_back("a more recent isotretinoin dose", [i, sooner](Profile& q) { (*q.medications)[i].months_since_last_dose = sooner; });
      out.emplace_back("an isotretinoin date forgotten", [i](Profile& q) { (*q.medications)[i].months_since_last_dose.reset(); });
      out.emplace_back("isotretinoin taken again", [i](Profile& q) {
        auto& m = (*q.medications)[i];
        m = MedicationAnswer{m.id, std::nullopt};
        m.taking_now = true;
      });
      out.emplace_back("an exact isotretinoin date widened into a range", [i, sooner](Profile& q) {
        auto& m = (*q.medications)[i];
        m.months_max = m.months_since_last_dose;
        m.months_since_last_dose = sooner;
        m.months_range = true;
      });
    }
  for (std::size_t i = 0; p.recent_procedures && i < p.recent_procedures->size(); ++i)
    if (const auto weeks = (*p.recent_procedures)[i].weeks_ago) {
      const int sooner = rng.below(*weeks + 1);
      out.emplace_back("a more recent procedure", [i, sooner](Profile& q) { (*q.recent_procedures)[i].weeks_ago = sooner; });
      out.emplace_back("a procedure date forgotten", [i](Profile& q) { (*q.recent_procedures)[i].weeks_ago.reset(); });
      out.emplace_back("a procedure date widened into a range", [i, sooner](Profile& q) {
        auto& r = (*q.recent_procedures)[i];
        r.weeks_max = r.weeks_ago;
        r.weeks_ago = sooner;
        r.weeks_range = true;
      });
    }
  for (std::size_t i = 0; p.recent_procedures && i < p.recent_procedures->size(); ++i)
    if ((*p.recent_procedures)[i].area)
      out.emplace_back("a procedure's area forgotten", [i](Profile& q) { (*q.recent_procedures)[i].area.reset(); });
  if (p.areas)
    for (std::string_view a : kAreaIds)
      out.emplace_back("adding the area " + std::string(a), [a](Profile& q) { q.areas->emplace_back(a); });
  return out;
}

// For each answer the profile gives: the change that forgets it, and the one that sets its best known value.
struct AnswerPair {
  std::string field;
  Change forget, best;
};

std::vector<AnswerPair> answer_pairs() {
  return {
      {"age", [](Profile& q) { q.age.reset(); }, [](Profile& q) { q.age = 40; }},
      {"skin type", [](Profile& q) { q.fitzpatrick.reset(); q.fitzpatrick_quiz.reset(); }, [](Profile& q) { q.fitzpatrick = 1; }},
      {"conditions", [](Profile& q) { q.conditions.reset(); }, [](Profile& q) { q.conditions.emplace(); }},
      {"medications", [](Profile& q) { q.medications.reset(); }, [](Profile& q) { q.medications.emplace(); }},
      {"pregnancy", [](Profile& q) { q.pregnant_or_breastfeeding.reset(); }, [](Profile& q) { q.pregnant_or_breastfeeding = false; }},
      {"recent procedures", [](Profile& q) { q.recent_procedures.reset(); }, [](Profile& q) { q.recent_procedures.emplace(); }},
      {"sun", [](Profile& q) { q.sun.reset(); }, [](Profile& q) { q.sun = Sun::normal; }},
      {"areas", [](Profile& q) { q.areas.reset(); }, [](Profile& q) { q.areas.emplace(); }},
  };
}

Profile changed(Profile p, const Change& change) {
  change(p);
  return p;
}

// A reader of the built-in assets with one file replaced.
AssetReader with_file(std::string path, std::string text) {
  return [path = std::move(path), text = std::move(text)](const std::string& wanted) -> std::optional<std::string> {
    if (wanted == path) return text;
    const auto data = embedded_asset(wanted);
    return data ? std::optional<std::string>(*data) : std::nullopt;
  };
}

bool has_issue(const std::vector<Issue>& issues, std::string_view document, std::string_view pointer) {
  return std::any_of(issues.begin(), issues.end(), [&](const Issue& i) {
    return i.severity == Severity::error && i.document == document && i.pointer == pointer;
  });
}

}  // namespace

// ---------------------------------------------------------------- rules and messages

TEST_CASE("the built-in rules and messages load without any issue") {
  const CandidacyRules& rules = CandidacyRules::builtin();
  INFO(issue_lines(rules.issues()));
  CHECK(rules.issues().empty());
  CHECK(rules.rules().size() >= 30);
}

TEST_CASE("every condition, medication and treatment has rules") {
  const CandidacyRules& rules = CandidacyRules::builtin();
  const auto used = [&](Trigger::Kind kind, std::string_view value) {
    return std::any_of(rules.rules().begin(), rules.rules().end(), [&](const Rule& r) {
      return std::any_of(r.when.begin(), r.when.end(), [&](const Trigger& t) { return t.kind == kind && t.value == value; });
    });
  };
  for (std::string_view c : kConditionIds) CHECK_MESSAGE(used(Trigger::Kind::condition, c), c);
  for (std::string_view m : kMedicationIds) CHECK_MESSAGE(used(Trigger::Kind::medication, m), m);
  for (std::string_view t : kTreatmentIds) CHECK_MESSAGE(used(Trigger::Kind::procedure, t), t);
  for (std::string_view f : kAnswerableFields) CHECK_MESSAGE(used(Trigger::Kind::unknown, f), f);
}

TEST_CASE("rule files with mistakes are reported at the mistake") {
  const std::string rules_file(kCandidacyRulesFile);
  const std::string en = language_file(Lang::en, kCandidacyMessagesFile);
  struct Case {
    const char* what;
    std::string rules;
    std::string document, pointer;
  };
  const auto rule = [](const std::string& body) { return R"({"rules": [{"id": "r", "sources": ["ref_contraindications"], )" + body + "}]}"; };
  const std::string effect = R"("effects": [{"treatments": ["*"], "verdict": "defer", "message": "pregnancy"}])";
  const std::vector<Case> cases = {
      {"unknown condition", rule(R"("when": [{"condition": "flu"}], )" + effect), rules_file, "/rules/0/when/0/condition"},
      {"unknown trigger", rule(R"("when": [{"mood": "sad"}], )" + effect), rules_file, "/rules/0/when/0/mood"},
      {"unknown treatment", rule(R"("when": [{"pregnant": true}], "effects": [{"treatments": ["botox"], "verdict": "defer", "message": "pregnancy"}])"),
       rules_file, "/rules/0/effects/0/treatments/0"},
      {"a verdict that changes nothing", rule(R"("when": [{"pregnant": true}], "effects": [{"treatments": ["*"], "verdict": "suitable", "message": "pregnancy"}])"),
       rules_file, "/rules/0/effects/0/verdict"},
      {"a window on an untimed trigger", rule(R"("when": [{"condition": "sunburn"}], "effects": [{"treatments": ["*"], "verdict": "defer", "message": "recent.heal", "within": {"weeks": 2}}])"),
       rules_file, "/rules/0/effects/0/within"},
      {"a window in the wrong unit", rule(R"("when": [{"procedure": "neurotoxin"}], "effects": [{"treatments": ["*"], "verdict": "defer", "message": "recent.heal", "within": {"months": 2}}])"),
       rules_file, "/rules/0/effects/0/within"},
      {"the clinic's wait on a procedure", rule(R"("when": [{"procedure": "neurotoxin"}], "effects": [{"treatments": ["*"], "verdict": "defer", "message": "recent.heal", "within": "clinic_isotretinoin_wait"}])"),
       rules_file, "/rules/0/effects/0/within"},
      {"a source not in sources.json", R"({"rules": [{"id": "r", "sources": ["nowhere"], "when": [{"pregnant": true}], )" + effect + "}]}",
       rules_file, "/rules/0/sources/0"},
      {"no source and no cautious default", R"({"rules": [{"id": "r", "sources": [], "when": [{"pregnant": true}], )" + effect + "}]}",
       rules_file, "/rules/0/sources"},
      {"a repeated id", R"({"rules": [{"id": "r", "sources": ["seed_000"], "when": [{"pregnant": true}], )" + effect +
                            R"(}, {"id": "r", "sources": ["seed_000"], "when": [{"pregnant": true}], )" + effect + "}]}",
       rules_file, "/rules/1/id"},
      {"no triggers", rule(R"("when": [], )" + effect), rules_file, "/rules/0/when"},
      {"a message no language has", rule(R"("when": [{"pregnant": true}], "effects": [{"treatments": ["*"], "verdict": "defer", "message": "nope"}])"),
       en, "/messages/nope"},
      {"a timed message without an undated text", rule(R"("when": [{"procedure": "neurotoxin"}], "effects": [{"treatments": ["*"], "verdict": "defer", "message": "unknown.age", "within": {"weeks": 2}}])"),
       en, "/messages/unknown.age/undated"},
      {"not JSON", "{", rules_file, ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.what);
    const CandidacyRules loaded = CandidacyRules::load(with_file(rules_file, c.rules), Content::builtin());
    INFO(issue_lines(loaded.issues()));
    CHECK(has_issue(loaded.issues(), c.document, c.pointer));
  }
}

TEST_CASE("a message with an unknown placeholder is reported") {
  const std::string en = language_file(Lang::en, kCandidacyMessagesFile);
  Json messages = Json::parse(std::string(*embedded_asset(en)));
  messages["messages"]["pregnancy"]["text"] = "Wait {weeks}.";
  const CandidacyRules loaded = CandidacyRules::load(with_file(en, messages.dump()), Content::builtin());
  CHECK(has_issue(loaded.issues(), en, "/messages/pregnancy"));
}

TEST_CASE("durations read naturally in both languages") {
  const CandidacyRules& rules = CandidacyRules::builtin();
  CHECK(rules.duration_text(Lang::en, {0, TimeUnit::weeks}) == "less than a week");
  CHECK(rules.duration_text(Lang::en, {1, TimeUnit::weeks}) == "1 week");
  CHECK(rules.duration_text(Lang::en, {3, TimeUnit::months}) == "3 months");
  CHECK(rules.duration_text(Lang::es, {1, TimeUnit::months}) == "1 mes");
  CHECK(rules.duration_text(Lang::es, {4, TimeUnit::weeks}) == "4 semanas");
}

// ---------------------------------------------------------------- verdicts

TEST_CASE("the profile table gives the expected verdicts (tests/data/profiles)") {
  const std::filesystem::path dir = std::filesystem::path(MN_SOURCE_DIR) / "tests/data/profiles";
  int profiles = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.size() < 5 || name.find(".expected.") != std::string::npos || entry.path().extension() != ".json") continue;
    ++profiles;
    CAPTURE(name);
    const ProfileParse parse = parse_profile(source_file(entry.path()));
    REQUIRE(parse.ok());
    const Json expected = Json::parse(source_file(dir / (entry.path().stem().string() + ".expected.json")));
    const Assessment a = assess(parse.profile, demo());
    CHECK(Json(a.skin.type ? Json(*a.skin.type) : Json(nullptr)) == expected.at("fitzpatrick"));
    CHECK(skin_type_source_name(a.skin.source) == expected.at("fitzpatrick_source").get<std::string>());
    const Json& results = expected.at("results");
    for (const auto& [id, spec] : results.items())
      if (id != "*") CHECK_MESSAGE(a.find(id), "unknown treatment in the expectations: " << id);
    for (const TreatmentAssessment& t : a.treatments) {
      const auto spec = results.find(t.treatment->id);
      if (spec != results.end()) check_expectation(t, *spec);
      else if (results.contains("*")) check_expectation(t, results.at("*"));
    }
  }
  CHECK(profiles >= 30);
}

TEST_CASE("a clean profile is suitable for everything but a deep peel's pigment risk") {
  const Assessment a = assess(clean_profile(), demo());
  REQUIRE(a.treatments.size() == kTreatmentIds.size());
  for (const TreatmentAssessment& t : a.treatments) {
    CAPTURE(t.treatment->id);
    if (t.treatment->id == "chemical_peel_deep") CHECK(t.verdict == Verdict::suitable_with_precautions);
    else CHECK(t.verdict == Verdict::suitable);
  }
}

TEST_CASE("skin-type verdicts follow each treatment's pigment risk") {
  for (int type = 1; type <= 6; ++type) {
    Profile p = clean_profile();
    p.fitzpatrick = type;
    const Assessment a = assess(p, demo());
    for (const TreatmentAssessment& t : a.treatments) {
      CAPTURE(type);
      CAPTURE(t.treatment->id);
      const PihRisk risk = t.treatment->pih_risk[static_cast<std::size_t>(type - 1)];
      const Verdict expected = risk == PihRisk::very_high ? Verdict::not_recommended
                               : risk == PihRisk::low     ? Verdict::suitable
                                                          : Verdict::suitable_with_precautions;
      CHECK(t.verdict == expected);
    }
  }
  for (const Treatment& t : Content::builtin().treatments())  // a darker type never lowers the risk
    CHECK_MESSAGE(std::is_sorted(t.pih_risk.begin(), t.pih_risk.end()), t.id);
}

TEST_CASE("dark skin: ablative laser and deep peels are not advised, medium peels not at V-VI, non-ablative lasers need care") {
  for (int type = 4; type <= 6; ++type) {
    Profile p = clean_profile();
    p.fitzpatrick = type;
    const Assessment a = assess(p, demo());
    CAPTURE(type);
    CHECK(result(a, "laser_ablative").verdict == Verdict::not_recommended);
    CHECK(result(a, "chemical_peel_deep").verdict == Verdict::not_recommended);
    CHECK(result(a, "chemical_peel_medium").verdict == (type == 4 ? Verdict::suitable_with_precautions : Verdict::not_recommended));
    if (type > 4) {  // sources disagree on medium peels in darker skin: the message says so
      CHECK(reason(a, "chemical_peel_medium", "skin.pih_very_high")->effect->message == "skin.pih_very_high.medium_peel");
      const Json out = Json::parse(assessment_json(a, Lang::en, CandidacyRules::builtin(), Content::builtin()).dump());
      CHECK(out["results"]["chemical_peel_medium"]["reasons"][0]["message"].get<std::string>().find("cautious view") != std::string::npos);
    }
    CHECK(result(a, "laser_nonablative_fractional").verdict == Verdict::suitable_with_precautions);
    CHECK(result(a, "microdermabrasion").verdict == Verdict::suitable);
  }
}

TEST_CASE("the isotretinoin wait is the clinic's, on both sides of it") {
  for (const Treatment& t : Content::builtin().treatments()) {
    const int wait = demo().treatment(t.id)->isotretinoin_wait_months;
    CAPTURE(t.id);
    Profile p = clean_profile();
    p.medications = {{std::string(kIsotretinoin), 0}};
    if (wait > 0) {
      p.medications->front().months_since_last_dose = wait - 1;
      const Assessment inside = assess(p, demo());
      const Reason* r = reason(inside, t.id, "medication.isotretinoin");
      REQUIRE(r);
      CHECK(r->verdict == Verdict::defer);
      CHECK(r->wait == Duration{1, TimeUnit::months});
    }
    p.medications->front().months_since_last_dose = wait;
    const Assessment at_end = assess(p, demo());
    const Reason* after = reason(at_end, t.id, "medication.isotretinoin");
    if (wait < 6) {
      REQUIRE(after);
      CHECK(after->verdict == Verdict::suitable_with_precautions);
      CHECK_FALSE(after->wait);
    } else {
      CHECK_FALSE(after);
    }
    p.medications->front().months_since_last_dose = std::max(wait, 6);
    const Assessment later = assess(p, demo());
    CHECK_FALSE(reason(later, t.id, "medication.isotretinoin"));
  }
}

TEST_CASE("a clinic changes the isotretinoin wait per treatment") {
  ClinicConfig clinic = demo();
  clinic.treatments["microneedling"].isotretinoin_wait_months = 0;
  clinic.treatments["laser_ablative"].isotretinoin_wait_months = 12;
  clinic.treatments["chemical_peel_superficial"].isotretinoin_wait_months = 3;
  Profile p = clean_profile();
  p.medications = {{std::string(kIsotretinoin), 2}};
  Assessment a = assess(p, clinic);
  CHECK(result(a, "microneedling").verdict == Verdict::suitable_with_precautions);
  CHECK(result(a, "laser_ablative").wait == Duration{10, TimeUnit::months});
  CHECK(result(a, "chemical_peel_superficial").wait == Duration{1, TimeUnit::months});
  p.medications->front().months_since_last_dose = 3;
  a = assess(p, clinic);
  CHECK(result(a, "chemical_peel_superficial").verdict == Verdict::suitable_with_precautions);
  p.medications->front().months_since_last_dose = 8;
  a = assess(p, clinic);
  CHECK(result(a, "laser_ablative").wait == Duration{4, TimeUnit::months});
  CHECK(result(a, "chemical_peel_superficial").verdict == Verdict::suitable);
  CHECK(result(a, "microneedling").verdict == Verdict::suitable);
}

TEST_CASE("every recent-procedure window holds in its last week and has ended the week after") {
  const CandidacyRules& rules = CandidacyRules::builtin();
  int windows = 0;
  for (const Rule& rule : rules.rules())
    for (const Effect& effect : rule.effects) {
      if (!effect.within || effect.within->kind != Window::Kind::fixed) continue;
      const int length = effect.within->length.amount;
      for (const Trigger& trigger : rule.when) {
        if (trigger.kind != Trigger::Kind::procedure) continue;
        for (const std::string& treatment : effect.treatments) {
          ++windows;
          CAPTURE(rule.id);
          CAPTURE(trigger.value);
          CAPTURE(treatment);
          Profile p = clean_profile();
          p.recent_procedures = {{trigger.value, length - 1}};
          const Assessment last_week = assess(p, demo());
          const Reason* inside = reason(last_week, treatment, rule.id);
          REQUIRE(inside);
          CHECK(inside->effect == &effect);
          CHECK(inside->wait == Duration{1, TimeUnit::weeks});
          CHECK(result(last_week, treatment).verdict == Verdict::defer);
          p.recent_procedures = {{trigger.value, length}};
          const Assessment week_after = assess(p, demo());
          CHECK_FALSE(reason(week_after, treatment, rule.id));
        }
      }
    }
  CHECK(windows > 80);
}

TEST_CASE("the windows the reference gives before microneedling") {
  const auto wait_after = [](const char* procedure, int weeks_ago) {
    Profile p = clean_profile();
    p.recent_procedures = {{procedure, weeks_ago}};
    const Assessment a = assess(p, demo());
    return result(a, "microneedling").wait;
  };
  CHECK(wait_after("chemical_peel_superficial", 0) == Duration{5, TimeUnit::weeks});  // 30 days, rounded up
  CHECK(wait_after("chemical_peel_medium", 0) == Duration{5, TimeUnit::weeks});
  CHECK(wait_after("neurotoxin", 0) == Duration{13, TimeUnit::weeks});                // 3 months
  CHECK(wait_after("dermal_filler_ha", 0) == Duration{52, TimeUnit::weeks});          // 12 months
  CHECK(wait_after("laser_nonablative_fractional", 2) == Duration{2, TimeUnit::weeks});
}

TEST_CASE("the longest known wait is the treatment's; an unknown one leaves it open") {
  Profile p = clean_profile();
  p.medications = {{std::string(kIsotretinoin), 5}};             // 1 month to go for microneedling
  p.recent_procedures = {{"laser_nonablative_fractional", 1}};  // 3 weeks to go
  const auto wait = [&] {
    const Assessment a = assess(p, demo());
    return result(a, "microneedling").wait;
  };
  CHECK(wait() == Duration{1, TimeUnit::months});
  p.recent_procedures = {{"neurotoxin", 1}};  // 12 weeks to go
  CHECK(wait() == Duration{12, TimeUnit::weeks});
  p.conditions = {"active_cold_sore"};
  const Assessment a = assess(p, demo());
  CHECK(result(a, "microneedling").verdict == Verdict::defer);
  CHECK_FALSE(result(a, "microneedling").wait);
}

TEST_CASE("cold sores: an active one defers everything, a history asks for care") {
  Profile p = clean_profile();
  p.conditions = {"active_cold_sore"};
  for (const TreatmentAssessment& t : assess(p, demo()).treatments) CHECK(t.verdict == Verdict::defer);
  p.conditions = {"cold_sores_history"};
  const Assessment a = assess(p, demo());
  CHECK(result(a, "microneedling").verdict == Verdict::suitable_with_precautions);
  CHECK(result(a, "laser_ablative").verdict == Verdict::suitable_with_precautions);
  CHECK(result(a, "neurotoxin").verdict == Verdict::suitable);
}

TEST_CASE("unknown answers turn into precautions, never into 'fine'; deep resurfacing waits for the health answers") {
  Profile p;  // nothing answered
  const Assessment a = assess(p, demo());
  for (const TreatmentAssessment& t : a.treatments) {
    CAPTURE(t.treatment->id);
    const bool deep = t.treatment->id == "chemical_peel_deep" || t.treatment->id == "laser_ablative";
    CHECK(t.verdict == (deep ? Verdict::defer : Verdict::suitable_with_precautions));
    for (const char* rule : {"unknown.age", "unknown.pregnancy", "unknown.conditions", "unknown.medications",
                             "unknown.recent_procedures", "unknown.sun"})
      CHECK_MESSAGE(reason(a, t.treatment->id, rule), rule);
    const bool varies = std::adjacent_find(t.treatment->pih_risk.begin(), t.treatment->pih_risk.end(),
                                           std::not_equal_to<>()) != t.treatment->pih_risk.end();
    CHECK((reason(a, t.treatment->id, "unknown.fitzpatrick") != nullptr) == varies);
  }
  CHECK_FALSE(reason(a, "neurotoxin", "unknown.fitzpatrick"));
  CHECK(reason(a, "microneedling", "unknown.fitzpatrick"));
  // Either health answer alone, left out, holds deep resurfacing back; both given, it does not.
  for (const char* field : {"conditions", "medications"}) {
    CAPTURE(field);
    Profile q = clean_profile();
    if (std::string(field) == "conditions") q.conditions.reset();
    else q.medications.reset();
    const Assessment b = assess(q, demo());
    CHECK(result(b, "laser_ablative").verdict == Verdict::defer);
    CHECK(result(b, "chemical_peel_deep").verdict == Verdict::defer);
    CHECK(result(b, "microneedling").verdict == Verdict::suitable_with_precautions);
  }
  const Assessment answered = assess(clean_profile(), demo());
  CHECK(result(answered, "laser_ablative").verdict == Verdict::suitable);
}

TEST_CASE("under-18s wait, and are told about a guardian") {
  Profile p = clean_profile();
  p.age = 17;
  const Assessment a = assess(p, demo());
  for (const TreatmentAssessment& t : a.treatments) CHECK(t.verdict == Verdict::defer);
  const Json out = Json::parse(assessment_json(a, Lang::en, CandidacyRules::builtin(), Content::builtin()).dump());
  CHECK(out["results"]["microneedling"]["reasons"][0]["message"].get<std::string>().find("guardian") != std::string::npos);
  p.age = 18;
  const Assessment adult = assess(p, demo());
  CHECK_FALSE(reason(adult, "microneedling", "age.minor"));
}

// ---------------------------------------------------------------- properties over generated profiles

TEST_CASE("property: a worse profile never gets a better verdict (2000 seeded profiles)") {
  Rng rng(20240611);
  std::size_t checked = 0;
  for (int i = 0; i < 2000; ++i) {
    const Profile p = random_profile(rng);
    const Assessment before = assess(p, demo());
    for (const auto& [what, change] : worse_changes(p, rng)) {
      check_not_better(before, assess(changed(p, change), demo()), what);
      ++checked;
    }
  }
  CHECK(checked > 40000);
}

TEST_CASE("property: an unanswered question is never better than its best answer (2000 seeded profiles)") {
  Rng rng(7);
  for (int i = 0; i < 2000; ++i) {
    const Profile p = random_profile(rng);
    for (const AnswerPair& pair : answer_pairs())
      check_not_better(assess(changed(p, pair.best), demo()), assess(changed(p, pair.forget), demo()),
                       "forgetting " + pair.field);
  }
}

TEST_CASE("property: every reason renders a full message with sources, in both languages (300 seeded profiles)") {
  Rng rng(99);
  const CandidacyRules& rules = CandidacyRules::builtin();
  for (int i = 0; i < 300; ++i) {
    const Assessment a = assess(random_profile(rng), demo());
    for (Lang lang : kLanguages) {
      const auto out = assessment_json(a, lang, rules, Content::builtin());
      for (const auto& [id, t] : out["results"].items())
        for (const auto& r : t["reasons"]) {
          const std::string message = r["message"].get<std::string>();
          CAPTURE(message);
          CHECK(message.size() > 20);
          CHECK(message.find('{') == std::string::npos);
          const Rule* rule = rules.rule(r["rule"].get<std::string>());
          REQUIRE(rule);
          // A sourced reason cites its sources; a cautious default says in its message that it is one, except an
          // unanswered question or the age limit (the app's practice, whose own words say why).
          const std::string& rid = rule->id;
          const bool practice = rid.rfind("unknown.", 0) == 0 || rid == "age.minor";
          if (r.contains("basis")) {
            CHECK(r["basis"] == "caution");
            CHECK((message.find(rules.text(lang, "note.caution")) != std::string::npos) == !practice);
          } else {
            CHECK(!r["sources"].empty());
          }
        }
    }
  }
}

// ---------------------------------------------------------------- the JSON facade

TEST_CASE("assess_json renders the brief's example profile") {
  const AssessReply reply = assess_json(R"({"age": 34, "fitzpatrick": 4, "fitzpatrick_quiz": [2,3,3,4,3,3,2,3],
    "concerns": [{"id": "acne_scars", "severity": 2}], "conditions": ["cold_sores_history"],
    "medications": [{"id": "isotretinoin", "months_since_last_dose": 3}], "pregnant_or_breastfeeding": false,
    "recent_procedures": [{"id": "laser_ablative", "weeks_ago": 2}], "sun": "normal", "max_downtime_days": 3, "budget": 1500})",
                                        Lang::en, demo());
  REQUIRE(reply.ok());
  const auto out = nlohmann::ordered_json::parse(reply.json);
  CHECK(out["fitzpatrick"] == 4);
  CHECK(out["fitzpatrick_source"] == "explicit");
  CHECK(out["fitzpatrick_quiz"]["score"] == 23);
  CHECK(out["notes"][0]["note"] == "fitzpatrick_both");
  std::vector<std::string> order;
  for (const auto& [id, t] : out["results"].items()) order.push_back(id);
  std::vector<std::string> content_order;
  for (const Treatment& t : Content::builtin().treatments()) content_order.push_back(t.id);
  CHECK(order == content_order);
  CHECK(order.front() == "microneedling");
  const auto& mn = out["results"]["microneedling"];
  CHECK(mn["verdict"] == "defer");
  CHECK(mn["wait"] == nlohmann::ordered_json{{"months", 3}});
  CHECK(mn["concern_fit"]["acne_scars"] == 3);
  const auto& first = mn["reasons"][0];
  CHECK(first["rule"] == "medication.isotretinoin");
  CHECK(first["message"].get<std::string>().find("3 months more") != std::string::npos);
  CHECK(first["message"].get<std::string>().find("JAMA Dermatology") != std::string::npos);
  CHECK_FALSE(first["ask"].get<std::string>().empty());
  // No consensus names microneedling: the clinic's wait is a cautious default, resting on the research notes, and the
  // message says so.
  CHECK(first["sources"] == nlohmann::ordered_json{"ref_isotretinoin"});
  CHECK(first["basis"] == "caution");
  CHECK(first["message"].get<std::string>().find("No guideline or product label we could check settles this") !=
        std::string::npos);
  const auto& deep = out["results"]["chemical_peel_deep"]["reasons"];
  const auto iso = std::find_if(deep.begin(), deep.end(), [](const auto& r) { return r["rule"] == "medication.isotretinoin"; });
  REQUIRE(iso != deep.end());
  const auto& cited = (*iso)["sources"];
  CHECK(std::find(cited.begin(), cited.end(), "src_waldman_2017") != cited.end());  // the deep peel: the ASDS consensus
  CHECK_FALSE(iso->contains("basis"));
  CHECK(out["results"]["laser_ablative"]["verdict"] == "not_recommended");
  CHECK_FALSE(out["results"]["laser_ablative"].contains("wait"));
}

TEST_CASE("assess_json speaks Spanish and says when a date is unknown") {
  const AssessReply reply = assess_json(R"({"concerns": [], "medications": [{"id": "isotretinoin"}]})", Lang::es, demo());
  REQUIRE(reply.ok());
  const auto out = nlohmann::ordered_json::parse(reply.json);
  const auto& mn = out["results"]["microneedling"];
  CHECK(mn["verdict_label"] == "Esperar por ahora");
  CHECK(mn["name"] == Content::builtin().treatment_text(Lang::es, "microneedling")->name);
  CHECK_FALSE(mn.contains("wait"));
  CHECK(mn["reasons"][0]["message"].get<std::string>().find("no indicó la fecha") != std::string::npos);
}

TEST_CASE("assess_json never throws on broken UTF-8 quoted in a parse error (found by fuzz_profile)") {
  const std::string input = "{\"concerns\": [{\"id\": \"texture\", \"severity\": \xcf\x83]}";
  AssessReply reply;
  CHECK_NOTHROW(reply = assess_json(input, Lang::en, demo()));
  CHECK_FALSE(reply.ok());
  CHECK(Json::parse(reply.json)["errors"].size() == 1);
}

TEST_CASE("assess_json refuses a malformed profile with pointers") {
  const AssessReply reply = assess_json(R"({"concerns": [{"id": "acne_scars", "severity": 4}]})", Lang::en, demo());
  CHECK_FALSE(reply.ok());
  const Json out = Json::parse(reply.json);
  REQUIRE(out["errors"].size() == 1);
  CHECK(out["errors"][0]["pointer"] == "/concerns/0/severity");
  CHECK(out["errors"][0]["message"] == "must be 1, 2 or 3");
}

// ---------------------------------------------------------------- issue 15: isotretinoin, ranges, areas, labels

namespace {

std::string message_of(const Assessment& a, Lang lang, std::string_view treatment, std::string_view rule) {
  const auto out = assessment_json(a, lang, CandidacyRules::builtin(), Content::builtin());
  for (const auto& r : out["results"][std::string(treatment)]["reasons"])
    if (r["rule"] == rule) return r["message"].get<std::string>();
  return {};
}

Profile on_isotretinoin(std::optional<int> months, bool taking_now = false) {
  Profile p = clean_profile();
  MedicationAnswer m{std::string(kIsotretinoin), months};
  m.taking_now = taking_now;
  p.medications = {m};
  return p;
}

}  // namespace

TEST_CASE("no clinic setting lowers the 6-month isotretinoin floor (ablative laser, deep and medium peels, RF microneedling)") {
  ClinicConfig clinic = demo();
  for (auto& [id, t] : clinic.treatments) t.isotretinoin_wait_months = 0;
  for (int months = 0; months <= 6; ++months) {
    const Assessment a = assess(on_isotretinoin(months), clinic);
    for (std::string_view id : kIsotretinoinFloorTreatments) {
      CAPTURE(months);
      CAPTURE(id);
      if (months < 6) {
        CHECK(result(a, id).verdict == Verdict::defer);
        CHECK(result(a, id).wait == Duration{6 - months, TimeUnit::months});
      } else {
        CHECK_FALSE(reason(a, id, "medication.isotretinoin"));
      }
    }
    if (months < 6) CHECK(result(a, "microneedling").verdict == Verdict::suitable_with_precautions);
  }
  // Above the floor, the clinic's longer wait applies.
  clinic.treatments["laser_ablative"].isotretinoin_wait_months = 9;
  const Assessment a = assess(on_isotretinoin(2), clinic);
  CHECK(result(a, "laser_ablative").wait == Duration{7, TimeUnit::months});
  CHECK(reason(a, "laser_ablative", "medication.isotretinoin")->effect->message == "medication.isotretinoin.wait");
  CHECK(result(a, "chemical_peel_deep").wait == Duration{4, TimeUnit::months});
  CHECK(reason(a, "chemical_peel_deep", "medication.isotretinoin")->effect->message == "medication.isotretinoin.floor_peel");
  // The deep-peel floor says nothing about fractional lasers; the laser's does.
  CHECK(message_of(a, Lang::en, "chemical_peel_deep", "medication.isotretinoin").find("ractional") == std::string::npos);
  CHECK(message_of(a, Lang::en, "chemical_peel_deep", "medication.isotretinoin").find("cleared deep peels") != std::string::npos);
  // RF microneedling: its device maker's exclusion; medium peels: not cleared by the 2017 consensus papers.
  CHECK(reason(a, "rf_microneedling", "medication.isotretinoin")->effect->message == "medication.isotretinoin.device");
  CHECK(reason(a, "chemical_peel_medium", "medication.isotretinoin")->effect->message == "medication.isotretinoin.not_cleared");
  for (Lang lang : kLanguages)
    for (const char* id : {"rf_microneedling", "chemical_peel_medium"}) {
      CAPTURE(id);
      const std::string text = message_of(a, lang, id, "medication.isotretinoin");
      CHECK(text.find('{') == std::string::npos);
      CHECK(text.find(lang == Lang::en ? "about 4 months more" : "faltan aproximadamente 4 meses") != std::string::npos);
    }
  // A clinic's longer wait still applies to them.
  clinic.treatments["rf_microneedling"].isotretinoin_wait_months = 12;
  const Assessment longer = assess(on_isotretinoin(7), clinic);
  CHECK(result(longer, "rf_microneedling").wait == Duration{5, TimeUnit::months});
  CHECK(result(longer, "chemical_peel_medium").verdict == Verdict::suitable);
}

TEST_CASE("the rules' isotretinoin floor and the clinic configuration's agree") {
  const Rule* rule = CandidacyRules::builtin().rule("medication.isotretinoin");
  REQUIRE(rule);
  std::vector<std::string> floored;
  for (const Effect& e : rule->effects)
    if (e.verdict == Verdict::defer && e.within && e.within->kind == Window::Kind::fixed) {
      CHECK(e.within->length == Duration{kIsotretinoinFloorMonths, TimeUnit::months});
      floored.insert(floored.end(), e.treatments.begin(), e.treatments.end());
    }
  CHECK(floored == std::vector<std::string>(kIsotretinoinFloorTreatments.begin(), kIsotretinoinFloorTreatments.end()));
}

TEST_CASE("a clinic.json below the isotretinoin floor is raised to it, with a warning at the value") {
  Json clinic = Json::parse(std::string(*embedded_asset("clinic/demo.json")));
  clinic["treatments"]["laser_ablative"]["isotretinoin_wait_months"] = 0;
  clinic["treatments"]["chemical_peel_deep"]["isotretinoin_wait_months"] = 5;
  clinic["treatments"]["microneedling"]["isotretinoin_wait_months"] = 0;
  clinic["treatments"]["rf_microneedling"]["isotretinoin_wait_months"] = 0;
  clinic["treatments"]["chemical_peel_medium"]["isotretinoin_wait_months"] = 3;
  const ConfigLoad load = load_clinic_config(clinic.dump());
  CHECK(load.ok());
  CHECK(load.config.treatment("laser_ablative")->isotretinoin_wait_months == 6);
  CHECK(load.config.treatment("chemical_peel_deep")->isotretinoin_wait_months == 6);
  CHECK(load.config.treatment("microneedling")->isotretinoin_wait_months == 0);
  CHECK(load.config.treatment("rf_microneedling")->isotretinoin_wait_months == 6);
  CHECK(load.config.treatment("chemical_peel_medium")->isotretinoin_wait_months == 6);
  const auto warned = [&](const std::string& pointer) {
    return std::any_of(load.issues.begin(), load.issues.end(), [&](const Issue& i) {
      return i.severity == Severity::warning && i.pointer == pointer && i.message.find("6-month minimum") != std::string::npos;
    });
  };
  CHECK(warned("/treatments/laser_ablative/isotretinoin_wait_months"));
  CHECK(warned("/treatments/chemical_peel_deep/isotretinoin_wait_months"));
  CHECK(warned("/treatments/rf_microneedling/isotretinoin_wait_months"));
  CHECK(warned("/treatments/chemical_peel_medium/isotretinoin_wait_months"));
  CHECK_FALSE(warned("/treatments/microneedling/isotretinoin_wait_months"));
}

TEST_CASE("taking isotretinoin now: the wait has not started, and the message says it counts from the last dose") {
  const Assessment now = assess(on_isotretinoin(std::nullopt, true), demo());
  for (std::string_view id : {"microneedling", "chemical_peel_deep", "laser_ablative", "chemical_peel_medium"}) {
    CAPTURE(id);
    CHECK(result(now, id).verdict == Verdict::defer);
    CHECK_FALSE(result(now, id).wait);
    const Reason* r = reason(now, id, "medication.isotretinoin");
    REQUIRE(r);
    CHECK(r->ongoing);
    CHECK(r->window == Duration{6, TimeUnit::months});
  }
  CHECK(result(now, "chemical_peel_superficial").verdict == Verdict::suitable_with_precautions);
  CHECK(message_of(now, Lang::en, "microneedling", "medication.isotretinoin").find("counts from your last dose") != std::string::npos);
  CHECK(message_of(now, Lang::en, "laser_ablative", "medication.isotretinoin").find("Fractional ablative") != std::string::npos);
  CHECK(message_of(now, Lang::es, "microneedling", "medication.isotretinoin").find("se cuenta desde su última dosis") != std::string::npos);
  CHECK(message_of(now, Lang::en, "chemical_peel_superficial", "medication.isotretinoin").find("while you take it") != std::string::npos);
  // Injections: a note with its own message; no source links isotretinoin to them (review 2.2).
  for (std::string_view id : {"neurotoxin", "dermal_filler_ha"}) {
    CAPTURE(id);
    CHECK(result(now, id).verdict == Verdict::suitable_with_precautions);
    CHECK(reason(now, id, "medication.isotretinoin")->effect->message == "medication.isotretinoin.injectable");
    CHECK(message_of(now, Lang::en, id, "medication.isotretinoin").find("not injections") != std::string::npos);
  }
  // Taking it now is never better than having stopped this month.
  const Assessment stopped = assess(on_isotretinoin(0), demo());
  for (std::size_t i = 0; i < now.treatments.size(); ++i) CHECK(now.treatments[i].verdict >= stopped.treatments[i].verdict);
}

TEST_CASE("a range answer counts as its least favourable end, and the message says 'up to'") {
  Profile p = on_isotretinoin(3);
  p.medications->front().months_max = 6;
  p.medications->front().months_range = true;
  const Assessment a = assess(p, demo());
  CHECK(result(a, "microneedling").wait == Duration{3, TimeUnit::months});
  CHECK(result(a, "microneedling").wait_up_to);
  const std::string en = message_of(a, Lang::en, "microneedling", "medication.isotretinoin");
  CHECK(en.find("3–6 months ago") != std::string::npos);
  CHECK(en.find("up to 3 months more") != std::string::npos);
  CHECK(message_of(a, Lang::es, "microneedling", "medication.isotretinoin").find("faltan hasta 3 meses") != std::string::npos);
  const Json out = Json::parse(assessment_json(a, Lang::en, CandidacyRules::builtin(), Content::builtin()).dump());
  CHECK(out["results"]["microneedling"]["wait_up_to"] == true);
  CHECK(out["results"]["microneedling"]["reasons"][0]["wait_up_to"] == true);

  Profile q = clean_profile();  // "1-3 months ago" (4-13 weeks) after a neurotoxin: counts as 4 weeks
  q.recent_procedures = {{"neurotoxin", 4, 13, true, std::nullopt}};
  const Assessment b = assess(q, demo());
  CHECK(result(b, "microneedling").wait == Duration{9, TimeUnit::weeks});
  CHECK(message_of(b, Lang::en, "microneedling", "recent.neurotoxin").find("4–13 weeks ago") != std::string::npos);
  CHECK(message_of(b, Lang::en, "microneedling", "recent.neurotoxin").find("Some clinics") != std::string::npos);
  q.recent_procedures = {{"chemical_peel_medium", 0, 2, true, std::nullopt}};
  const Assessment c = assess(q, demo());
  CHECK(message_of(c, Lang::en, "chemical_peel_medium", "recent.chemical_peel_medium").find("less than 2 weeks ago") != std::string::npos);
  // An exact answer still says "about".
  const Assessment d = assess(on_isotretinoin(3), demo());
  CHECK_FALSE(result(d, "microneedling").wait_up_to);
  CHECK(message_of(d, Lang::en, "microneedling", "medication.isotretinoin").find("about 3 months more") != std::string::npos);
}

TEST_CASE("a wait after an injectable applies where the areas overlap; an area not given counts as overlapping") {
  const auto needling = [](std::optional<std::string> injected, std::optional<std::vector<std::string>> planned) {
    Profile p = clean_profile();
    p.recent_procedures = {{"dermal_filler_ha", 10, std::nullopt, false, std::move(injected)}};
    p.areas = std::move(planned);
    const Assessment a = assess(p, demo());
    return result(a, "microneedling").verdict;
  };
  using V = std::vector<std::string>;
  CHECK(needling("lips", V{"scalp"}) == Verdict::suitable);
  CHECK(needling("lips", V{"body", "neck"}) == Verdict::suitable);
  CHECK(needling("lips", V{"face"}) == Verdict::defer);
  CHECK(needling("face", V{"lips"}) == Verdict::defer);
  CHECK(needling("lips", V{"scalp", "lips"}) == Verdict::defer);
  CHECK(needling("eyes", V{"lips"}) == Verdict::suitable);
  CHECK(needling(std::nullopt, V{"scalp"}) == Verdict::defer);
  CHECK(needling("lips", std::nullopt) == Verdict::defer);
  CHECK(areas_overlap("face", "eyes"));
  CHECK_FALSE(areas_overlap("neck", "face"));
}

TEST_CASE("every new condition and medication of issue 15 changes some verdict, with a sourced message in en and es") {
  const std::vector<std::string> conditions = {
      "neuromuscular_disorder", "toxin_allergy", "severe_allergies_anaphylaxis", "gram_positive_protein_allergy",
      "autoimmune_systemic", "heart_liver_kidney_disease", "radiation_to_area", "recent_facial_surgery",
      "metal_implants_or_gold_threads", "low_platelets_or_anemia", "cancer_treatment"};
  const std::vector<std::string> medications = {"antiplatelet_or_nsaid", "aminoglycoside", "systemic_steroid"};
  const Assessment clean = assess(clean_profile(), demo());
  const auto check = [&](const Profile& p, const std::string& what) {
    CAPTURE(what);
    const Assessment a = assess(p, demo());
    int changed = 0;
    for (std::size_t i = 0; i < a.treatments.size(); ++i) changed += a.treatments[i].verdict != clean.treatments[i].verdict;
    CHECK(changed > 0);
    for (Lang lang : kLanguages) {
      const auto out = assessment_json(a, lang, CandidacyRules::builtin(), Content::builtin());
      for (const auto& [id, t] : out["results"].items())
        for (const auto& r : t["reasons"]) {
          CHECK(r["message"].get<std::string>().find('{') == std::string::npos);
          CHECK_FALSE(r["sources"].empty());
        }
    }
    CHECK(CandidacyRules::builtin().text(Lang::es, what) != CandidacyRules::builtin().text(Lang::en, what));
  };
  for (const std::string& c : conditions) {
    Profile p = clean_profile();
    p.conditions = {c};
    check(p, "condition." + c);
  }
  for (const std::string& m : medications) {
    Profile p = clean_profile();
    p.medications = {{m, std::nullopt}};
    check(p, "medication." + m);
  }
}

TEST_CASE("pregnancy defers every treatment, microdermabrasion too (no source addresses it: the cautious reading)") {
  Profile p = clean_profile();
  p.pregnant_or_breastfeeding = true;
  const Assessment a = assess(p, demo());
  for (const TreatmentAssessment& t : a.treatments) {
    CAPTURE(t.treatment->id);
    CHECK(t.verdict == Verdict::defer);
  }
}
