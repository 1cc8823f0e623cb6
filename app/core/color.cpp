#include "core/color.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace mn {
namespace {

std::optional<int> hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return std::nullopt;
}

double linear(std::uint8_t channel) {
  const double c = channel / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(Rgb c) { return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b); }

}  // namespace

std::optional<Rgb> parse_hex_color(std::string_view text) {
  if (text.size() != 7 || text[0] != '#') return std::nullopt;
  std::uint8_t channels[3];
  for (std::size_t i = 0; i < 3; ++i) {
    const auto hi = hex_digit(text[1 + 2 * i]), lo = hex_digit(text[2 + 2 * i]);
    if (!hi || !lo) return std::nullopt;
    channels[i] = static_cast<std::uint8_t>(*hi * 16 + *lo);
  }
  return Rgb{channels[0], channels[1], channels[2]};
}

std::string to_hex(Rgb color) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "#%02X%02X%02X", color.r, color.g, color.b);
  return buffer;
}

double contrast_ratio(Rgb a, Rgb b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Rgb darker(Rgb c, double factor) {
  const double f = std::clamp(factor, 0.0, 1.0);
  auto ch = [f](std::uint8_t v) { return static_cast<std::uint8_t>(std::lround(v * f)); };
  return {ch(c.r), ch(c.g), ch(c.b)};
}

Rgb lighter(Rgb c, double amount) {
  const double a = std::clamp(amount, 0.0, 1.0);
  auto ch = [a](std::uint8_t v) { return static_cast<std::uint8_t>(std::lround(v + (255.0 - v) * a)); };
  return {ch(c.r), ch(c.g), ch(c.b)};
}

Rgb readable(Rgb color, std::initializer_list<Rgb> backgrounds, double ratio) {
  auto enough = [&](Rgb c) {
    for (Rgb b : backgrounds)
      if (contrast_ratio(c, b) < ratio) return false;
    return true;
  };
  for (int step = 0; step < 60 && !enough(color); ++step) color = darker(color, 0.94);  // black always passes on light
  return color;
}

}  // namespace mn
