// navigator compare PROFILE [--config FILE] [--lang en|es] [--concern ID]: the clinic's treatments side by side,
// ranked for a profile, as JSON.
#include <ostream>

#include "cli/common.hpp"
#include "cli/planner_options.hpp"
#include "core/compare_json.hpp"
#include "core/profile.hpp"

namespace mn::cli {

int run_compare(const Invocation& invocation, std::ostream& out, std::ostream& err) {
  const auto input = read_profile_input(invocation, err);
  if (!input) return kExitUsage;
  const std::string* concern = invocation.option(kConcernOption.name);
  const AssessReply reply = compare_json(input->profile, input->lang, input->load.config, concern ? *concern : std::string());
  return finish_reply(reply, input->load, out, err);
}

}  // namespace mn::cli
