#include "core/profile_write.hpp"

namespace mn {
namespace {

// A time ago as the contract writes it: a number, or {"min", "max"?} for a range.
nlohmann::ordered_json time_ago(int min, const std::optional<int>& max, bool range) {
  if (!range) return min;
  nlohmann::ordered_json j = {{"min", min}};
  if (max) j["max"] = *max;
  return j;
}

}  // namespace

nlohmann::ordered_json profile_json(const Profile& p) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  if (p.age) j["age"] = *p.age;
  if (p.fitzpatrick) j["fitzpatrick"] = *p.fitzpatrick;
  if (p.fitzpatrick_quiz) j["fitzpatrick_quiz"] = *p.fitzpatrick_quiz;
  j["concerns"] = nlohmann::ordered_json::array();
  for (const ConcernAnswer& c : p.concerns) {
    nlohmann::ordered_json e = {{"id", c.id}, {"severity", c.severity}};
    if (!c.areas.empty()) e["areas"] = c.areas;
    j["concerns"].push_back(std::move(e));
  }
  if (p.conditions) j["conditions"] = *p.conditions;
  if (p.medications) {
    auto& meds = j["medications"] = nlohmann::ordered_json::array();
    for (const MedicationAnswer& m : *p.medications) {
      nlohmann::ordered_json e = {{"id", m.id}};
      if (m.months_since_last_dose)
        e["months_since_last_dose"] = time_ago(*m.months_since_last_dose, m.months_max, m.months_range);
      if (m.taking_now) e["taking_now"] = true;
      meds.push_back(e);
    }
  }
  if (p.pregnant_or_breastfeeding) j["pregnant_or_breastfeeding"] = *p.pregnant_or_breastfeeding;
  if (p.recent_procedures) {
    auto& procs = j["recent_procedures"] = nlohmann::ordered_json::array();
    for (const RecentProcedure& r : *p.recent_procedures) {
      nlohmann::ordered_json e = {{"id", r.id}};
      if (r.weeks_ago) e["weeks_ago"] = time_ago(*r.weeks_ago, r.weeks_max, r.weeks_range);
      if (r.area) e["area"] = *r.area;
      procs.push_back(e);
    }
  }
  if (p.sun) j["sun"] = kSunValues[static_cast<std::size_t>(*p.sun)];
  if (p.max_downtime_days) j["max_downtime_days"] = *p.max_downtime_days;
  if (p.budget) j["budget"] = *p.budget;
  if (p.areas) j["areas"] = *p.areas;
  return j;
}

}  // namespace mn
