#include "core/json_parse.hpp"

#include <algorithm>
#include <cstdio>
#include <deque>
#include <unordered_set>
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
  // nlohmann quotes the last bytes read, which may be part of a UTF-8 character: whole characters only, so the
  // message can always be written out (a JSON reply with half a character would throw, or abort in the web build).
  return escape_controls(truncate_utf8(valid_utf8(message.append(text)), kMaxMessageChars));
}

// Builds the document from nlohmann's SAX events. Unlike nlohmann's own DOM builder it never looks a key up in the
// object it is filling (ordered_json's objects are vectors: that lookup made parsing quadratic in the number of
// keys); a hashed set of each open object's keys finds a repeated key instead, which is an error: a document whose
// meaning depends on which of two values wins is refused, never read as "the last one wins". A syntax error is kept
// as a message rather than thrown: the same path in the native build and in the web build, which has no exceptions.
class DomBuilder {
 public:
  explicit DomBuilder(Json& root) : root_(root) {}

  bool null() { return put(nullptr) != nullptr; }
  bool boolean(bool v) { return put(v) != nullptr; }
  bool number_integer(Json::number_integer_t v) { return put(v) != nullptr; }
  bool number_unsigned(Json::number_unsigned_t v) { return put(v) != nullptr; }
  bool number_float(Json::number_float_t v, const std::string& /*text*/) { return put(v) != nullptr; }
  bool string(std::string& v) { return put(std::move(v)) != nullptr; }
  bool binary(Json::binary_t& v) { return put(Json::binary(std::move(v))) != nullptr; }

  bool start_object(std::size_t /*size*/) { return open(Json::object()); }
  bool start_array(std::size_t /*size*/) { return open(Json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(std::string& k) {
    Frame& f = frames_.back();
    if (f.keys.size() >= kMaxJsonObjectMembers)
      return fail(pointer(), "has more than " + std::to_string(kMaxJsonObjectMembers) + " members");
    if (!f.keys.insert(k).second)
      return fail(pointer_append(pointer(), k), "the key " + quoted_value(k) + " appears more than once in its object");
    f.key = std::move(k);
    return true;
  }

  template <class Exception>
  bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/, const Exception& e) {
    if (error.empty()) error = describe_parse_failure(e.what());
    return false;
  }

  std::string error;    // empty, or what is wrong ("not valid JSON at line 1, ...", "the key 'a' appears ...")
  std::string where;    // the JSON pointer the error is about ("" for syntax errors)

 private:
  struct Frame {
    Json* container;
    std::unordered_set<std::string> keys;  // objects: the keys read so far
    std::string key;                        // objects: the key of the value that comes next
    std::string token;                      // this container's reference token within its parent
  };

  bool fail(std::string at, std::string message) {
    where = std::move(at);
    error = std::move(message);
    return false;
  }

  // The pointer of the innermost open container.
  std::string pointer() const {
    std::string out;
    for (std::size_t i = 1; i < frames_.size(); ++i) out = pointer_append(out, frames_[i].token);
    return out;
  }

  Json* put(Json&& value) {
    if (++values_ > kMaxJsonValues) {
      fail(pointer(), "holds more than " + std::to_string(kMaxJsonValues) + " values in all");
      return nullptr;
    }
    if (frames_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    Frame& f = frames_.back();
    if (f.container->is_array()) {
      auto& array = f.container->get_ref<Json::array_t&>();
      array.push_back(std::move(value));
      return &array.back();
    }
    // Appended without a lookup: key() has already made sure that the key is new.
    auto& members = static_cast<std::vector<std::pair<const std::string, Json>>&>(f.container->get_ref<Json::object_t&>());
    members.emplace_back(std::move(f.key), std::move(value));
    return &members.back().second;
  }

  bool open(Json&& container) {
    std::string token;
    if (!frames_.empty()) {
      const Frame& parent = frames_.back();
      token = parent.container->is_array() ? std::to_string(parent.container->size()) : parent.key;
    }
    Json* at = put(std::move(container));
    if (!at) return false;
    frames_.push_back({at, {}, {}, std::move(token)});
    return true;
  }

  bool close() {
    frames_.pop_back();
    return true;
  }

  Json& root_;
  std::vector<Frame> frames_;
  std::size_t values_ = 0;
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
    return {nullptr, "larger than the limit of " + std::to_string(kMaxJsonBytes) + " bytes", {}};
  if (is_blank(text)) return {nullptr, "empty: there is no JSON value", {}};
  if (const auto bad = invalid_utf8_offset(text)) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02x", static_cast<unsigned char>(text[*bad]));
    return {nullptr, std::string("not valid UTF-8 (byte ") + byte + " at offset " + std::to_string(*bad) + ")", {}};
  }
  if (nesting_depth(text) > kMaxJsonDepth)
    return {nullptr, "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels", {}};
  Json value;
  DomBuilder builder(value);
  if (!Json::sax_parse(text.begin(), text.end(), &builder) || !builder.error.empty())
    return {nullptr, builder.error.empty() ? "not valid JSON" : std::move(builder.error), std::move(builder.where)};
  return {std::move(value), {}, {}};
}

}  // namespace

std::vector<std::string> leaf_pointers(const Json& value) {
  std::vector<std::string> out;
  collect_leaves(value, "", out);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace mn
