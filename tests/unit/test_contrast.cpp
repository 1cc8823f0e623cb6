// The theme's text colours meet WCAG 2.1 AA contrast (4.5:1 for body text, 3:1 for large text and UI parts)
// on the backgrounds they are drawn on. Ratios per WCAG: (L1 + 0.05) / (L2 + 0.05) with sRGB relative luminance.
#include <doctest/doctest.h>

#include <cmath>
#include <algorithm>
#include <cstdint>
#include <initializer_list>

#include "core/color.hpp"
#include "ui/colors.hpp"

namespace {

double channel(std::uint32_t v) {
  double c = static_cast<double>(v) / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(std::uint32_t rgb) {
  return 0.2126 * channel((rgb >> 16) & 0xFF) + 0.7152 * channel((rgb >> 8) & 0xFF) + 0.0722 * channel(rgb & 0xFF);
}

double contrast(std::uint32_t a, std::uint32_t b) {
  double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace

TEST_CASE("the contrast formula matches WCAG's reference points") {
  CHECK(contrast(0x000000, 0xFFFFFF) == doctest::Approx(21.0));
  CHECK(contrast(0x777777, 0xFFFFFF) == doctest::Approx(4.48).epsilon(0.01));
  CHECK(contrast(0xFFFFFF, 0xFFFFFF) == doctest::Approx(1.0));
}

TEST_CASE("body text meets AA (4.5:1) on every surface it is drawn on") {
  namespace c = mn::ui::colors;
  for (std::uint32_t bg : {c::background, c::surface, c::surface_alt, c::accent_soft}) {
    CAPTURE(bg);
    CHECK(contrast(c::ink, bg) >= 4.5);
    CHECK(contrast(c::ink_muted, bg) >= 4.5);
    CHECK(contrast(c::primary, bg) >= 4.5);  // links, quiet buttons, "ask your clinician" lines
  }
  for (std::uint32_t fill : {c::primary, c::primary_hover, c::primary_active}) CHECK(contrast(c::on_primary, fill) >= 4.5);
}

TEST_CASE("verdict badges and status colours are readable on their fills") {
  namespace c = mn::ui::colors;
  CHECK(contrast(c::success, c::badge_suitable) >= 4.5);
  CHECK(contrast(c::warning, c::badge_precautions) >= 4.5);
  CHECK(contrast(c::focus, c::badge_defer) >= 4.5);
  CHECK(contrast(c::danger, c::badge_not_recommended) >= 4.5);
  CHECK(contrast(c::ink, c::badge_not_recommended) >= 4.5);  // the body of Learn's emergency warning on its red tint
  for (std::uint32_t colour : {c::success, c::warning, c::danger, c::focus}) CHECK(contrast(colour, c::surface) >= 4.5);
}

TEST_CASE("the keyboard focus colour stands out from the page (3:1 for UI parts)") {
  namespace c = mn::ui::colors;
  CHECK(contrast(c::focus, c::background) >= 3.0);
  CHECK(contrast(c::focus, c::surface) >= 3.0);
}

TEST_CASE("a clinic's brand colour becomes the accent only as a readable shade (WCAG AA both ways)") {
  namespace c = mn::ui::colors;
  auto hex = [](std::uint32_t h) {
    return mn::Rgb{static_cast<std::uint8_t>(h >> 16), static_cast<std::uint8_t>(h >> 8), static_cast<std::uint8_t>(h)};
  };
  const mn::Rgb page = hex(c::background), alt = hex(c::surface_alt);
  // A dark teal already passes and is kept as it is.
  const mn::Rgb teal = *mn::parse_hex_color("#1F5F6B");
  CHECK(mn::readable(teal, {mn::kWhite, page, alt}) == teal);
  // Light and saturated brand colours are darkened until white text on them, and they on the page, reach 4.5:1.
  for (const char* brand : {"#E07A5F", "#FFD700", "#7FDBFF", "#FF69B4", "#FFFFFF", "#B0B0B0", "#00FF00"}) {
    CAPTURE(brand);
    const mn::Rgb in = *mn::parse_hex_color(brand);
    const mn::Rgb out = mn::readable(in, {mn::kWhite, page, alt});
    CHECK(mn::contrast_ratio(out, mn::kWhite) >= 4.5);
    CHECK(mn::contrast_ratio(out, page) >= 4.5);
    CHECK(mn::contrast_ratio(out, alt) >= 4.5);
    CHECK(mn::contrast_ratio(in, mn::kWhite) < 4.5);  // each needed it
    // Its soft tint (selected rows) stays readable under it as text.
    const mn::Rgb soft = mn::lighter(out, 0.88);
    CHECK(mn::contrast_ratio(mn::readable(out, {mn::kWhite, page, alt, soft}), soft) >= 4.5);
  }
}
