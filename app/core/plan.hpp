#pragma once
// A plan: the person's chosen treatment and what-if choices, shareable as a link (docs/estimates.md, "Plans and
// share links"). A plan NEVER holds health answers (conditions, medications, pregnancy, age, skin type): only
// what is needed to redo the estimate.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/estimate.hpp"
#include "core/json_parse.hpp"

namespace mn {

struct Plan {
  std::string treatment;
  std::vector<ConcernAnswer> concerns;  // ids, severities and the areas picked for each (no other answer)
  Date start;
  PackageChoice package;
  std::vector<std::string> addons;
  int maintenance_years = kDefaultMaintenanceYears;
  Lang lang = Lang::en;
  std::vector<std::string> areas;  // area ids (pricing.hpp); empty: the defaults for the concerns
  bool operator==(const Plan& other) const;
  bool operator!=(const Plan& other) const { return !(*this == other); }
};

// Why a plan or a link was refused.
enum class PlanErrorCode {
  malformed,          // not a plan link / not plan JSON, a wrong type, an unknown key, a repeated entry
  too_long,           // longer than kMaxPlanLinkChars
  outdated_version,   // made by an older version of the app whose links are no longer read
  unknown_version,    // not a version this app knows (a newer app's link, or damage)
  checksum,           // the check digits do not match: the link was changed or cut
  unknown_treatment,  // not a treatment id of catalog.hpp
  unknown_concern,    // not a concern id of catalog.hpp
  out_of_range,       // a severity, date, number of years or language outside what is allowed
};
std::string_view plan_error_name(PlanErrorCode code);  // "malformed", "too_long", …

struct PlanError {
  PlanErrorCode code = PlanErrorCode::malformed;
  std::string pointer;  // in the plan JSON ("" for the link as a whole)
  std::string message;  // English, for developers; the UI shows its own text per code
};

struct PlanRead {
  Plan plan;  // meaningful only when ok()
  std::optional<PlanError> error;
  bool ok() const { return !error; }
};

// Version 2 added "areas" (the treatment's); version 3 a concern's "areas". Links of versions 1 and 2 still open.
inline constexpr int kPlanVersion = 3;
inline constexpr int kOldestPlanVersion = 1;
inline constexpr std::size_t kMaxPlanLinkChars = 2048;
inline constexpr std::size_t kMaxPlanAddons = 20;

// {"treatment", "concerns": [{"id", "severity", "areas": [AREA…] (only when picked)}], "start": "YYYY-MM-DD",
//  "package": "auto"|"none"|ID, "addons": [ID…], "maintenance_years", "lang", "areas": [AREA…]}. Reading refuses
// unknown keys (and "areas" where the link's version had none) and never throws.
nlohmann::ordered_json plan_to_json(const Plan& plan);
PlanRead read_plan(const Json& json, int version = kPlanVersion);
PlanRead parse_plan(std::string_view json_text, int version = kPlanVersion);

// "p3.<base64url of the plan JSON, no padding>.<FNV-1a 32 of everything before the last dot, 8 lower-case hex>".
std::string encode_plan(const Plan& plan);
// The plan of a link fragment (a leading '#' is allowed), or why it was refused. Never throws.
PlanRead decode_plan(std::string_view fragment);

// The estimate a plan stands for, or the issues when it names a package or add-on the clinic does not have.
struct PlanEstimate {
  std::optional<Estimate> estimate;
  std::vector<Issue> issues;
};
PlanEstimate estimate_plan(const Plan& plan, const ClinicConfig& clinic, const Content& content = Content::builtin());

// The plan for print and copy: the same lines as plain text, or as a self-contained HTML page (one <style>
// element, no scripts, no links to other files, every text escaped). In the plan's language.
std::string plan_text(const Plan& plan, const Estimate& estimate, const ClinicConfig& clinic,
                      const Content& content = Content::builtin());
std::string plan_html(const Plan& plan, const Estimate& estimate, const ClinicConfig& clinic,
                      const Content& content = Content::builtin());

}  // namespace mn
