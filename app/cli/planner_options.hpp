#pragma once
// Options and helpers of the planner subcommands: compare, estimate, plan (cmd_compare.cpp, cmd_estimate.cpp,
// cmd_plan.cpp).
#include <iosfwd>
#include <optional>

#include "cli/command.hpp"
#include "core/format.hpp"
#include "core/lang.hpp"

namespace mn::cli {

inline constexpr Option kConcernOption{"--concern", "ID", "only treatments that treat this concern"};
inline constexpr Option kTreatmentOption{"--treatment", "ID", "the treatment to estimate (required)"};
inline constexpr Option kStartOption{"--start", "YYYY-MM-DD",
                                     "date of the first session (default and at the earliest: after a consultation and "
                                     "any wait the answers call for)"};
inline constexpr Option kTodayOption{"--today", "YYYY-MM-DD", "the day the answers were given (default: today)"};
inline constexpr Option kPackageOption{"--package", "auto|none|ID",
                                       "packages: the cheapest (default), none, or one package of the clinic"};
inline constexpr Option kAddonOption{"--addon", "ID[,ID...]", "add-ons for every session (comma-separated)"};
inline constexpr Option kSeverityOption{"--severity", "CONCERN=N[,...]",
                                        "what if a concern's severity were N (1-3); adds the concern if absent"};
inline constexpr Option kAreaOption{"--area", "ID[,ID...] | CONCERN=ID[,ID...][,CONCERN=...]",
                                    "areas treated each session: for the treatment, or per concern (an ID belongs to "
                                    "the concern before it); default: each concern's own"};
inline constexpr Option kMaintenanceYearsOption{"--maintenance-years", "N", "years of maintenance to plan (0-10, default 3)"};

// Today in local time (only the CLI reads the clock; the core takes dates as parameters).
Date today();

}  // namespace mn::cli
