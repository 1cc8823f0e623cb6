// navigator estimate PROFILE --treatment ID [--start YYYY-MM-DD] [--today YYYY-MM-DD] [--config FILE] [--lang en|es] [--package P]
// [--addon ID,...] [--severity CONCERN=N,...] [--maintenance-years N] [--area ID,... | CONCERN=ID,...,CONCERN=ID,...]:
// sessions, dates and costs, as JSON.
#include <charconv>
#include <ostream>

#include "cli/common.hpp"
#include "cli/planner_options.hpp"
#include "core/civil_date.hpp"
#include "core/estimate_json.hpp"
#include "core/profile.hpp"
#include "core/text.hpp"

namespace mn::cli {
namespace {

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t from = 0; from <= text.size();) {
    const std::size_t comma = std::min(text.find(',', from), text.size());
    if (comma > from) out.push_back(text.substr(from, comma - from));
    from = comma + 1;
  }
  return out;
}

std::optional<int> whole_number(std::string_view text) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

// Reads the what-if options; nullopt after a message when one is not even shaped right.
std::optional<WhatIf> what_if_options(const Invocation& invocation, std::ostream& err) {
  WhatIf w;
  if (const std::string* p = invocation.option(kPackageOption.name)) w.package = PackageChoice::parse(*p);
  if (const std::string* a = invocation.option(kAddonOption.name)) w.addons = split(*a);
  if (const std::string* a = invocation.option(kAreaOption.name)) {
    // ID,ID… for the treatment, or CONCERN=ID,ID…,CONCERN=ID… per concern (an ID belongs to the concern before it).
    const std::vector<std::string> items = split(*a);
    const bool per_concern = !items.empty() && items.front().find('=') != std::string::npos;
    for (const std::string& item : items) {
      const std::size_t eq = item.find('=');
      if (per_concern && eq != std::string::npos) {
        w.concern_areas.push_back({item.substr(0, eq), {}});
        if (eq + 1 < item.size()) w.concern_areas.back().areas.push_back(item.substr(eq + 1));
      } else if (per_concern) {
        w.concern_areas.back().areas.push_back(item);
      } else if (eq != std::string::npos) {
        err << "navigator: --area takes either ID,... for the treatment or CONCERN=ID,... per concern, not both (got "
            << quoted_value(*a) << ")\n";
        return std::nullopt;
      } else {
        w.areas.push_back(item);
      }
    }
  }
  if (const std::string* s = invocation.option(kSeverityOption.name))
    for (const std::string& item : split(*s)) {
      const std::size_t eq = item.find('=');
      const auto level = eq == std::string::npos ? std::nullopt : whole_number(std::string_view(item).substr(eq + 1));
      if (!level) {
        err << "navigator: --severity wants CONCERN=N, e.g. acne_scars=3 (got " << quoted_value(item) << ")\n";
        return std::nullopt;
      }
      w.severities.push_back({item.substr(0, eq), *level});
    }
  if (const std::string* y = invocation.option(kMaintenanceYearsOption.name)) {
    const auto years = whole_number(*y);
    if (!years) {
      err << "navigator: --maintenance-years wants a whole number (got " << quoted_value(*y) << ")\n";
      return std::nullopt;
    }
    w.maintenance_years = *years;
  }
  return w;
}

}  // namespace

int run_estimate(const Invocation& invocation, std::ostream& out, std::ostream& err) {
  const std::string* treatment = invocation.option(kTreatmentOption.name);
  if (!treatment) {
    err << "navigator: estimate needs --treatment ID\n";
    return kExitUsage;
  }
  const auto what_if = what_if_options(invocation, err);
  if (!what_if) return kExitUsage;
  const auto input = read_profile_input(invocation, err);
  if (!input) return kExitUsage;
  Date answered = today();
  if (const std::string* day = invocation.option(kTodayOption.name)) {
    const auto parsed = parse_iso_date(*day);
    if (!parsed) {
      err << "navigator: --today wants a date YYYY-MM-DD (got " << quoted_value(*day) << ")\n";
      return kExitUsage;
    }
    answered = *parsed;
  }
  const std::string* start = invocation.option(kStartOption.name);
  const AssessReply reply = estimate_json(input->profile, *treatment, start ? *start : std::string(), answered,
                                          input->lang, input->load.config, *what_if);
  return finish_reply(reply, input->load, out, err);
}

}  // namespace mn::cli
