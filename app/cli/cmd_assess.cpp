// navigator assess PROFILE [--config FILE] [--lang en|es]: the candidacy verdicts for a profile, as JSON.
#include <ostream>

#include "cli/common.hpp"
#include "core/candidacy_json.hpp"

namespace mn::cli {

int run_assess(const Invocation& invocation, std::ostream& out, std::ostream& err) {
  const auto load = load_config_option(invocation, err);
  if (!load) return kExitUsage;
  Lang lang = load->config.default_language;
  if (const std::string* code = invocation.option(kLangOption.name)) {
    const auto parsed = parse_lang(*code);
    if (!parsed) {
      err << "navigator: unknown language '" << *code << "' (use en or es)\n";
      return kExitUsage;
    }
    lang = *parsed;
  }
  const auto text = read_input(invocation.args.at(0), err);
  if (!text) return kExitUsage;
  const AssessReply reply = assess_json(*text, lang, load->config);
  return finish_reply(reply, *load, out, err);
}

}  // namespace mn::cli
