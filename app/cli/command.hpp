#pragma once
// The `navigator` subcommands. Each lives in its own cmd_<name>.cpp and is listed in commands.cpp.
// To add one: write `int run_<name>(const Invocation&, std::ostream& out, std::ostream& err)`, declare it below,
// and add a row to the table (its options, e.g. kConfigOption, are then parsed and documented by main.cpp).
#include <cstddef>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mn::cli {

// Exit codes of every subcommand.
enum Exit : int {
  kExitOk = 0,      // done; the input is valid (perhaps with warnings)
  kExitFailed = 1,  // done; the input has errors
  kExitUsage = 2,   // not done: bad command line, or an input file that cannot be read
};

// An option that takes a value: `--config FILE` or `--config=FILE`.
struct Option {
  std::string_view name;   // "--config"
  std::string_view value;  // "FILE"
  std::string_view help;
};

inline constexpr Option kConfigOption{"--config", "FILE", "clinic configuration (default: the built-in demo clinic)"};
inline constexpr Option kLangOption{"--lang", "en|es",
                                    "language of the messages (default: the clinic's default language)"};

// The command line after the subcommand's name.
struct Invocation {
  std::vector<std::string> args;                            // positional arguments
  std::map<std::string, std::string, std::less<>> options;  // "--config" -> "clinic.json"
  const std::string* option(std::string_view name) const;   // nullptr when not given
};

struct Command {
  std::string_view name;      // "validate"
  std::string_view synopsis;  // "FILE"
  std::string_view summary;   // one line for `navigator --help`
  std::string_view details;   // more lines for `navigator <name> --help` (may be empty)
  std::vector<Option> options;
  std::size_t min_args, max_args;
  int (*run)(const Invocation& invocation, std::ostream& out, std::ostream& err);
};

// Every subcommand, in the order `navigator --help` lists them.
const std::vector<Command>& commands();

int run_validate(const Invocation& invocation, std::ostream& out, std::ostream& err);
int run_config(const Invocation& invocation, std::ostream& out, std::ostream& err);
int run_check_content(const Invocation& invocation, std::ostream& out, std::ostream& err);
int run_evidence(const Invocation& invocation, std::ostream& out, std::ostream& err);
int run_assess(const Invocation& invocation, std::ostream& out, std::ostream& err);
int run_compare(const Invocation& invocation, std::ostream& out, std::ostream& err);
int run_estimate(const Invocation& invocation, std::ostream& out, std::ostream& err);
int run_plan(const Invocation& invocation, std::ostream& out, std::ostream& err);

}  // namespace mn::cli
