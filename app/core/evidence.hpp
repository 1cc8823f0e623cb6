#pragma once
// Evidence you can audit (issue 15): every treatment figure, fact-bearing block and rule effect must cite, for each
// treatment it speaks about, a source that covers that treatment and is stronger than an article, a clinic page or
// an internal note (content/sources.json "strength", "covers"). Format: docs/content-format.md, docs/candidacy.md.
#include <string>
#include <vector>

#include "core/candidacy_rules.hpp"
#include "core/content.hpp"
#include "core/issues.hpp"

namespace mn {

// Errors for every entry whose citations fall short: a cited source that does not cover a treatment the entry speaks
// about, a treatment with no non-weak source covering it, a concern with only weak sources. `rules` may be null
// (content only). Issues name their document ("content/en/treatments.json", "rules/candidacy.json").
std::vector<Issue> check_evidence(const Content& content, const CandidacyRules* rules);

// A Markdown table, one row per rule effect and source: rule, verdict, treatments, the source (title, publisher,
// year, strength) and what the source says that the rule rests on (its "says" for the rule id, else its summary).
// docs/candidacy.md "## Evidence" is this output (`navigator check-content --evidence-table`).
std::string evidence_table(const Content& content, const CandidacyRules& rules);

}  // namespace mn
