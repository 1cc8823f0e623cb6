#include "cli/common.hpp"

#include <cerrno>
#include <cstring>
#include <ostream>

#include "core/files.hpp"
#include "core/json_parse.hpp"
#include "core/text.hpp"

namespace mn::cli {
namespace {

std::string plural(std::size_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

std::optional<std::string> read_input(const std::string& path, std::ostream& err) {
  errno = 0;
  auto text = read_file(path, kMaxJsonBytes + 1);
  if (!text)
    err << "navigator: cannot read " << quoted_value(path, 200) << (errno ? std::string(": ") + std::strerror(errno) : "") << "\n";
  return text;
}

void print_issues(const std::vector<Issue>& issues, std::ostream& out) {
  for (const Issue& issue : issues) out << format_issue(issue) << "\n";
}

std::string summary(const std::string& name, const std::vector<Issue>& issues) {
  if (issues.empty()) return name + ": valid";
  return name + ": " + plural(count(issues, Severity::error), "error") + ", " +
         plural(count(issues, Severity::warning), "warning");
}

std::optional<ConfigLoad> load_config_option(const Invocation& invocation, std::ostream& err) {
  const std::string* path = invocation.option(kConfigOption.name);
  if (!path) return ConfigLoad{builtin_clinic_config(), {}};
  const auto text = read_input(*path, err);
  if (!text) return std::nullopt;
  ConfigLoad load = load_clinic_config(*text);
  print_issues(load.issues, err);
  return load;
}

std::optional<Lang> lang_option(const Invocation& invocation, Lang fallback, std::ostream& err) {
  const std::string* code = invocation.option(kLangOption.name);
  if (!code) return fallback;
  const auto lang = parse_lang(*code);
  if (!lang) err << "navigator: unknown language " << quoted_value(*code) << " (use en or es)\n";
  return lang;
}

std::optional<ProfileInput> read_profile_input(const Invocation& invocation, std::ostream& err) {
  auto load = load_config_option(invocation, err);
  if (!load) return std::nullopt;
  const auto lang = lang_option(invocation, load->config.default_language, err);
  if (!lang) return std::nullopt;
  auto text = read_input(invocation.args.at(0), err);
  if (!text) return std::nullopt;
  return ProfileInput{std::move(*load), *lang, std::move(*text)};
}

int finish_reply(const AssessReply& reply, const ConfigLoad& config, std::ostream& out, std::ostream& err) {
  if (!reply.ok()) {
    for (const Issue& issue : reply.issues) err << escape_controls(format_profile_issue(issue)) << "\n";
    return kExitUsage;
  }
  out << reply.json << "\n";
  return config.ok() ? kExitOk : kExitFailed;
}

}  // namespace mn::cli
