// navigator validate FILE: checks a clinic configuration.
#include <ostream>

#include "cli/common.hpp"

namespace mn::cli {

int run_validate(const Invocation& invocation, std::ostream& out, std::ostream& err) {
  const std::string& path = invocation.args.at(0);
  const auto text = read_input(path, err);
  if (!text) return kExitUsage;
  const ConfigLoad load = load_clinic_config(*text);
  print_issues(load.issues, out);
  err << summary(path == "-" ? "(stdin)" : path, load.issues) << "\n";
  return load.ok() ? kExitOk : kExitFailed;
}

}  // namespace mn::cli
