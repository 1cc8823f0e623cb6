// profile_json() writes what parse_profile() reads: the round trip keeps every answer, and unknowns stay unknown.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "core/catalog.hpp"
#include "core/pricing.hpp"
#include "core/profile_write.hpp"

namespace {

mn::Profile random_profile(std::mt19937& rng) {
  auto coin = [&] { return std::uniform_int_distribution<int>(0, 1)(rng) == 1; };
  auto below = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  mn::Profile p;
  if (coin()) p.age = 12 + below(80);
  if (coin()) p.fitzpatrick = 1 + below(6);
  if (coin()) {
    mn::QuizAnswers q{};
    for (int& a : q) a = below(5);
    p.fitzpatrick_quiz = q;
  }
  for (std::string_view id : mn::kConcernIds)
    if (below(4) == 0) {
      mn::ConcernAnswer c{std::string(id), 1 + below(3)};
      for (std::string_view a : mn::concern_area_choices(id))  // the areas picked for it: one of the face chain at most
        if (below(3) == 0 &&
            std::none_of(c.areas.begin(), c.areas.end(), [&](const std::string& b) { return mn::price_areas_overlap(a, b); }))
          c.areas.emplace_back(a);
      p.concerns.push_back(std::move(c));
    }
  if (coin()) {
    p.conditions.emplace();
    for (std::string_view id : mn::kConditionIds)
      if (below(6) == 0) p.conditions->push_back(std::string(id));
  }
  if (coin()) {
    p.medications.emplace();
    for (std::string_view id : mn::kMedicationIds)
      if (below(3) == 0) {
        mn::MedicationAnswer m{std::string(id), std::nullopt};
        if (id == mn::kIsotretinoin && coin()) {
          if (coin()) {
            m.taking_now = true;
          } else {
            m.months_since_last_dose = below(24);
            m.months_range = coin();
            if (m.months_range && coin()) m.months_max = *m.months_since_last_dose + below(6);
          }
        }
        p.medications->push_back(m);
      }
  }
  if (coin()) p.pregnant_or_breastfeeding = coin();
  if (coin()) {
    p.recent_procedures.emplace();
    for (std::string_view id : mn::kTreatmentIds)
      if (below(5) == 0) {
        mn::RecentProcedure r{std::string(id), coin() ? std::optional<int>(below(80)) : std::nullopt};
        if (r.weeks_ago && coin()) {
          r.weeks_range = true;
          if (coin()) r.weeks_max = *r.weeks_ago + below(20);
        }
        if (coin()) r.area = std::string(mn::kAreaIds[static_cast<std::size_t>(below(6))]);
        p.recent_procedures->push_back(r);
      }
  }
  if (coin()) p.sun = static_cast<mn::Sun>(below(3));
  if (coin()) p.max_downtime_days = below(30);
  if (coin()) p.budget = 100.0 * below(100);
  if (coin()) {
    p.areas.emplace();
    for (std::string_view a : mn::kAreaIds)
      if (coin()) p.areas->push_back(std::string(a));
  }
  return p;
}

}  // namespace

TEST_CASE("a written profile reads back the same, answer by answer") {
  std::mt19937 rng(20261121);
  for (int i = 0; i < 500; ++i) {
    const mn::Profile original = random_profile(rng);
    const std::string text = mn::profile_json(original).dump();
    const mn::ProfileParse back = mn::parse_profile(text);
    REQUIRE_MESSAGE(back.ok(), text);
    CHECK(mn::profile_json(back.profile) == mn::profile_json(original));
    CHECK(back.profile.age == original.age);
    for (std::size_t k = 0; k < original.concerns.size(); ++k) CHECK(back.profile.concerns[k].areas == original.concerns[k].areas);
    CHECK(back.profile.conditions.has_value() == original.conditions.has_value());
    CHECK(back.profile.medications.has_value() == original.medications.has_value());
    CHECK(back.profile.pregnant_or_breastfeeding == original.pregnant_or_breastfeeding);
  }
}

TEST_CASE("an empty profile writes only the required concerns list") {
  CHECK(mn::profile_json(mn::Profile{}).dump() == R"({"concerns":[]})");
}
