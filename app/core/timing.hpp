#pragma once
// When a course may begin, for a person's answers. The first session is never before a consultation (the clinic's
// `first_session_after_days`), never inside a wait the candidacy rules set, and has no date at all when the answers
// advise against the treatment or leave the wait open (pregnancy, an unanswered health question for deep
// resurfacing): then there is no estimate, only the reasons. Estimate, My plan and the booking link all use this.
#include <optional>
#include <vector>

#include "core/candidacy.hpp"
#include "core/format.hpp"

namespace mn {

struct StartTiming {
  enum class Kind {
    ready,        // suitable, perhaps with precautions: after the consultation
    wait,         // defer with a known wait: after it (and after the consultation)
    wait_open,    // defer, and no answer says for how long: no date
    not_advised,  // not recommended: no date
  };
  Kind kind = Kind::ready;
  Verdict verdict = Verdict::suitable;
  Date earliest;                 // ready, wait: the first day a first session may be
  std::optional<Duration> wait;  // wait: the longest remaining wait
  bool wait_up_to = false;       // that wait comes from a range answer: it is at most this (the cautious end is used)
  const std::vector<Reason>* reasons = nullptr;  // the assessment's (worst first), for the words
  bool dated() const { return kind == Kind::ready || kind == Kind::wait; }
};

std::string_view timing_kind_name(StartTiming::Kind kind);  // "ready", "wait", "wait_open", "not_advised"

// `today` is the date the answers were given; `lead_days` the clinic's first_session_after_days.
StartTiming start_timing(const TreatmentAssessment& assessment, const Date& today, int lead_days);

// Without answers (a shared plan link, the CLI's plan command): after the consultation.
Date earliest_without_answers(const Date& today, int lead_days);

}  // namespace mn
