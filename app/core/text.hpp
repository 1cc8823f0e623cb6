#pragma once
// Small UTF-8 and text helpers shared by the loaders, the validators and the UI string table.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mn {

// ASCII character classes, independent of the C locale.
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline char to_lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// Offset of the first byte that breaks well-formed UTF-8 (RFC 3629), or nullopt if the text is well-formed.
std::optional<std::size_t> invalid_utf8_offset(std::string_view text);

// The code point at text[i] (well-formed or not) and its length in bytes; a malformed byte reads as U+FFFD, length 1.
std::pair<char32_t, std::size_t> decode_at(std::string_view text, std::size_t i);
// Appends `cp` to `out` as UTF-8.
void append_utf8(std::string& out, char32_t cp);

// Number of code points in well-formed UTF-8 text.
std::size_t utf8_length(std::string_view text);

// At most `max_chars` code points of well-formed UTF-8 text, with "..." appended when it was cut.
std::string truncate_utf8(std::string_view text, std::size_t max_chars);

// `text` with every byte sequence that breaks UTF-8 replaced by U+FFFD, so it can always be written as JSON.
std::string valid_utf8(std::string_view text);

// `text` safe to show in a message on a terminal or a page: invalid UTF-8 becomes U+FFFD, and control characters
// (C0, DEL, C1), line/paragraph separators and bidirectional controls are written as JSON escapes (\u001b, \n).
// With `backslashes`, a backslash is doubled too, so the result is the body of a JSON string (less its quotes).
std::string escape_controls(std::string_view text, bool backslashes = false);

// A value quoted for a message: 'abc', JSON-escaped (escape_controls with backslashes), long ones shortened.
std::string quoted_value(std::string_view text, std::size_t max_chars = 40);

// A number as people write it: "300", "9.99", "1e+300" (up to 15 significant digits).
std::string number_text(double value);

// One `{name}` placeholder and its value.
struct Placeholder {
  std::string_view name;
  std::string value;
};

// Replaces every `{name}` (name: a-z, 0-9, _) in `text`; placeholders without a value are left as they are.
std::string fill(std::string_view text, const std::vector<Placeholder>& values);

// The distinct placeholder names in `text`, sorted: "{count} of {total}" gives {"count", "total"}.
std::vector<std::string> placeholder_names(std::string_view text);

// Levenshtein distance, ignoring ASCII case.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate `word` is most likely a typo of (close by edit distance), for "did you mean" hints.
template <class Range>
std::optional<std::string_view> closest_match(std::string_view word, const Range& candidates) {
  constexpr std::size_t kLongest = 64;  // no hints for long words: they are not typos and cost O(n·m)
  if (word.empty() || word.size() > kLongest) return std::nullopt;
  const std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
  std::optional<std::string_view> best;
  std::size_t best_distance = limit + 1;
  for (std::string_view candidate : candidates) {
    const std::size_t d = edit_distance(word, candidate);
    if (d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  return best;
}

// `text` with " (did you mean 'x'?)" appended when a candidate is close to `word`.
template <class Range>
std::string with_hint(std::string text, std::string_view word, const Range& candidates) {
  if (auto hint = closest_match(word, candidates)) text += " (did you mean '" + std::string(*hint) + "'?)";
  return text;
}

}  // namespace mn
