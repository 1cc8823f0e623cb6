#pragma once
// Evidence you can audit (issue 15): every treatment figure and fact-bearing block must cite, for each treatment it
// speaks about, a source that covers that treatment and is stronger than an article, a clinic page or an internal
// note (content/sources.json "strength", "covers"). A rule effect is either sourced (such a source, which also records
// what it says for that rule: "says" keyed by the rule id) or a cautious default ("basis": "caution"), which may rest
// on weaker documents. Format: docs/content-format.md, docs/candidacy.md.
#include <string>
#include <vector>

#include "core/candidacy_rules.hpp"
#include "core/content.hpp"
#include "core/issues.hpp"

namespace mn {

// Errors for every entry whose citations fall short: a cited source that does not cover a treatment the entry speaks
// about, a treatment with no non-weak source covering it, a concern with only weak sources, a sourced rule effect
// whose strong covering sources record nothing for its rule. `rules` may be null (content only). Issues name their
// document ("content/en/treatments.json", "rules/candidacy.json").
std::vector<Issue> check_evidence(const Content& content, const CandidacyRules* rules);

// A Markdown table, one row per rule effect and cited source: rule, verdict and treatments, basis (sourced or
// cautious default), the source (title, publisher, year, strength), which of the effect's treatments it covers and
// what it says for the rule (its "says" for the rule id, else its summary, marked as such); then a line counting
// the sourced effects and the cautious defaults. docs/candidacy.md "## Evidence" is this output (`navigator evidence`).
std::string evidence_table(const Content& content, const CandidacyRules& rules);

}  // namespace mn
