#pragma once
// The candidacy engine as JSON in, JSON out: one entry point for the `navigator assess` command and the
// browser's JavaScript API (docs/candidacy.md has the output format).
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/candidacy.hpp"

namespace mn {

// The assessment in `lang`: messages, "what to ask" lines, treatment names and verdict labels. Treatments keep
// their content order.
nlohmann::ordered_json assessment_json(const Assessment& assessment, Lang lang, const CandidacyRules& rules,
                                       const Content& content);

// The assessment's words in a language, as assessment_json() writes them: the screens use these directly.
std::string treatment_name(const Content& content, Lang lang, std::string_view id);  // the id when unknown
std::string verdict_label(Verdict v, Lang lang, const CandidacyRules& rules);
struct ReasonText {
  std::string message;  // without the cautious-default note (assessment_json() appends it to the reply's message)
  std::string ask;      // what to ask the clinician; may be empty
  // A cautious default (no verified source settles it): the note that says so ("note.caution"), else empty. Not for
  // an unanswered question or the age limit: their own words already say why.
  std::string caution;
};
ReasonText reason_text(const Reason& r, Lang lang, const CandidacyRules& rules, const Content& content);
// Notes about the skin type (how the self-test's answer was used): none without a self-test.
struct SkinNote {
  std::string key;  // "fitzpatrick_quiz" or "fitzpatrick_both"
  std::string message;
};
std::vector<SkinNote> skin_notes(const SkinType& skin, Lang lang, const CandidacyRules& rules);

// `{"errors": [{"pointer": "/concerns/0/severity", "message": "must be 1, 2 or 3"}]}`.
nlohmann::ordered_json profile_errors_json(const std::vector<Issue>& issues);

struct AssessReply {
  std::string json;           // the assessment, or the errors when the profile is malformed
  std::vector<Issue> issues;  // why the profile was refused; empty on success
  bool ok() const { return issues.empty(); }
};

// Parses a profile, assesses it with the built-in rules and content and renders the result. Never throws.
AssessReply assess_json(std::string_view profile_json, Lang lang, const ClinicConfig& clinic);

}  // namespace mn
