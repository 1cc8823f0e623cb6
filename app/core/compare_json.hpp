#pragma once
// The comparison as JSON in, JSON out: one entry point for `navigator compare` and the browser's JavaScript API.
// Output format: docs/estimates.md. Reasons carry a message key (content/<lang>/compare.json), raw values for the
// UI, and the message filled in `lang`.
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/candidacy_json.hpp"
#include "core/compare.hpp"

namespace mn {

nlohmann::ordered_json comparison_to_json(const Comparison& comparison, Lang lang, const ClinicConfig& clinic,
                                          const Content& content = Content::builtin(),
                                          const CandidacyRules& rules = CandidacyRules::builtin());

// Parses the profile, assesses it (built-in rules and content), compares the clinic's enabled treatments and
// renders them best first. `concern` (a concern id, or empty for all) keeps the treatments that treat it.
// Never throws.
AssessReply compare_json(std::string_view profile_json, Lang lang, const ClinicConfig& clinic,
                         std::string_view concern = {});

// A reason's message in `lang` with its values named (concern names, grades, money in the clinic's format).
std::string reason_message(const FitReason& reason, Lang lang, const ClinicConfig& clinic,
                           const Content& content = Content::builtin());

}  // namespace mn
