#pragma once
// The clinic look: a calm palette, a clear type scale, generous spacing, touch-sized targets.
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

// The font roles are built at `size × dpr` pixels (1.86 has no RasterizerDensity) with FontGlobalScale set back
// to 1/dpr, so text is crisp at any devicePixelRatio and browser zoom. Each role has an atlas (a texture) of its
// own, Body's being io.Fonts, so that they can be built in separate tasks: all six at once took ~35 ms here, several
// times that on a phone. Builds the next role not yet built for `dpr` and returns its atlas (to upload as a
// texture), or nullptr once every role is ready for `dpr`.
ImFontAtlas* build_next_font(float dpr);
// Makes build_next_font() build every role again (their textures were lost with the WebGL context).
void forget_fonts();
ImFont* font(FontRole role);

// Applies the palette and spacing to ImGui's style; `touch` gets larger targets.
void apply_style(bool touch);

ImVec4 to_vec4(ImU32 c);
// An sRGB 0xRRGGBB value as an opaque ImGui colour.
ImU32 rgb(unsigned hex);

}  // namespace mn::ui
