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
std::size_t count(const std::vector<Issue>& issues, Severity severity);

// `pointer` extended by one reference token, escaped per RFC 6901 ("a/b" becomes "a~1b", "~" becomes "~0").
std::string pointer_append(std::string_view pointer, std::string_view token);
std::string pointer_append(std::string_view pointer, std::size_t index);

}  // namespace mn
