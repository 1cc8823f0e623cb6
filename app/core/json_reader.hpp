#pragma once
// Typed, reporting reads of parsed JSON for the loaders. Each read yields a valid value, or records an Issue at
// the value's JSON pointer and yields nothing, so a loader reads like a description of its format.
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/issues.hpp"
#include "core/json_parse.hpp"

namespace mn {

// The issues found in one document.
class IssueLog {
 public:
  explicit IssueLog(std::string document = {}) : document_(std::move(document)) {}
  void add(Severity severity, std::string pointer, std::string message);
  std::size_t errors() const { return errors_; }
  const std::vector<Issue>& issues() const { return issues_; }
  std::vector<Issue> take() { return std::move(issues_); }

 private:
  std::string document_;
  std::vector<Issue> issues_;  // at most kMaxIssuesListed, then one that counts the rest
  std::size_t unlisted_ = 0;
  std::size_t errors_ = 0;   // all of them, listed or not
};

// What a text value may hold. Control characters are never allowed (line breaks only if `multiline`), nor are
// blank texts; an empty one only if `may_be_empty`.
struct TextRule {
  std::size_t max_chars = 200;  // code points
  bool multiline = false;
  bool may_be_empty = false;
};

// One value of a document, or the place where a missing one belongs.
class Node {
 public:
  Node(const Json* value, std::string pointer, IssueLog& log, bool quiet = false)
      : value_(value), pointer_(std::move(pointer)), log_(&log), quiet_(quiet) {}

  bool present() const { return value_ != nullptr; }
  const Json& json() const { return *value_; }  // only when present()
  const std::string& pointer() const { return pointer_; }
  IssueLog& log() const { return *log_; }

  void error(std::string message) const { log_->add(Severity::error, pointer_, std::move(message)); }
  void warning(std::string message) const { log_->add(Severity::warning, pointer_, std::move(message)); }
  // Records "is required but missing", unless a problem with the parent was reported already.
  void missing() const;
  // Records "expected <what>, found <the value>", e.g. "expected a string, found 42".
  void type_error(std::string_view what) const;

  // The member of an object; absent if there is no such member (quietly so if this is no object).
  Node member(std::string_view key) const;
  // Elements of an array / members of an object. Both record an error and return nothing for another type.
  std::vector<Node> elements() const;
  std::vector<std::pair<std::string, Node>> members() const;
  // Whether the value is an array / object; records an error if it is something else.
  bool expect_array() const;
  bool expect_object() const;

  // Typed reads: nullopt after recording an error when the value has another type or breaks the limits.
  std::optional<std::string> text(TextRule rule = {}) const;
  std::optional<double> number(double min, double max) const;
  std::optional<int> integer(int min, int max) const;
  std::optional<bool> boolean() const;

 private:
  const Json* value_;
  std::string pointer_;
  IssueLog* log_;
  bool quiet_;
};

// Reads the members of one object by name; finish() warns about every member that was never asked for.
// If the node is absent or not an object, every member reads as quietly absent.
class ObjectReader {
 public:
  explicit ObjectReader(const Node& node);
  bool ok() const { return object_; }  // the node is an object
  Node operator[](std::string_view key);
  void finish() const;

 private:
  Node node_;
  bool object_;
  std::set<std::string, std::less<>> known_;
};

// Reads a text with `rule`: a parser for read_field and read_list.
inline auto text_of(TextRule rule) {
  return [rule](const Node& n) { return n.text(rule); };
}

// A value quoted for a message: 'abc' (long ones shortened).
std::string in_quotes(std::string_view text);

// How a field treats a missing or bad value.
enum class Field {
  required,   // missing: error; missing or bad: the fallback value stays
  defaulted,  // missing or bad: the fallback value stays (missing is fine)
  optional,   // missing or bad: the value is cleared (missing is fine)
};

// Reads `node` into `dst` with `parse` (a callable Node -> std::optional<T>), following `field`'s rule.
// `dst` may itself be a std::optional<T>, read with the same T parser.
template <class T, class Parse>
void read_field(const Node& node, Field field, T& dst, Parse&& parse) {
  if (!node.present()) {
    if (field == Field::required) node.missing();
  } else if (auto value = parse(node)) {
    dst = std::move(*value);
    return;
  }
  if (field == Field::optional) dst = T{};
}

// Notes the error count of a document; clean() tells whether no error was recorded since.
class ErrorWatch {
 public:
  explicit ErrorWatch(const Node& node) : log_(&node.log()), before_(node.log().errors()) {}
  bool clean() const { return log_->errors() == before_; }

 private:
  const IssueLog* log_;
  std::size_t before_;
};

// What read_list does with an element whose reading recorded an error.
enum class BadEntry {
  drop,  // leave it out (configurations: never act on half a package)
  keep,  // keep what could be read (content: show what there is; the error fails the content tests)
};

// Parses each element of an array with `parse` (Node -> std::optional<T>); elements for which it yields nothing,
// and elements past `max_items` (with an error), are left out.
template <class T, class Parse>
std::vector<T> read_list(const Node& node, std::size_t max_items, Parse&& parse, BadEntry bad = BadEntry::drop) {
  std::vector<T> out;
  const std::vector<Node> elements = node.elements();
  if (elements.size() > max_items)
    node.error("has " + std::to_string(elements.size()) + " entries; only the first " + std::to_string(max_items) +
               " are read");
  for (std::size_t i = 0; i < elements.size() && i < max_items; ++i) {
    const ErrorWatch watch(elements[i]);
    std::optional<T> item = parse(elements[i]);
    if (item && (watch.clean() || bad == BadEntry::keep)) out.push_back(std::move(*item));
  }
  return out;
}

}  // namespace mn
