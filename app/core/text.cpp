#include "core/text.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

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

namespace {

// Characters a terminal or a page may act on rather than show.
bool is_control(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

// The code point at text[i] (well-formed or not) and its length; malformed bytes read as U+FFFD, one byte each.
std::pair<char32_t, std::size_t> decode_at(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return {c, 1};
  const std::string_view rest = text.substr(i, 4);
  std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  if (len > rest.size() || invalid_utf8_offset(rest.substr(0, len)) || c < 0xC2) return {0xFFFD, 1};
  char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(rest[k]) & 0x3F);
  return {cp, len};
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string valid_utf8(std::string_view text) {
  if (!invalid_utf8_offset(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size();) {
    const auto [cp, len] = decode_at(text, i);
    if (cp == 0xFFFD && len == 1) append_utf8(out, cp);
    else out.append(text.substr(i, len));
    i += len;
  }
  return out;
}

std::string escape_controls(std::string_view text, bool backslashes) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto [cp, len] = decode_at(text, i);
    if (cp == '\\' && backslashes) {
      out += "\\\\";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (is_control(cp)) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(cp));
      out += buffer;
    } else if (cp == 0xFFFD && len == 1) {
      append_utf8(out, cp);
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string quoted_value(std::string_view text, std::size_t max_chars) {
  return "'" + escape_controls(truncate_utf8(valid_utf8(text), max_chars), true) + "'";
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
