#include "core/json_parse.hpp"

#include <algorithm>
#include <cstdio>
#include <deque>
#include <utility>

#include "core/issues.hpp"
#include "core/text.hpp"

namespace mn {
namespace {

constexpr std::size_t kMaxMessageChars = 160;

// Deepest nesting of arrays and objects, counting brackets outside strings. Runs before parsing, so even
// malformed input cannot make the parser recurse or allocate deeply.
int nesting_depth(std::string_view text) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

bool is_blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 2: ..." as
// "not valid JSON at line 1, column 2: ...".
std::string describe_parse_failure(const std::string& what) {
  std::string_view text(what);
  if (const auto end = text.find("] "); text.rfind("[json.exception.", 0) == 0 && end != std::string_view::npos)
    text.remove_prefix(end + 2);
  constexpr std::string_view kParseError = "parse error ";
  std::string message = "not valid JSON";
  if (text.rfind(kParseError, 0) == 0) {
    text.remove_prefix(kParseError.size());
    message += ' ';
  } else {
    message += ": ";
  }
  return truncate_utf8(message.append(text), kMaxMessageChars);
}

// nlohmann's own DOM builder, except that a syntax error is kept as a message rather than thrown: the same
// path in the native build and in the web build, which has no exceptions.
class DomBuilder : public nlohmann::detail::json_sax_dom_parser<Json> {
 public:
  explicit DomBuilder(Json& into) : json_sax_dom_parser(into, false) {}
  template <class Exception>
  bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/, const Exception& e) {
    error = e.what();
    return false;
  }
  std::string error;  // nlohmann's message, e.g. "[json.exception.parse_error.101] parse error at line 1, ..."
};

void collect_leaves(const Json& value, const std::string& pointer, std::vector<std::string>& out) {
  if (value.is_object() && !value.empty()) {
    for (const auto& [key, child] : value.items()) collect_leaves(child, pointer_append(pointer, key), out);
  } else if (value.is_array() && !value.empty()) {
    for (std::size_t i = 0; i < value.size(); ++i) collect_leaves(value[i], pointer_append(pointer, i), out);
  } else {
    out.push_back(pointer);
  }
}

// Results of parse_json_ahead(), with the text each was parsed from.
std::deque<std::pair<std::string, ParsedJson>>& parsed_ahead() {
  static std::deque<std::pair<std::string, ParsedJson>> results;
  return results;
}

ParsedJson parse_now(std::string_view text);

}  // namespace

ParsedJson parse_json(std::string_view text) {
  auto& ahead = parsed_ahead();
  for (auto it = ahead.begin(); it != ahead.end(); ++it) {
    if (it->first != text) continue;
    ParsedJson result = std::move(it->second);
    ahead.erase(it);
    return result;
  }
  return parse_now(text);
}

void parse_json_ahead(std::string_view text) {
  auto& ahead = parsed_ahead();
  if (ahead.size() >= kMaxJsonAhead) ahead.pop_front();
  ahead.emplace_back(std::string(text), parse_now(text));
}

std::size_t json_parsed_ahead() { return parsed_ahead().size(); }

namespace {

ParsedJson parse_now(std::string_view text) {
  if (text.size() > kMaxJsonBytes)
    return {nullptr, "larger than the limit of " + std::to_string(kMaxJsonBytes) + " bytes"};
  if (is_blank(text)) return {nullptr, "empty: there is no JSON value"};
  if (const auto bad = invalid_utf8_offset(text)) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02x", static_cast<unsigned char>(text[*bad]));
    return {nullptr, std::string("not valid UTF-8 (byte ") + byte + " at offset " + std::to_string(*bad) + ")"};
  }
  if (nesting_depth(text) > kMaxJsonDepth)
    return {nullptr, "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels"};
  Json value;
  DomBuilder builder(value);
  if (!Json::sax_parse(text.begin(), text.end(), &builder) || !builder.error.empty())
    return {nullptr, describe_parse_failure(builder.error)};
  return {std::move(value), {}};
}

}  // namespace

std::vector<std::string> leaf_pointers(const Json& value) {
  std::vector<std::string> out;
  collect_leaves(value, "", out);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace mn
