// The comparison and its ranking (core/compare.hpp), its JSON facade (core/compare_json.hpp) and the strings
// of content/<lang>/compare.json.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>

#include "core/catalog.hpp"
#include "core/compare.hpp"
#include "core/compare_json.hpp"
#include "core/string_table.hpp"
#include "profile_fixture.hpp"

using namespace mn;

namespace {

const ClinicConfig& demo() { return builtin_clinic_config(); }

using test::clean_profile;  // every question answered, nothing to report (skin type II unless given)

Comparison compare_builtin(const Profile& p, const ClinicConfig& clinic = demo(), std::string_view concern = {}) {
  return compare(p, clinic, assess(p, clinic), Content::builtin().treatments(), concern);
}

const CompareRow& row(const Comparison& c, std::string_view id) {
  const auto it = std::find_if(c.rows.begin(), c.rows.end(), [&](const CompareRow& r) { return r.treatment->id == id; });
  REQUIRE_MESSAGE(it != c.rows.end(), "no row for " << id);
  return *it;
}

bool has_reason(const CompareRow& r, std::string_view key) {
  return std::any_of(r.reasons.begin(), r.reasons.end(), [&](const FitReason& f) { return f.key == key; });
}

// Ranks by treatment id.
std::map<std::string, int> ranks(const Comparison& c) {
  std::map<std::string, int> out;
  for (const CompareRow& r : c.rows) out[r.treatment->id] = r.rank;
  return out;
}

std::vector<Profile> sample_profiles() {
  std::vector<Profile> out = {clean_profile({{"wrinkles", 2}}), clean_profile({{"acne_scars", 3}, {"texture", 1}}, 5),
                              clean_profile({}), clean_profile({{"melasma", 2}, {"dullness", 1}}, 4)};
  Profile limits = clean_profile({{"acne_scars", 2}, {"fine_lines", 1}}, 3);
  limits.max_downtime_days = 2;
  limits.budget = 1200;
  out.push_back(limits);
  Profile unknown;
  unknown.concerns = {{"texture", 2}};
  out.push_back(unknown);
  return out;
}

}  // namespace

TEST_CASE("only the treatments the clinic enables are compared") {
  const Comparison c = compare_builtin(clean_profile({{"acne_scars", 2}}));
  CHECK(c.rows.size() == demo().enabled_treatments().size());
  for (const CompareRow& r : c.rows) CHECK(demo().offers(r.treatment->id));
}

TEST_CASE("a profile whose concerns suit neurotoxin ranks it above microneedling") {
  for (int severity = 1; severity <= 3; ++severity) {
    const Comparison c = compare_builtin(clean_profile({{"wrinkles", severity}}));
    CHECK(row(c, "neurotoxin").rank < row(c, "microneedling").rank);
    CHECK(row(c, "neurotoxin").rank == 1);
  }
  const Comparison scars = compare_builtin(clean_profile({{"acne_scars", 3}}));
  CHECK(row(scars, "microneedling").rank < row(scars, "neurotoxin").rank);
}

TEST_CASE("the ranking ignores treatment ids and their order") {
  const std::vector<Treatment>& originals = Content::builtin().treatments();
  std::mt19937 random(20270301);
  for (const Profile& profile : sample_profiles()) {
    const Assessment assessment = assess(profile, demo());
    const Comparison reference = compare(profile, demo(), assessment, originals);
    for (int round = 0; round < 5; ++round) {
      // Rename every treatment ("t7", …) and shuffle the list; the clinic and the verdicts follow the new names.
      std::vector<std::size_t> order(originals.size());
      for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
      std::shuffle(order.begin(), order.end(), random);
      std::vector<Treatment> renamed;
      std::map<std::string, std::string> new_id;
      for (std::size_t i : order) {
        Treatment t = originals[i];
        new_id[t.id] = "t" + std::to_string(order.size() - i) + "_" + std::to_string(round);
        t.id = new_id[t.id];
        renamed.push_back(t);
      }
      ClinicConfig clinic = demo();
      clinic.treatments.clear();
      for (const auto& [id, settings] : demo().treatments) clinic.treatments[new_id.at(id)] = settings;
      for (Package& p : clinic.packages) p.treatment = new_id.at(p.treatment);
      Assessment moved;
      moved.skin = assessment.skin;
      for (const Treatment& t : renamed) {
        const std::string old_id = std::find_if(new_id.begin(), new_id.end(), [&](const auto& kv) {
                                     return kv.second == t.id;
                                   })->first;
        TreatmentAssessment a = *assessment.find(old_id);
        a.treatment = &t;
        moved.treatments.push_back(a);
      }
      const Comparison c = compare(profile, clinic, moved, renamed);
      REQUIRE(c.rows.size() == reference.rows.size());
      for (const CompareRow& r : reference.rows) {
        const CompareRow& other = row(c, new_id.at(r.treatment->id));
        CHECK(other.rank == r.rank);
        CHECK(other.score == r.score);
      }
    }
  }
}

TEST_CASE("not recommended ranks last, defer below suitable") {
  for (Profile profile : sample_profiles()) {
    profile.recent_procedures = std::vector<RecentProcedure>{{"chemical_peel_medium", 1}};
    profile.medications = std::vector<MedicationAnswer>{{"isotretinoin", 2}};
    const Comparison c = compare_builtin(profile);
    for (std::size_t i = 1; i < c.rows.size(); ++i) {
      CHECK(fit_group(c.rows[i - 1].verdict) <= fit_group(c.rows[i].verdict));
      CHECK(c.rows[i - 1].rank <= c.rows[i].rank);
    }
  }
  // Forced verdicts: the best fit by score still comes after every suitable treatment once deferred.
  const Profile p = clean_profile({{"wrinkles", 3}});
  Assessment a = assess(p, demo());
  for (TreatmentAssessment& t : a.treatments) {
    if (t.treatment->id == "neurotoxin") t.verdict = Verdict::defer;
    if (t.treatment->id == "microneedling") t.verdict = Verdict::not_recommended;
  }
  const Comparison c = compare(p, demo(), a, Content::builtin().treatments());
  CHECK(c.rows.back().treatment->id == "microneedling");
  CHECK(c.rows[c.rows.size() - 2].treatment->id == "neurotoxin");
  CHECK(has_reason(c.rows.back(), "fit.verdict_not_recommended"));
}

TEST_CASE("equal fits share a rank; ranks count the rows before them") {
  const Comparison c = compare_builtin(clean_profile({}));
  // No concern: every score comes from PIH risk only, so many treatments tie.
  for (std::size_t i = 0; i < c.rows.size(); ++i) {
    const bool tie = i > 0 && c.rows[i].score == c.rows[i - 1].score &&
                     fit_group(c.rows[i].verdict) == fit_group(c.rows[i - 1].verdict);
    CHECK(c.rows[i].rank == (tie ? c.rows[i - 1].rank : static_cast<int>(i) + 1));
  }
  CHECK(has_reason(c.rows[0], "fit.no_concerns"));
}

TEST_CASE("downtime, budget and skin type move treatments, with their reasons") {
  Profile p = clean_profile({{"acne_scars", 2}}, 5);
  const Comparison free = compare_builtin(p);
  p.max_downtime_days = 2;
  p.budget = 1000;
  const Comparison limited = compare_builtin(p);
  const CompareRow& peel = row(limited, "chemical_peel_medium");  // 7–10 days of downtime
  CHECK(has_reason(peel, "fit.downtime_over"));
  CHECK(peel.score == doctest::Approx(row(free, "chemical_peel_medium").score + kOverPoints + kMayExceedPoints));
  CHECK(has_reason(peel, "fit.budget_may_exceed"));  // 450–1400 against 1000
  CHECK(has_reason(row(limited, "rf_microneedling"), "fit.budget_over"));
  CHECK(has_reason(row(limited, "neurotoxin"), "fit.budget_within"));
  // Skin type V: moderate PIH risk for the non-ablative laser, low for microdermabrasion.
  CHECK(row(free, "laser_nonablative_fractional").pih == PihRisk::moderate);
  CHECK(has_reason(row(free, "laser_nonablative_fractional"), "fit.pih_risk"));
  // Unknown skin type: unknown where the risk varies, known where it does not.
  const Comparison unknown = compare_builtin(Profile{});
  CHECK(!row(unknown, "microneedling").pih);
  CHECK(has_reason(row(unknown, "microneedling"), "fit.pih_unknown"));
  CHECK(row(unknown, "neurotoxin").pih == PihRisk::low);
  CHECK(has_reason(row(unknown, "neurotoxin"), "fit.pih_risk_any_type"));
}

TEST_CASE("the concern filter keeps the treatments that treat it and ranks them from 1") {
  const Profile p = clean_profile({{"acne_scars", 2}});
  const Comparison c = compare_builtin(p, demo(), "volume_loss");
  REQUIRE(!c.rows.empty());
  for (const CompareRow& r : c.rows) CHECK(r.treatment->suits.at("volume_loss") >= 1);
  CHECK(c.rows.size() < compare_builtin(p).rows.size());
  CHECK(c.rows[0].rank == 1);
}

TEST_CASE("compare_json: every reason has its message in both languages") {
  for (const Profile& p : sample_profiles()) {
    const Comparison c = compare_builtin(p);
    for (const CompareRow& r : c.rows)
      for (const FitReason& f : r.reasons)
        for (Lang lang : kLanguages) {
          INFO(f.key << " in " << lang_code(lang));
          CHECK(StringTable::compare().has(lang, f.key));
          const std::string message = reason_message(f, lang, demo());
          CHECK(message.find('{') == std::string::npos);
        }
  }
  const AssessReply reply = compare_json(R"({"fitzpatrick": 3, "concerns": [{"id": "wrinkles", "severity": 2}]})",
                                         Lang::es, demo());
  REQUIRE(reply.ok());
  const Json j = Json::parse(reply.json);
  CHECK(j["treatments"][0]["id"] == "neurotoxin");
  CHECK(j["treatments"][0]["reasons"][1]["values"]["concern"] == "wrinkles");
  CHECK(j["treatments"][0]["reasons"][1]["message"].get<std::string>().find("Arrugas") == 0);
  const AssessReply bad = compare_json(R"({"concerns": []})", Lang::en, demo(), "wrinkle");
  REQUIRE(bad.issues.size() == 1);
  CHECK(bad.issues[0].message.find("did you mean 'wrinkles'") != std::string::npos);
}

TEST_CASE("compare.json and plan.json: no errors, same keys and placeholders in English and Spanish") {
  for (const StringTable* table : {&StringTable::compare(), &StringTable::plan()}) {
    CHECK(table->issues().empty());
    const auto& en = table->strings(Lang::en);
    const auto& es = table->strings(Lang::es);
    CHECK(!en.empty());
    CHECK(en.size() == es.size());
    for (const auto& [key, text] : en) {
      INFO(key);
      REQUIRE(es.count(key));
      CHECK(placeholder_names(text) == placeholder_names(es.at(key)));
    }
  }
  for (std::string_view key : kPhaseKeys) CHECK(StringTable::compare().has(Lang::es, "phase." + std::string(key)));
  for (std::string_view key : kMilestoneKeys) CHECK(StringTable::compare().has(Lang::es, "milestone." + std::string(key)));
}
