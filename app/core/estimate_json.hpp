#pragma once
// The estimator as JSON in, JSON out: one entry point for `navigator estimate` and the browser's JavaScript API,
// so both show the same figures. Output format: docs/estimates.md. Money is in the clinic's currency, rounded to
// its minor units; the UI formats it (core/format.hpp).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/candidacy_json.hpp"
#include "core/estimate.hpp"

namespace mn {

// What the person changes on the estimate screen, beyond the start date.
struct WhatIf {
  std::vector<ConcernAnswer> severities;  // overrides: replace a concern's severity, or add the concern
  PackageChoice package;
  std::vector<std::string> addons;
  int maintenance_years = kDefaultMaintenanceYears;
  std::vector<std::string> areas;  // the treatment's areas, whatever the concerns; empty: areas_for the concerns
  // Areas picked per concern: replace the profile's for a concern it (or `severities`) names; an empty list goes back
  // to the concern's default.
  struct ConcernAreas {
    std::string concern;
    std::vector<std::string> areas;
  };
  std::vector<ConcernAreas> concern_areas;
};

// The JavaScript API's what-if JSON: {"severity": {"acne_scars": 3} | [{"id", "severity"}], "package": "auto" |
// "none" | ID, "addons": ["led"] | "led,numbing", "maintenance_years": 3, "areas": ["face_neck"] (the treatment's) |
// {"acne_scars": ["face_neck"], "stretch_marks": ["body_large"]} (per concern)}; "" is no what-if. Numbers are checked
// as they are written (1099511627777 is not a severity, though its low 32 bits read 1). nullopt when the text is
// not shaped so, with `error` set to the {"errors": [{"pointer", "message"}]} reply. Never throws.
std::optional<WhatIf> parse_what_if(std::string_view text, std::string& error);

nlohmann::ordered_json estimate_to_json(const Estimate& estimate, const std::vector<ConcernAnswer>& concerns, Lang lang,
                                        const ClinicConfig& clinic, const Content& content = Content::builtin());

// Parses the profile, checks the request and renders the estimate (the reply's issues name "/treatment",
// "/start", "/severity/<concern>", "/package", "/addons/N", "/maintenance_years", "/areas/N" or "/areas/<concern>[/N]",
// or the profile's pointers). Never throws.
// The reply's "timing" (core/timing.hpp) says when the course may begin for these answers, given that they were
// given on `today`. `start_date` is YYYY-MM-DD or "" for the earliest date; a start before the earliest moves to it
// ("requested_start" keeps the one asked for). When the answers advise against the treatment or leave the wait open
// there is no estimate: the reply has the treatment, "timing" and its reasons, and no "sessions" or "costs".
AssessReply estimate_json(std::string_view profile_json, std::string_view treatment_id, std::string_view start_date,
                          const Date& today, Lang lang, const ClinicConfig& clinic, const WhatIf& what_if = {});

// Helpers shared with the comparison's JSON.
// `value` rounded to `digits` decimals; a whole value prints without a fraction ("300", not "300.0").
nlohmann::ordered_json rounded_json(double value, int digits);
// {"low": a, "typical": b, "high": c}, money rounded to `digits` decimals.
nlohmann::ordered_json amounts_json(const Amounts& amounts, int digits);
nlohmann::ordered_json counts_json(const Counts& counts);
// The currency's minor-unit digits (2 for an unknown code).
int currency_digits(std::string_view currency);
std::string treatment_display_name(const Content& content, Lang lang, std::string_view id);
// The package's own name in `lang`, else one composed from compare.json ("Microneedling: 3 sessions, 10% off").
std::string package_name(const Package& package, Lang lang, const ClinicConfig& clinic, const Content& content);
std::string_view price_unit_name(PriceUnit unit);

}  // namespace mn
