// navigator assess PROFILE [--config FILE] [--lang en|es]: the candidacy verdicts for a profile, as JSON.
#include <ostream>

#include "cli/common.hpp"
#include "core/candidacy_json.hpp"

namespace mn::cli {

int run_assess(const Invocation& invocation, std::ostream& out, std::ostream& err) {
  const auto input = read_profile_input(invocation, err);
  if (!input) return kExitUsage;
  const AssessReply reply = assess_json(input->profile, input->lang, input->load.config);
  return finish_reply(reply, input->load, out, err);
}

}  // namespace mn::cli
