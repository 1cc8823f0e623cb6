#include "core/issues.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace mn {

std::string_view severity_name(Severity severity) { return severity == Severity::error ? "error" : "warning"; }

std::string display_pointer(std::string_view pointer) {
  return pointer.empty() ? std::string("(root)") : escape_controls(pointer);  // keys from the input may hold controls
}

std::string format_issue(const Issue& issue) {
  std::string line(severity_name(issue.severity));
  line += ": ";
  if (!issue.document.empty()) line += issue.document + ": ";
  // Pointers and messages may quote what a file or a link holds: nothing in them reaches a terminal as a control.
  line += display_pointer(issue.pointer) + ": " + escape_controls(issue.message);
  return line;
}

bool has_errors(const std::vector<Issue>& issues) { return count(issues, Severity::error) > 0; }

std::size_t count(const std::vector<Issue>& issues, Severity severity) {
  return static_cast<std::size_t>(
      std::count_if(issues.begin(), issues.end(), [&](const Issue& i) { return i.severity == severity; }));
}

std::string pointer_append(std::string_view pointer, std::string_view token) {
  std::string out(pointer);
  out += '/';
  for (char c : token) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string pointer_append(std::string_view pointer, std::size_t index) {
  return pointer_append(pointer, std::to_string(index));
}

void add_capped(std::vector<Issue>& list, Issue issue, std::size_t& unlisted) {
  if (list.size() < kMaxIssuesListed) {
    list.push_back(std::move(issue));
    return;
  }
  if (unlisted == 0) list.push_back({Severity::warning, "", "", issue.document});
  Issue& more = list.back();
  if (issue.severity == Severity::error) more.severity = Severity::error;
  ++unlisted;
  more.message = std::to_string(unlisted) + (unlisted == 1 ? " more problem is" : " more problems are") +
                 " not listed: fix the ones above and check again";
}

}  // namespace mn
