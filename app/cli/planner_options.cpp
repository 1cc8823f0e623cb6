#include "cli/planner_options.hpp"

#include <ctime>
#include <ostream>

namespace mn::cli {

std::optional<Lang> lang_option(const Invocation& invocation, Lang fallback, std::ostream& err) {
  const std::string* code = invocation.option(kLangOption.name);
  if (!code) return fallback;
  const auto lang = parse_lang(*code);
  if (!lang) err << "navigator: unknown language '" << *code << "' (use en or es)\n";
  return lang;
}

Date today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

}  // namespace mn::cli
