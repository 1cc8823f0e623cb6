#pragma once
// Problems found while loading a document (clinic configuration, content): what, where, how bad.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mn {

enum class Severity { error, warning };

struct Issue {
  Severity severity = Severity::error;
  std::string pointer;   // RFC 6901 JSON pointer to the value ("" is the whole document)
  std::string message;   // English, for developers and clinic staff
  std::string document;  // the file, when one check spans several files (content); empty otherwise
};

// "error" or "warning".
std::string_view severity_name(Severity severity);

// The pointer as printed: "(root)" for the whole document, else the pointer itself.
std::string display_pointer(std::string_view pointer);

// One line: "error: /packages/0/treatment: names 'foo', which is not an enabled treatment", with
// "document: " before the pointer when the issue names one.
std::string format_issue(const Issue& issue);

bool has_errors(const std::vector<Issue>& issues);

// At most this many issues are listed for one document; past it, one last issue says how many more there are (so a
// hostile file with 100,000 bad keys costs no more to report, or to read, than one with a hundred).
inline constexpr std::size_t kMaxIssuesListed = 100;

// Appends `issue` to `list`, or once `list` is full counts it in a closing "N more problems are not listed" issue,
// which is an error if any issue it stands for is one (has_errors() stays true). `unlisted` is the caller's count.
void add_capped(std::vector<Issue>& list, Issue issue, std::size_t& unlisted);
std::size_t count(const std::vector<Issue>& issues, Severity severity);

// `pointer` extended by one reference token, escaped per RFC 6901 ("a/b" becomes "a~1b", "~" becomes "~0").
std::string pointer_append(std::string_view pointer, std::string_view token);
std::string pointer_append(std::string_view pointer, std::size_t index);

}  // namespace mn
