// navigator compare PROFILE [--config FILE] [--lang en|es] [--concern ID]: the clinic's treatments side by side,
// ranked for a profile, as JSON.
#include <ostream>

#include "cli/common.hpp"
#include "cli/planner_options.hpp"
#include "core/compare_json.hpp"
#include "core/profile.hpp"

namespace mn::cli {

int run_compare(const Invocation& invocation, std::ostream& out, std::ostream& err) {
  const auto load = load_config_option(invocation, err);
  if (!load) return kExitUsage;
  const auto lang = lang_option(invocation, load->config.default_language, err);
  if (!lang) return kExitUsage;
  const auto text = read_input(invocation.args.at(0), err);
  if (!text) return kExitUsage;
  const std::string* concern = invocation.option(kConcernOption.name);
  const AssessReply reply = compare_json(*text, *lang, load->config, concern ? *concern : std::string());
  return finish_reply(reply, *load, out, err);
}

}  // namespace mn::cli
