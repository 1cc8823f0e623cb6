#pragma once
// The candidacy rules (assets/rules/candidacy.json) and their messages (assets/content/<lang>/candidacy.json),
// loaded and checked together. Format: docs/candidacy.md.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.hpp"
#include "core/issues.hpp"
#include "core/lang.hpp"

namespace mn {

// How a treatment fits a profile, from best to worst. A treatment's verdict is the worst of its reasons'.
enum class Verdict { suitable, suitable_with_precautions, defer, not_recommended };
inline constexpr std::array<std::string_view, 4> kVerdictNames = {"suitable", "suitable_with_precautions", "defer",
                                                                  "not_recommended"};
std::string_view verdict_name(Verdict verdict);
std::optional<Verdict> parse_verdict(std::string_view name);

enum class TimeUnit { weeks, months };
std::string_view time_unit_name(TimeUnit unit);  // "weeks", "months"

// An amount of time: a wait still to go, or a rule's window.
struct Duration {
  int amount = 0;
  TimeUnit unit = TimeUnit::weeks;
  double in_weeks() const;  // for comparing durations of different units
  bool operator==(const Duration& o) const { return amount == o.amount && unit == o.unit; }
};

// What makes a rule apply to a profile (one key of a "when" entry).
struct Trigger {
  enum class Kind {
    condition,   // value: a condition id the profile lists
    medication,  // value: a medication id the profile lists (timed in months for isotretinoin)
    procedure,   // value: a treatment id among the recent procedures (timed in weeks)
    sun,         // value: "tanned" or "sunburned"
    pregnant,    // the profile says pregnant or breastfeeding
    age_under,   // number: the profile's age is below it
    pih_risk,    // value: a PIH risk level the treatment has at the profile's skin type
    unknown,     // value: a profile field left unanswered (for "fitzpatrick": only treatments whose PIH risk varies)
  };
  Kind kind = Kind::condition;
  std::string value;
  int number = 0;
  // The unit of elapsed time this trigger reports (procedures: weeks, isotretinoin: months); nullopt if untimed.
  std::optional<TimeUnit> timed() const;
};
inline constexpr std::array<std::string_view, 8> kTriggerKinds = {"condition", "medication", "procedure", "sun",
                                                                  "pregnant", "age_under", "pih_risk", "unknown"};
// The names of PihRisk levels in the content and the rules, lowest first.
inline constexpr std::array<std::string_view, 4> kPihRiskNames = {"low", "moderate", "high", "very_high"};
// The profile fields a Trigger::Kind::unknown may name.
inline constexpr std::array<std::string_view, 7> kAnswerableFields = {
    "age", "fitzpatrick", "conditions", "medications", "pregnant_or_breastfeeding", "recent_procedures", "sun"};

// How long after a timed trigger an effect still applies.
struct Window {
  enum class Kind { fixed, clinic_isotretinoin_wait };
  Kind kind = Kind::fixed;
  Duration length;  // fixed windows; the clinic's wait is in months (ClinicConfig isotretinoin_wait_months)
};

// What an effect rests on ("basis" in rules/candidacy.json; docs/candidacy.md "Rules").
enum class Basis {
  sourced,  // left out: for every treatment it names, a cited source that is not weak covers that treatment and
            // records what it says for this rule (sources.json "says"); navigator check-content proves it
  caution,  // "caution": the app's cautious default where no verified strong source states it for that treatment.
            // Never "suitable"; its reasons carry the shared note (texts "note.caution") saying so.
};
inline constexpr std::array<std::string_view, 2> kBasisNames = {"sourced", "caution"};

// What a rule does to some treatments.
struct Effect {
  std::vector<std::string> treatments;  // ids; groups and "*" expanded
  Verdict verdict = Verdict::suitable_with_precautions;
  std::string message;                  // key in content/<lang>/candidacy.json "messages"
  std::optional<Window> within;         // timed rules: applies only while the trigger is this recent
  // "same_area": true — procedure rules only: applies only where the recent procedure's area overlaps the areas the
  // person wants treated (an area not given on either side counts as overlapping).
  bool same_area = false;
  std::vector<std::string> sources;     // the effect's own sources; empty: the rule's
  Basis basis = Basis::sourced;
  bool names(std::string_view treatment) const;
};

struct Rule {
  std::string id;
  std::vector<Trigger> when;  // any one of them makes the rule apply
  std::vector<Effect> effects;
  std::vector<std::string> sources;  // source ids (content/sources.json); empty only if every effect has its own
                                     // or is a cautious default
};

// One message in one language.
struct RuleMessage {
  std::string text;     // may hold {condition}, {medication}, {procedure}, {elapsed}, {window}, {remaining}
  std::string undated;  // the text when the trigger's time is not known (timed effects only)
  std::string ask;      // "what to ask the clinician"; may be empty
  std::string ongoing;  // the text while the medicine is still being taken (isotretinoin-timed effects only)
};

class CandidacyRules {
 public:
  // Loads the rules and every language's messages, checking them against `content` (treatments, sources).
  // Never throws; whatever is wrong is in issues().
  static CandidacyRules load(const AssetReader& read, const Content& content);
  // The app's own rules, checked against Content::builtin() (loaded again with it; references stay valid).
  static const CandidacyRules& builtin();

  const std::vector<Issue>& issues() const { return issues_; }
  const std::vector<Rule>& rules() const { return rules_; }
  const Rule* rule(std::string_view id) const;
  // The sources an effect rests on: its own, else its rule's.
  static const std::vector<std::string>& sources(const Rule& rule, const Effect& effect) {
    return effect.sources.empty() ? rule.sources : effect.sources;
  }

  // The message in `lang`, else in English; nullptr for an unknown key.
  const RuleMessage* message(Lang lang, std::string_view key) const;
  // Short texts: verdict labels, condition and medication names, notes and time units, by key
  // ("verdict.defer", "condition.sunburn", "medication.isotretinoin", "note.fitzpatrick_both", "unit.weeks.many").
  // In `lang`, else English, else the key.
  std::string text(Lang lang, std::string_view key) const;
  // "less than a week", "1 week", "3 weeks" (or months) in `lang`.
  std::string duration_text(Lang lang, Duration duration) const;
  // A range ago: "3-6 months", or "more than 12 months" when `max` is unset.
  std::string range_text(Lang lang, Duration min, std::optional<int> max) const;

 private:
  struct Messages {
    std::map<std::string, RuleMessage, std::less<>> messages;
    std::map<std::string, std::string, std::less<>> texts;
  };
  const Messages& in(Lang lang) const { return languages_[static_cast<std::size_t>(lang)]; }

  std::vector<Issue> issues_;
  std::vector<Rule> rules_;
  std::array<Messages, kLanguages.size()> languages_;
};

// Paths under assets/.
inline constexpr std::string_view kCandidacyRulesFile = "rules/candidacy.json";
inline constexpr std::string_view kCandidacyMessagesFile = "candidacy.json";  // content/<lang>/candidacy.json

}  // namespace mn
