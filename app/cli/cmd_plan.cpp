// navigator plan encode PLAN.json | decode FRAGMENT | text FRAGMENT | html FRAGMENT: share links of plans, and the
// plan as text or as a print page.
#include <ostream>
#include <string_view>

#include "cli/common.hpp"
#include "cli/planner_options.hpp"
#include "core/plan.hpp"
#include "core/profile.hpp"
#include "core/text.hpp"

namespace mn::cli {
namespace {

// The plan code in what was given: a bare code ("p1.….…"), "plan=p1.…", "#plan=p1.…", or a whole app link
// ("https://clinic.example/app/?lang=es#plan=p1.…"). Only the fragment of a link is read; blanks around are dropped.
std::string_view plan_code(std::string_view input) {
  constexpr std::string_view kBlanks = " \t\r\n", kKey = "plan=";
  const std::size_t first = input.find_first_not_of(kBlanks);
  if (first == std::string_view::npos) return {};
  input = input.substr(first, input.find_last_not_of(kBlanks) - first + 1);
  if (const std::size_t hash = input.find('#'); hash != std::string_view::npos) input.remove_prefix(hash + 1);
  if (input.substr(0, kKey.size()) == kKey) input.remove_prefix(kKey.size());
  return input;
}

int refused(const PlanError& error, std::ostream& err) {
  err << display_pointer(error.pointer) << ": " << error.message << " (" << plan_error_name(error.code) << ")\n";
  return kExitUsage;
}

}  // namespace

int run_plan(const Invocation& invocation, std::ostream& out, std::ostream& err) {
  const std::string& action = invocation.args.at(0);
  const std::string& input = invocation.args.at(1);
  if (action == "encode") {
    const auto text = read_input(input, err);
    if (!text) return kExitUsage;
    const PlanRead read = parse_plan(*text);
    if (!read.ok()) return refused(*read.error, err);
    out << encode_plan(read.plan) << "\n";
    return kExitOk;
  }
  if (action != "decode" && action != "text" && action != "html") {
    err << "navigator: unknown plan action " << quoted_value(action) << " (use encode, decode, text or html)\n";
    return kExitUsage;
  }
  PlanRead read = decode_plan(plan_code(input));
  if (!read.ok()) return refused(*read.error, err);
  if (action == "decode") {
    out << plan_to_json(read.plan).dump(2) << "\n";
    return kExitOk;
  }
  const auto load = load_config_option(invocation, err);
  if (!load) return kExitUsage;
  const auto lang = lang_option(invocation, read.plan.lang, err);
  if (!lang) return kExitUsage;
  read.plan.lang = *lang;
  const PlanEstimate e = estimate_plan(read.plan, load->config);
  if (!e.estimate) {
    for (const Issue& issue : e.issues) err << format_profile_issue(issue) << "\n";
    return kExitUsage;
  }
  out << (action == "text" ? plan_text(read.plan, *e.estimate, load->config) : plan_html(read.plan, *e.estimate, load->config));
  return load->ok() ? kExitOk : kExitFailed;
}

}  // namespace mn::cli
