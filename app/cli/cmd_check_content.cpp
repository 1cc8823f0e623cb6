// navigator check-content [ASSETS_DIR]: checks the content files.
#include <ostream>

#include "cli/common.hpp"
#include "core/content.hpp"

namespace mn::cli {

int run_check_content(const Invocation& invocation, std::ostream& out, std::ostream& err) {
  const bool builtin = invocation.args.empty();
  const Content content =
      builtin ? Content::load(embedded_reader()) : Content::load(directory_reader(invocation.args[0]));
  print_issues(content.issues(), out);
  err << summary(builtin ? "built-in content" : invocation.args[0], content.issues()) << "\n";
  return has_errors(content.issues()) ? kExitFailed : kExitOk;
}

}  // namespace mn::cli
