#pragma once
// sRGB colours as clinics write them ("#1F5F6B"), and WCAG contrast.
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace mn {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
};

inline bool operator==(Rgb a, Rgb b) { return a.r == b.r && a.g == b.g && a.b == b.b; }
inline bool operator!=(Rgb a, Rgb b) { return !(a == b); }

inline constexpr Rgb kWhite{255, 255, 255};

// "#RRGGBB" (either case); nullopt for anything else.
std::optional<Rgb> parse_hex_color(std::string_view text);
// "#1F5F6B".
std::string to_hex(Rgb color);
// WCAG 2.x contrast ratio, 1 to 21.
double contrast_ratio(Rgb a, Rgb b);

// `color` scaled towards black by `factor` (0: black, 1: unchanged).
Rgb darker(Rgb color, double factor);
// `color` mixed with white: `amount` 0 is the colour, 1 is white.
Rgb lighter(Rgb color, double amount);
// The brand colour made readable: darkened in small steps until it reaches `ratio` (WCAG AA: 4.5) against every one
// of `backgrounds` (white text on it, and it as text on the page). A colour that already does is returned unchanged.
Rgb readable(Rgb color, std::initializer_list<Rgb> backgrounds, double ratio = 4.5);

}  // namespace mn
