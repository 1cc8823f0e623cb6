#pragma once
#include "core/candidacy_json.hpp"
// Helpers shared by the subcommands: reading inputs and printing issues the same way everywhere.
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "core/clinic_config.hpp"
#include "core/issues.hpp"
#include "core/lang.hpp"

namespace mn::cli {

// The text of a JSON input file, read up to just past the loader's size limit (so it can report "too large").
// Prints a message and returns nullopt when the file cannot be read.
std::optional<std::string> read_input(const std::string& path, std::ostream& err);

// One format_issue() line per issue.
void print_issues(const std::vector<Issue>& issues, std::ostream& out);
// "NAME: valid" or "NAME: 2 errors, 1 warning".
std::string summary(const std::string& name, const std::vector<Issue>& issues);

// The configuration named by --config (printing its issues to `err`), or the built-in one. nullopt (after a
// message) if the file cannot be read.
std::optional<ConfigLoad> load_config_option(const Invocation& invocation, std::ostream& err);

// The --lang option, else `fallback`; nullopt after a message for an unknown code.
std::optional<Lang> lang_option(const Invocation& invocation, Lang fallback, std::ostream& err);

// What assess, compare and estimate read first: the --config clinic (else the built-in one), the --lang language
// (else the clinic's default) and the profile (the first argument: a file, or '-' for standard input).
struct ProfileInput {
  ConfigLoad load;
  Lang lang;
  std::string profile;  // JSON text, not yet checked
};
// nullopt (after a message) when the configuration or the profile cannot be read or the language is unknown.
std::optional<ProfileInput> read_profile_input(const Invocation& invocation, std::ostream& err);

// Ends a JSON-answering command (assess, compare, estimate): the reply on `out`, or its profile errors as
// `pointer: message` lines on `err` (exit 2); exit 1 when the --config file had errors, else 0.
int finish_reply(const AssessReply& reply, const ConfigLoad& config, std::ostream& out, std::ostream& err);

}  // namespace mn::cli
