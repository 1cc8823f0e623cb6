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
