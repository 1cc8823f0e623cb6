#pragma once
// "Am I a candidate?": every treatment's verdict for a profile, with its reasons (docs/candidacy.md).
// The rules are data (CandidacyRules); this engine only matches them against the profile.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/candidacy_rules.hpp"
#include "core/clinic_config.hpp"
#include "core/content.hpp"
#include "core/profile.hpp"

namespace mn {

// One rule's finding for one treatment. Points into the CandidacyRules and Content it was made from.
struct Reason {
  const Rule* rule = nullptr;
  const Effect* effect = nullptr;
  Verdict verdict = Verdict::suitable_with_precautions;
  Trigger::Kind trigger = Trigger::Kind::condition;  // what set it off, and the profile's id behind it
  std::string subject;                               // (a condition, medication or procedure id; else empty)
  std::optional<Duration> elapsed;  // timed rules: how long ago, when the profile says (a range's lower end)
  std::optional<int> elapsed_max;   // a range answer's upper end, in elapsed's unit (nullopt: open or exact)
  bool range = false;               // the time was a range: `wait` is the most that remains ("up to")
  bool ongoing = false;             // the medicine is still taken: the window has not started
  std::optional<Duration> wait;     // defer with a known time: how much of the window remains (at most)
  std::optional<Duration> window;   // timed rules: how long the rule applies after the event
};

struct TreatmentAssessment {
  const Treatment* treatment = nullptr;
  bool offered = false;                 // the clinic offers it
  Verdict verdict = Verdict::suitable;  // the worst of the reasons'
  std::optional<Duration> wait;         // defer only, when every deferring reason knows its wait: the longest
  bool wait_up_to = false;              // that longest wait comes from a range answer: it is at most this
  std::vector<Reason> reasons;          // worst first, then in rule order
  // How much it does for each of the profile's concerns (0 none … 3 strong, from Treatment::suits), in the
  // profile's order. Informative only: verdicts are about safety and timing, not efficacy.
  std::vector<std::pair<std::string, int>> concern_fit;
};

struct Assessment {
  SkinType skin;
  std::vector<TreatmentAssessment> treatments;  // every treatment, in content order
  const TreatmentAssessment* find(std::string_view treatment_id) const;
};

// Assesses every treatment of `content` for `profile`. The isotretinoin waits come from `clinic`.
Assessment assess(const Profile& profile, const ClinicConfig& clinic,
                  const CandidacyRules& rules = CandidacyRules::builtin(), const Content& content = Content::builtin());

}  // namespace mn
