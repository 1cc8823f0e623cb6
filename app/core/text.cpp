#include "core/text.hpp"

#include <algorithm>
#include <cstdio>

namespace mn {
namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

bool is_placeholder_char(char c) { return is_lower(c) || is_digit(c) || c == '_'; }

// Length of the `{name}` placeholder starting at text[i] (which is '{'), or 0 if there is none.
std::size_t placeholder_length(std::string_view text, std::size_t i) {
  std::size_t j = i + 1;
  while (j < text.size() && is_placeholder_char(text[j])) ++j;
  return (j > i + 1 && j < text.size() && text[j] == '}') ? j - i + 1 : 0;
}

}  // namespace

std::optional<std::size_t> invalid_utf8_offset(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte (RFC 3629 table)
    if (c < 0x80)
      len = 1;
    else if (c >= 0xC2 && c <= 0xDF)
      len = 2;
    else if (c == 0xE0)
      len = 3, lo = 0xA0;
    else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)
      len = 3;
    else if (c == 0xED)
      len = 3, hi = 0x9F;  // no UTF-16 surrogates
    else if (c == 0xF0)
      len = 4, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3)
      len = 4;
    else if (c == 0xF4)
      len = 4, hi = 0x8F;  // nothing above U+10FFFF
    else
      return i;
    if (len > 1) {
      if (i + 1 >= n || s[i + 1] < lo || s[i + 1] > hi) return i;
      for (std::size_t k = 2; k < len; ++k)
        if (i + k >= n || !is_continuation(s[i + k])) return i;
    }
    i += len;
  }
  return std::nullopt;
}

std::size_t utf8_length(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !is_continuation(static_cast<unsigned char>(c)); }));
}

std::string truncate_utf8(std::string_view text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_continuation(static_cast<unsigned char>(text[i]))) continue;
    if (chars++ == max_chars) return std::string(text.substr(0, i)) + "...";
  }
  return std::string(text);
}

std::string number_text(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return buffer;
}

std::string fill(std::string_view text, const std::vector<Placeholder>& values) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '{') {
      if (const std::size_t len = placeholder_length(text, i)) {
        const std::string_view name = text.substr(i + 1, len - 2);
        const auto it =
            std::find_if(values.begin(), values.end(), [&](const Placeholder& p) { return p.name == name; });
        out += it != values.end() ? std::string_view(it->value) : text.substr(i, len);
        i += len;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

std::vector<std::string> placeholder_names(std::string_view text) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '{')
      if (const std::size_t len = placeholder_length(text, i)) names.emplace_back(text.substr(i + 1, len - 2));
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (to_lower(a[i - 1]) == to_lower(b[j - 1]) ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace mn
