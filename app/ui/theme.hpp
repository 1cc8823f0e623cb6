#pragma once
// The clinic look: a calm palette, a clear type scale, generous spacing, touch-sized targets.
#include <string>
#include <utility>
#include <vector>

#include "core/color.hpp"
#include "imgui.h"

namespace mn::ui {

// Colours (sRGB). Text colours meet WCAG AA on `surface` and `background` (tests/unit checks the ratios).
struct Palette {
  ImU32 background, surface, surface_alt, border, ink, ink_muted, primary, primary_hover, primary_active,
      on_primary, accent_soft, success, warning, danger, focus;
};
const Palette& palette();
// The clinic's brand colour as the app's accent (buttons, links, selection, the logo mark), darkened where needed so
// that white text on it and it as text on the page keep WCAG AA (4.5:1). Call apply_style() after it.
void set_brand(Rgb primary);

enum class FontRole { Body, Small, Button, H1, H2, H3, Count };

// The reading sizes a person can pick. ImGui sizes a font by its line height, which for Noto Sans is 1.362 em, so a
// role's nominal size (theme.cpp) is about 1.36 times its CSS font size: at the scales below, body text is 16 px (small,
// the least for phones), 17 px (normal) and 20 px (large) in CSS terms.
enum class TextSize { small, normal, large };
inline constexpr float kTextScales[] = {1.28f, 1.36f, 1.6f};
inline float text_scale(TextSize s) { return kTextScales[static_cast<int>(s)]; }

// The font roles are built at `size × dpr` pixels (1.86 has no RasterizerDensity) with FontGlobalScale set back
// to 1/dpr, so text is crisp at any devicePixelRatio and browser zoom. Each role has an atlas (a texture) of its
// own, Body's being io.Fonts, so that they can be built in separate tasks: all six at once took ~35 ms here, several
// times that on a phone. Builds the next role not yet built for `dpr` and returns its atlas (to upload as a
// texture), or nullptr once every role is ready for `dpr`.
// `text_scale` enlarges every role (the person's text size); layouts measure text, so they reflow.
ImFontAtlas* build_next_font(float dpr, float text_scale = 1.0f);
// Makes build_next_font() build every role again (their textures were lost with the WebGL context).
void forget_fonts();
ImFont* font(FontRole role);
// Letters beyond the app's own fonts (core/glyphs.hpp), from font slices the platform fetched: a slice's file for the
// regular or bold face, with the code points it covers ([first, last] pairs). The bytes must stay valid.
void add_glyph_font(bool bold, std::string bytes, std::vector<std::pair<char32_t, char32_t>> covers);
// The letters a clinic's texts need now: those the added slices hold are merged into every role (rebuilt on the
// next prepare), the rest show as '?' until their slice arrives. Returns true when the fonts must be rebuilt.
bool set_glyphs_needed(const std::vector<char32_t>& needed);

// Applies the palette and spacing to ImGui's style; `touch` gets larger targets.
void apply_style(bool touch);

ImVec4 to_vec4(ImU32 c);
// An sRGB 0xRRGGBB value as an opaque ImGui colour.
ImU32 rgb(unsigned hex);
// `c` with its alpha replaced by `alpha` (0–255).
ImU32 with_alpha(ImU32 c, int alpha);

}  // namespace mn::ui
