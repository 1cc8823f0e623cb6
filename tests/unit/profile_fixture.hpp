#pragma once
// A questionnaire with every question answered and nothing to report, for the candidacy and comparison tests.
#include <utility>
#include <vector>

#include "core/profile.hpp"

namespace mn::test {

inline Profile clean_profile(std::vector<ConcernAnswer> concerns = {}, int fitzpatrick = 2) {
  Profile p;
  p.age = 40;
  p.fitzpatrick = fitzpatrick;
  p.concerns = std::move(concerns);
  p.conditions.emplace();
  p.medications.emplace();
  p.pregnant_or_breastfeeding = false;
  p.recent_procedures.emplace();
  p.sun = Sun::normal;
  return p;
}

}  // namespace mn::test
