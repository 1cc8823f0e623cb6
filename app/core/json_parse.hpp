#pragma once
// Parsing untrusted JSON text within limits. Never throws; says in plain words what is wrong.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace mn {

using Json = nlohmann::ordered_json;  // one json type in the whole app (each type costs ~40 kB of wasm); keys keep their order

inline constexpr std::size_t kMaxJsonBytes = 1024 * 1024;  // larger input is refused unread
inline constexpr int kMaxJsonDepth = 32;                   // deeper arrays/objects are refused
// Objects with more members are refused. The largest real object (a language's strings) has under 500; each member
// may cost the reader a lookup and an issue, so a bound well above real use keeps every API call short.
inline constexpr std::size_t kMaxJsonObjectMembers = 2000;
inline constexpr std::size_t kMaxJsonValues = 200000;        // documents with more values (in all) are refused

struct ParsedJson {
  Json value;         // null when parsing failed
  std::string error;  // empty on success, else e.g. "not valid UTF-8 (byte 0xff at offset 12)"
  std::string pointer;  // where the error is: "" for the whole text, "/a/b" for a repeated key "b" in object "/a"
  bool ok() const { return error.empty(); }
};

// Checks, in order: size, emptiness, UTF-8, nesting depth, JSON syntax (RFC 8259; a leading BOM is allowed), and
// while parsing: no key twice in one object, at most kMaxJsonObjectMembers per object and kMaxJsonValues in all.
// Time and memory are linear in the size of the text.
ParsedJson parse_json(std::string_view text);

// Parses `text` now and keeps the result for the next parse_json() of the same text, which then takes it instead of
// parsing (once). A caller that knows which files are about to be read can so spread their parsing over several
// tasks: the web app does, one file per frame, when a content pack arrives. At most kMaxJsonAhead results are kept
// (the oldest goes first).
void parse_json_ahead(std::string_view text);
inline constexpr std::size_t kMaxJsonAhead = 64;
// How many results of parse_json_ahead() are waiting for their parse_json().
std::size_t json_parsed_ahead();

// `value` as JSON text that cannot fail: invalid UTF-8 in a string is replaced (U+FFFD), never thrown on (a throw
// would abort the web build, which has no exceptions). Every reply and message the app writes goes through this.
inline std::string safe_dump(const Json& value, int indent = -1) {
  return value.dump(indent, ' ', false, Json::error_handler_t::replace);
}

// The JSON pointer of every leaf (a scalar, an empty array or an empty object), sorted. Two translations of one
// file have the same structure exactly when their leaf pointers are equal.
std::vector<std::string> leaf_pointers(const Json& value);

}  // namespace mn
