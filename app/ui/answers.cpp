#include "ui/answers.hpp"

#include <algorithm>

#include "core/pricing.hpp"

namespace mn::ui {

void ListAnswer::toggle(const std::string& id) {
  if (picked.erase(id) == 0) picked.emplace(id, kUnanswered);
  state = picked.empty() ? State::unanswered : State::some;
}

bool Answers::quiz_complete() const {
  return std::all_of(quiz.begin(), quiz.end(), [](int a) { return a >= 0; });
}

namespace {
template <class T, size_t N>
std::optional<T> pick(const std::array<T, N>& choices, int index) {
  if (index < 0 || static_cast<size_t>(index) >= N) return std::nullopt;
  return choices[static_cast<size_t>(index)];
}
}  // namespace

Profile Answers::profile() const {
  Profile p;
  p.age = pick(kAgeChoices, age);
  if (pregnant == 0 || pregnant == 1) p.pregnant_or_breastfeeding = pregnant == 1;
  if (skin_mode == 0 && fitzpatrick >= 1 && fitzpatrick <= 6) p.fitzpatrick = fitzpatrick;
  if (skin_mode == 1 && quiz_complete()) p.fitzpatrick_quiz = quiz;
  for (const auto& [id, severity] : concerns) {
    ConcernAnswer c{id, severity};
    if (const auto it = concern_areas.find(id); it != concern_areas.end() && !check_concern_areas(id, it->second))
      c.areas = it->second;
    p.concerns.push_back(std::move(c));
  }

  using State = ListAnswer::State;
  if (conditions.state == State::none || conditions.state == State::some) {
    p.conditions.emplace();
    for (const auto& [id, extra] : conditions.picked) p.conditions->push_back(id);
  }
  if (medications.state == State::none || medications.state == State::some) {
    p.medications.emplace();
    for (const auto& [id, extra] : medications.picked) {
      MedicationAnswer m;
      m.id = id;
      if (id == kIsotretinoin && extra == kIsotretinoinNow) {
        m.taking_now = true;
      } else if (id == kIsotretinoin) {
        if (const auto b = pick(kIsotretinoinMonths, extra)) {
          m.months_since_last_dose = b->min;
          m.months_range = true;
          if (b->max >= 0) m.months_max = b->max;
        }
      }
      p.medications->push_back(m);
    }
  }
  if (procedures.state == State::none || procedures.state == State::some) {
    p.recent_procedures.emplace();
    for (const auto& [id, extra] : procedures.picked) {
      RecentProcedure r;
      r.id = id;
      if (const auto b = pick(kProcedureWeeks, extra)) {
        r.weeks_ago = b->min;
        r.weeks_range = true;
        if (b->max >= 0) r.weeks_max = b->max;
      }
      if (const auto area = procedure_areas.find(id); area != procedure_areas.end())
        if (const auto a = pick(kAreaIds, area->second)) r.area = std::string(*a);
      p.recent_procedures->push_back(r);
    }
  }
  if (!concerns.empty()) {
    std::set<std::string> areas;
    for (const ConcernAnswer& c : p.concerns) {
      for (const std::string& a : c.areas) {
        if (a == "scalp") areas.insert("scalp");
        else if (a == "face") areas.insert("face");
        else if (a == "face_neck") areas.insert({"face", "neck"});
        else if (a == "face_neck_chest") areas.insert({"face", "neck", "body"});
        else if (area_kind_of_area(a) == AreaKind::toxin) areas.insert("face");
        else areas.insert("body");  // the hands, a body area
      }
      if (!c.areas.empty()) continue;
      if (c.id == "hair_loss") areas.insert("scalp");
      else if (c.id == "stretch_marks") areas.insert("body");
      else areas.insert({"face", "neck"});
    }
    p.areas.emplace();
    for (std::string_view a : kAreaIds)  // in the contract's order
      if (areas.count(std::string(a))) p.areas->emplace_back(a);
  }
  if (sun >= 0 && sun < static_cast<int>(kSunValues.size())) p.sun = static_cast<Sun>(sun);
  p.max_downtime_days = pick(kDowntimeDays, downtime);
  p.budget = pick(kBudgets, budget);
  return p;
}

}  // namespace mn::ui
