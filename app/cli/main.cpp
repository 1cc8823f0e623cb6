// navigator: the command-line companion of the app. `navigator --help` lists the subcommands (commands.cpp).
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <optional>

#include "cli/command.hpp"
#include "core/text.hpp"

namespace mn::cli {
namespace {

bool is_help(std::string_view arg) { return arg == "--help" || arg == "-h"; }

std::string usage_line(const Command& command) {
  std::string line = "navigator " + std::string(command.name);
  for (const Option& o : command.options) line += " [" + std::string(o.name) + " " + std::string(o.value) + "]";
  if (!command.synopsis.empty()) line += " " + std::string(command.synopsis);
  return line;
}

void print_help(std::ostream& out) {
  out << "usage: navigator COMMAND [ARGS]   (navigator COMMAND --help for details)\n\ncommands:\n";
  for (const Command& c : commands()) {
    std::string head = std::string(c.name) + " " + std::string(c.synopsis);
    head.resize(std::max<std::size_t>(head.size() + 2, 30), ' ');
    out << "  " << head << c.summary << "\n";
  }
}

void print_command_help(const Command& command, std::ostream& out) {
  out << "usage: " << usage_line(command) << "\n\n" << command.summary << "\n";
  if (!command.details.empty()) out << "\n" << command.details << "\n";
  if (!command.options.empty()) out << "\noptions:\n";
  for (const Option& o : command.options) out << "  " << o.name << " " << o.value << "  " << o.help << "\n";
}

int usage_error(const std::string& message, const Command* command, std::ostream& err) {
  err << "navigator: " << message << "\n";
  if (command) err << "usage: " << usage_line(*command) << "\n";
  err << "Run 'navigator --help' to list the commands.\n";
  return kExitUsage;
}

const Command* find_command(std::string_view name) {
  for (const Command& c : commands())
    if (c.name == name) return &c;
  return nullptr;
}

// Fills `invocation` from the arguments after the command's name; returns a message for bad usage.
std::optional<std::string> parse_arguments(const Command& command, const std::vector<std::string>& args,
                                           Invocation& invocation) {
  bool options_done = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_done || arg.size() < 2 || arg[0] != '-') {
      invocation.args.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    const std::string name = arg.substr(0, arg.find('='));
    const auto known =
        std::find_if(command.options.begin(), command.options.end(), [&](const Option& o) { return o.name == name; });
    if (known == command.options.end()) return "unknown option " + quoted_value(name) + " for '" + std::string(command.name) + "'";
    if (name.size() < arg.size())
      invocation.options[name] = arg.substr(name.size() + 1);
    else if (i + 1 < args.size())
      invocation.options[name] = args[++i];
    else
      return "option '" + name + "' needs a value (" + std::string(known->value) + ")";
  }
  const std::size_t n = invocation.args.size();
  if (n < command.min_args) return "'" + std::string(command.name) + "' needs more arguments";
  if (n > command.max_args)
    return "'" + std::string(command.name) + "' takes at most " + std::to_string(command.max_args) + " argument" +
           (command.max_args == 1 ? "" : "s");
  return std::nullopt;
}

int dispatch(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) return usage_error("no command given", nullptr, err);
  if (is_help(args[0]) || args[0] == "help") {
    if (args.size() > 1)
      if (const Command* c = find_command(args[1])) {
        print_command_help(*c, out);
        return kExitOk;
      }
    print_help(out);
    return kExitOk;
  }
  const Command* command = find_command(args[0]);
  if (!command) {
    std::vector<std::string_view> names;
    for (const Command& c : commands()) names.push_back(c.name);
    return usage_error(with_hint("unknown command " + quoted_value(args[0]), args[0], names), nullptr, err);
  }
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (std::any_of(rest.begin(), rest.end(), [](const std::string& a) { return is_help(a); })) {
    print_command_help(*command, out);
    return kExitOk;
  }
  Invocation invocation;
  if (const auto problem = parse_arguments(*command, rest, invocation)) return usage_error(*problem, command, err);
  return command->run(invocation, out, err);
}

}  // namespace
}  // namespace mn::cli

int main(int argc, char** argv) {
  const int status = mn::cli::dispatch(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
  // A reply that could not be written (a full disk, a closed pipe) is no reply: say so and fail, never exit 0.
  std::cout.flush();
  if (!std::cout || std::ferror(stdout) || std::fflush(stdout) != 0) {
    std::cerr << "navigator: cannot write the output" << (errno ? std::string(": ") + std::strerror(errno) : "") << "\n";
    return mn::cli::kExitUsage;
  }
  return status;
}
