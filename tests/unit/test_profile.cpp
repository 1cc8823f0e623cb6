// The candidacy profile: parsing with validation, the Fitzpatrick quiz, the skin type used (core/profile.hpp).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "core/files.hpp"
#include "core/profile.hpp"
#include "ui/answers.hpp"

using namespace mn;

namespace {

std::string source_file(const std::filesystem::path& path) {
  const auto text = read_file(path.string(), 1 << 24);
  REQUIRE_MESSAGE(text, "cannot read " << path.string());
  return *text;
}

std::vector<std::string> issue_lines(const ProfileParse& parse) {
  std::vector<std::string> lines;
  for (const Issue& i : parse.issues) lines.push_back(format_profile_issue(i));
  return lines;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

// Answers adding up to `score` (0–32), filled from the first question on.
QuizAnswers answers_for(int score) {
  QuizAnswers a{};
  for (int& answer : a) {
    answer = std::min(score, kQuizMaxAnswer);
    score -= answer;
  }
  return a;
}

}  // namespace

TEST_CASE("quiz scores map to Fitzpatrick types at every band edge") {
  const std::vector<std::pair<int, int>> edges = {{0, 1},  {6, 1},  {7, 2},  {12, 2}, {13, 3}, {18, 3}, {19, 4},
                                                  {24, 4}, {25, 5}, {30, 5}, {31, 6}, {32, 6}};
  for (const auto& [score, type] : edges) {
    CAPTURE(score);
    CHECK(fitzpatrick_for_quiz_score(score) == type);
    CHECK(quiz_score(answers_for(score)) == score);
    Profile p;
    p.fitzpatrick_quiz = answers_for(score);
    const SkinType skin = skin_type(p);
    CHECK(skin.type == type);
    CHECK(skin.source == SkinTypeSource::quiz);
    CHECK(skin.quiz_score == score);
  }
  CHECK_FALSE(fitzpatrick_for_quiz_score(-1));
  CHECK_FALSE(fitzpatrick_for_quiz_score(33));
}

TEST_CASE("invalid quiz answers give no score and no type") {
  for (int bad : {-1, 5, 100}) {
    QuizAnswers a = answers_for(10);
    a[3] = bad;
    CHECK_FALSE(quiz_score(a));
    Profile p;
    p.fitzpatrick_quiz = a;
    CHECK(skin_type(p).source == SkinTypeSource::unknown);
    CHECK_FALSE(skin_type(p).type);
  }
}

TEST_CASE("the explicit skin type wins over the quiz, and says so") {
  Profile p;
  p.fitzpatrick = 2;
  p.fitzpatrick_quiz = answers_for(27);  // type V
  const SkinType skin = skin_type(p);
  CHECK(skin.type == 2);
  CHECK(skin.source == SkinTypeSource::explicit_answer);
  CHECK(skin.quiz_type == 5);
  CHECK(skin.explicit_overrides_quiz());
  CHECK(skin_type_source_name(skin.source) == "explicit");
  p.fitzpatrick_quiz.reset();
  CHECK_FALSE(skin_type(p).explicit_overrides_quiz());
  CHECK(skin_type_source_name(skin_type(Profile{}).source) == "unknown");
}

TEST_CASE("a full profile is read field by field") {
  const ProfileParse parse = parse_profile(R"({
    "age": 34, "fitzpatrick": 4, "fitzpatrick_quiz": [2,3,3,4,3,3,2,3],
    "concerns": [{"id": "acne_scars", "severity": 2}], "conditions": ["cold_sores_history"],
    "medications": [{"id": "isotretinoin", "months_since_last_dose": 3}, {"id": "anticoagulant"}],
    "pregnant_or_breastfeeding": false, "recent_procedures": [{"id": "laser_ablative", "weeks_ago": 2}, {"id": "neurotoxin"}],
    "sun": "tanned", "max_downtime_days": 3, "budget": 1500.5})");
  INFO(issue_lines(parse).size());
  REQUIRE(parse.ok());
  const Profile& p = parse.profile;
  CHECK(p.age == 34);
  CHECK(p.fitzpatrick == 4);
  CHECK(quiz_score(*p.fitzpatrick_quiz) == 23);
  REQUIRE(p.concerns.size() == 1);
  CHECK(p.concerns[0].id == "acne_scars");
  CHECK(p.concerns[0].severity == 2);
  CHECK(p.has_condition("cold_sores_history"));
  CHECK_FALSE(p.has_condition("sunburn"));
  REQUIRE(p.medications->size() == 2);
  CHECK((*p.medications)[0].months_since_last_dose == 3);
  CHECK_FALSE((*p.medications)[1].months_since_last_dose);
  CHECK(p.pregnant_or_breastfeeding == false);
  REQUIRE(p.recent_procedures->size() == 2);
  CHECK((*p.recent_procedures)[0].weeks_ago == 2);
  CHECK_FALSE((*p.recent_procedures)[1].weeks_ago);
  CHECK(p.sun == Sun::tanned);
  CHECK(p.max_downtime_days == 3);
  CHECK(p.budget == 1500.5);
}

TEST_CASE("missing and null answers stay unknown; empty lists mean none") {
  const ProfileParse parse = parse_profile(R"({"concerns": [], "age": null, "conditions": [], "sun": null})");
  REQUIRE(parse.ok());
  CHECK_FALSE(parse.profile.age);
  CHECK_FALSE(parse.profile.sun);
  CHECK_FALSE(parse.profile.medications);
  CHECK_FALSE(parse.profile.pregnant_or_breastfeeding);
  REQUIRE(parse.profile.conditions);
  CHECK(parse.profile.conditions->empty());
}

TEST_CASE("malformed profiles give pointer: message lines (tests/data/bad-profiles)") {
  const std::filesystem::path dir = std::filesystem::path(MN_SOURCE_DIR) / "tests/data/bad-profiles";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    CAPTURE(entry.path().filename().string());
    const ProfileParse parse = parse_profile(source_file(entry.path()));
    CHECK_FALSE(parse.ok());
    std::filesystem::path expected = entry.path();
    expected.replace_extension(".expected");
    CHECK(issue_lines(parse) == split_lines(source_file(expected)));
  }
  CHECK(files >= 10);
}

TEST_CASE("every kind of value error is reported at its pointer") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"concerns": [{"id": "texture", "severity": 0}]})", "/concerns/0/severity: must be 1, 2 or 3"},
      {R"({"concerns": [{"id": "texture", "severity": "2"}]})", "/concerns/0/severity: must be 1, 2 or 3"},
      {R"({"concerns": [{"id": 3, "severity": 2}]})", "/concerns/0/id: must be a concern id (a string)"},
      {R"({"concerns": ["texture"]})", "/concerns/0: must be an object"},
      {R"({"concerns": {}})", "/concerns: must be an array"},
      {R"({"concerns": [], "age": 121})", "/age: must be a whole number from 0 to 120"},
      {R"({"concerns": [], "age": true})", "/age: must be a whole number from 0 to 120"},
      {R"({"concerns": [], "fitzpatrick": 0})", "/fitzpatrick: must be a whole number from 1 to 6"},
      {R"({"concerns": [], "fitzpatrick_quiz": "3"})", "/fitzpatrick_quiz: must be an array"},
      {R"({"concerns": [], "medications": [{"id": "aspirin"}]})", "/medications/0/id: unknown medication 'aspirin'"},
      {R"({"concerns": [], "medications": [{"id": "isotretinoin", "months_since_last_dose": 601}]})",
       "/medications/0/months_since_last_dose: must be a whole number of months from 0 to 600"},
      {R"({"concerns": [], "recent_procedures": [{"id": "neurotoxin", "weeks_ago": 1.5}]})",
       "/recent_procedures/0/weeks_ago: must be a whole number of weeks from 0 to 1000"},
      {R"({"concerns": [], "recent_procedures": [{"id": "neurotoxin", "when": 1}]})",
       "/recent_procedures/0/when: unknown key 'when'"},
      {R"({"concerns": [], "max_downtime_days": 366})", "/max_downtime_days: must be a whole number of days from 0 to 365"},
      {R"({"concerns": [], "a/b": 1})", "/a~1b: unknown key 'a/b'"},
      {"", "(root): empty: there is no JSON value"},
      // issue 15: ranges, taking_now, areas
      {R"({"concerns": [], "medications": [{"id": "isotretinoin", "months_since_last_dose": {"min": 6, "max": 3}}]})",
       "/medications/0/months_since_last_dose/max: must be at least min (6)"},
      {R"({"concerns": [], "medications": [{"id": "isotretinoin", "months_since_last_dose": {"max": 3}}]})",
       "/medications/0/months_since_last_dose/min: is required"},
      {R"({"concerns": [], "medications": [{"id": "isotretinoin", "months_since_last_dose": {"min": 1, "to": 3}}]})",
       "/medications/0/months_since_last_dose/to: unknown key 'to'"},
      {R"({"concerns": [], "medications": [{"id": "isotretinoin", "months_since_last_dose": "3"}]})",
       "/medications/0/months_since_last_dose: must be a whole number of months from 0 to 600, or a range {\"min\": N, \"max\": M}"},
      {R"({"concerns": [], "medications": [{"id": "isotretinoin", "taking_now": true, "months_since_last_dose": 1}]})",
       "/medications/0/taking_now: cannot be true beside months_since_last_dose (the last dose is still to come)"},
      {R"({"concerns": [], "medications": [{"id": "isotretinoin", "taking_now": "yes"}]})",
       "/medications/0/taking_now: must be true or false"},
      {R"({"concerns": [], "medications": [{"id": "aminoglycoside", "taking_now": true}]})",
       "/medications/0/taking_now: is only asked for isotretinoin"},
      {R"({"concerns": [], "recent_procedures": [{"id": "neurotoxin", "area": "forehead"}]})",
       "/recent_procedures/0/area: unknown area 'forehead'"},
      {R"({"concerns": [], "recent_procedures": [{"id": "neurotoxin", "weeks_ago": {"min": 4, "max": 1001}}]})",
       "/recent_procedures/0/weeks_ago/max: must be a whole number of weeks from 0 to 1000"},
      {R"({"concerns": [], "areas": ["face", "toes"]})", "/areas/1: unknown area 'toes'"},
      {R"({"concerns": [], "conditions": ["myasthenia"]})", "/conditions/0: unknown condition 'myasthenia'"},
      // issue 17: the areas picked per concern (pricing areas, not the candidacy's)
      {R"({"concerns": [{"id": "hair_loss", "severity": 2, "areas": ["face"]}]})",
       "/concerns/0/areas/0: 'face' is not an area for hair_loss (scalp)"},
      {R"({"concerns": [{"id": "acne_scars", "severity": 2, "areas": ["face", "face_neck"]}]})",
       "/concerns/0/areas/1: 'face_neck' overlaps 'face': pick one of them"},
      {R"({"concerns": [{"id": "texture", "severity": 2, "areas": ["hands", "hands"]}]})",
       "/concerns/0/areas/1: 'hands' is listed twice"},
      {R"({"concerns": [{"id": "texture", "severity": 2, "areas": "face"}]})", "/concerns/0/areas: must be an array"},
      {R"({"concerns": [{"id": "texture", "severity": 2, "areas": [1]}]})",
       "/concerns/0/areas/0: must be an area id (a string)"},
      {R"({"concerns": [{"id": "texture", "severity": 2, "areas": ["frown_lines"]}]})",
       "/concerns/0/areas/0: 'frown_lines' is not an area for texture (face, face_neck, face_neck_chest, hands)"},
      {R"({"concerns": [{"id": "volume_loss", "severity": 2, "areas": ["face"]}]})",
       "/concerns/0/areas/0: 'face' is not an area for volume_loss (it takes none)"},
  };
  for (const auto& [json, line] : cases) {
    CAPTURE(json);
    const ProfileParse parse = parse_profile(json);
    REQUIRE(parse.issues.size() == 1);
    CHECK(format_profile_issue(parse.issues[0]) == line);
  }
}

TEST_CASE("issue 17: a concern's areas are read, written and checked against the concern") {
  const ProfileParse parse = parse_profile(
      R"({"concerns": [{"id": "wrinkles", "severity": 2, "areas": ["face_neck", "crows_feet", "frown_lines"]},
                       {"id": "stretch_marks", "severity": 3, "areas": []}, {"id": "texture", "severity": 1}]})");
  REQUIRE(parse.ok());
  const auto& c = parse.profile.concerns;
  REQUIRE(c.size() == 3);
  CHECK(c[0].areas == std::vector<std::string>{"face_neck", "crows_feet", "frown_lines"});
  CHECK(c[1].areas.empty());  // an empty list: the default
  CHECK(c[2].areas.empty());
}

TEST_CASE("issue 15: ranges, taking_now, areas and the new ids are read; older profiles stay valid") {
  const ProfileParse parse = parse_profile(R"({"concerns": [],
    "conditions": ["neuromuscular_disorder", "toxin_allergy", "severe_allergies_anaphylaxis",
                   "gram_positive_protein_allergy", "autoimmune_systemic", "heart_liver_kidney_disease",
                   "radiation_to_area", "recent_facial_surgery", "metal_implants_or_gold_threads",
                   "low_platelets_or_anemia", "cancer_treatment"],
    "medications": [{"id": "isotretinoin", "taking_now": true}, {"id": "antiplatelet_or_nsaid"},
                    {"id": "aminoglycoside"}, {"id": "systemic_steroid"}],
    "recent_procedures": [{"id": "dermal_filler_ha", "weeks_ago": {"min": 4, "max": 13}, "area": "lips"},
                          {"id": "neurotoxin", "weeks_ago": {"min": 52}}, {"id": "microneedling", "weeks_ago": 3}],
    "areas": ["scalp", "neck"]})");
  REQUIRE(parse.ok());
  const Profile& p = parse.profile;
  CHECK(p.conditions->size() == 11);
  CHECK((*p.medications)[0].taking_now);
  CHECK_FALSE((*p.medications)[0].months_since_last_dose);
  const auto& filler = (*p.recent_procedures)[0];
  CHECK(filler.weeks_ago == 4);
  CHECK(filler.weeks_max == 13);
  CHECK(filler.weeks_range);
  CHECK(filler.area == std::optional<std::string>("lips"));
  CHECK((*p.recent_procedures)[1].weeks_ago == 52);
  CHECK_FALSE((*p.recent_procedures)[1].weeks_max);
  CHECK((*p.recent_procedures)[1].weeks_range);
  CHECK_FALSE((*p.recent_procedures)[2].weeks_range);
  CHECK(*p.areas == std::vector<std::string>{"scalp", "neck"});
  // An older profile: a plain number, 0 now meaning "less than a month ago".
  const ProfileParse old = parse_profile(R"({"concerns": [], "medications": [{"id": "isotretinoin", "months_since_last_dose": 0}]})");
  REQUIRE(old.ok());
  CHECK((*old.profile.medications)[0].months_since_last_dose == 0);
  CHECK_FALSE((*old.profile.medications)[0].taking_now);
}

TEST_CASE("parsing never throws, whatever the input") {
  const std::vector<std::string> inputs = {"null", "1", "\"x\"", "{\"concerns\": null}", "{\"concerns\": [null]}",
                                           "{\"concerns\": [], \"conditions\": [null, 1, []]}", "\xff\xfe",
                                           std::string(40, '[') + std::string(40, ']')};
  for (const std::string& in : inputs) {
    CAPTURE(in);
    CHECK_NOTHROW(parse_profile(in));
    CHECK_FALSE(parse_profile(in).ok());
  }
}

TEST_CASE("the questionnaire's buckets become ranges at their least favourable end; 'I take it now' is taking_now") {
  ui::Answers a;
  a.medications.toggle(std::string(kIsotretinoin));
  a.medications.picked[std::string(kIsotretinoin)] = ui::kIsotretinoinNow;
  a.procedures.toggle("dermal_filler_ha");
  a.procedures.picked["dermal_filler_ha"] = 2;  // "1–3 months"
  a.procedure_areas["dermal_filler_ha"] = 1;    // lips
  a.procedures.toggle("microneedling");
  a.procedures.picked["microneedling"] = 5;     // "over a year"
  a.concerns["hair_loss"] = 2;
  a.concerns["wrinkles"] = 1;
  Profile p = a.profile();
  REQUIRE(p.medications);
  CHECK((*p.medications)[0].taking_now);
  CHECK_FALSE((*p.medications)[0].months_since_last_dose);
  REQUIRE(p.recent_procedures);
  const RecentProcedure& filler = (*p.recent_procedures)[0];
  CHECK(filler.id == "dermal_filler_ha");
  CHECK(filler.weeks_ago == 4);
  CHECK(filler.weeks_max == 13);
  CHECK(filler.weeks_range);
  CHECK(filler.area == std::optional<std::string>("lips"));
  const RecentProcedure& needling = (*p.recent_procedures)[1];
  CHECK(needling.weeks_ago == 52);
  CHECK_FALSE(needling.weeks_max);
  CHECK_FALSE(needling.area);
  CHECK(*p.areas == std::vector<std::string>{"face", "neck", "scalp"});
  a.medications.picked[std::string(kIsotretinoin)] = 2;  // "3–6 months ago"
  p = a.profile();
  CHECK((*p.medications)[0].months_since_last_dose == 3);
  CHECK((*p.medications)[0].months_max == 6);
  CHECK_FALSE((*p.medications)[0].taking_now);
  a.concerns.clear();
  CHECK_FALSE(a.profile().areas);
}
