#include "core/timing.hpp"

#include <algorithm>
#include <array>

#include "core/civil_date.hpp"

namespace mn {

std::string_view timing_kind_name(StartTiming::Kind kind) {
  constexpr std::array<std::string_view, 4> kNames = {"ready", "wait", "wait_open", "not_advised"};
  return kNames[static_cast<std::size_t>(kind)];
}

Date earliest_without_answers(const Date& today, int lead_days) { return add_days(today, std::max(lead_days, 0)); }

StartTiming start_timing(const TreatmentAssessment& a, const Date& today, int lead_days) {
  StartTiming t;
  t.verdict = a.verdict;
  t.reasons = &a.reasons;
  t.earliest = earliest_without_answers(today, lead_days);
  switch (a.verdict) {
    case Verdict::suitable:
    case Verdict::suitable_with_precautions:
      t.kind = StartTiming::Kind::ready;
      break;
    case Verdict::not_recommended:
      t.kind = StartTiming::Kind::not_advised;
      break;
    case Verdict::defer:
      if (!a.wait) {
        t.kind = StartTiming::Kind::wait_open;
        break;
      }
      t.kind = StartTiming::Kind::wait;
      t.wait = a.wait;
      t.wait_up_to = a.wait_up_to;
      const Date after = a.wait->unit == TimeUnit::months ? add_months(today, a.wait->amount)
                                                          : add_days(today, 7 * a.wait->amount);
      if (days_between(t.earliest, after) > 0) t.earliest = after;
      break;
  }
  return t;
}

}  // namespace mn
