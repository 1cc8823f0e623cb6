#pragma once
// State of the decision screens: Compare, Estimate and My plan (screen_compare.cpp, screen_estimate.cpp,
// screen_plan.cpp; shared logic in decision.cpp). The three screens share one choice: a treatment, a start date
// and the "what if" options. Nothing here is stored or sent anywhere; a share link holds only the plan (core/plan.hpp).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/estimate.hpp"
#include "core/format.hpp"
#include "core/profile.hpp"

namespace mn::ui {

// What became of a plan link the app was opened with (#plan=…).
struct PlanLinkStatus {
  enum class Kind { none, restored, refused } kind = Kind::none;
  std::string code;                  // refused: core's plan_error_name ("checksum", "outdated_version", …)
  std::vector<std::string> dropped;  // restored: package or add-on ids this clinic does not offer (left out)
  bool hidden = false;               // the person closed the banner
};

struct DecisionState {
  Date today;                                  // the device's local date (from the browser)
  long long today_read_at = -1;                // when `today` was read (std::time seconds; -1: not yet)

  // ---- the shared choice
  std::string treatment = "microneedling";
  std::optional<Date> start;                   // the first session; today until the person changes it
  std::vector<ConcernAnswer> severities;       // what-if severities: replace a concern's or add one; a link's concerns
  PackageChoice package;                       // auto, none or one package
  std::vector<std::string> addons;
  int maintenance_years = kDefaultMaintenanceYears;
  // Areas picked per treatment (areas differ between resurfacing and neurotoxin); none picked: the defaults for the
  // concerns. Kept per treatment so switching back and forth keeps each pick.
  std::map<std::string, std::vector<std::string>> areas;
  // Areas picked per concern (concern id → pricing area ids, of every kind: the face for microneedling, frown lines
  // for neurotoxin); none picked: the concern's default. Used by every treatment that treats the concern, and
  // carried by the plan's link.
  std::map<std::string, std::vector<std::string>> concern_areas;

  // ---- Compare
  std::string concern_filter;  // a concern id; empty: every treatment
  std::string open_row;        // the treatment whose details are open
  std::vector<std::string> weighing;  // the treatments in the cost-over-time chart (empty: the best three)
  bool all_concerns = false;   // the filter lists every concern, not only the person's

  // ---- Estimate
  bool adding_concern = false;     // the list of concerns to add is open
  bool picking_treatment = false;  // a phone's list of treatments is open (else one row names the chosen one)

  // ---- My plan
  PlanLinkStatus link;
  bool confirm_booking = false;                // open the "you are leaving" dialog on the next frame
  enum class Copy { none, pending, copied, failed } copy = Copy::none;
  std::string copy_what;                       // "text" or "link": what was copied
  double copy_since = -1;                      // when the confirmation appeared, in seconds (-1: not yet drawn)

  // ---- caches, recomputed when their inputs change (the key holds every input)
  std::string compare_key, estimate_key;
  std::string compare_profile, estimate_profile;  // the profile JSON each was computed for
  nlohmann::ordered_json compare;                 // compare_json(): the same JSON as `navigator compare`
  nlohmann::ordered_json estimate;                // estimate_json(): the same JSON as `navigator estimate`
  bool estimate_ok = false;
  nlohmann::ordered_json shown = nlohmann::ordered_json::object();  // formatted figures drawn (for tests)
};

}  // namespace mn::ui
