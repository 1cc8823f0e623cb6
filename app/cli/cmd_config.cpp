// navigator config [--config FILE]: prints the effective configuration.
#include <ostream>

#include "cli/common.hpp"

namespace mn::cli {

int run_config(const Invocation& invocation, std::ostream& out, std::ostream& err) {
  const auto load = load_config_option(invocation, err);
  if (!load) return kExitUsage;
  out << to_json(load->config) << "\n";
  return load->ok() ? kExitOk : kExitFailed;
}

}  // namespace mn::cli
