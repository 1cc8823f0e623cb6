#include "ui/theme.hpp"

#include <array>
#include <cmath>
#include <string_view>

#include "imgui_internal.h"  // ImFontAtlasGetBuilderForStbTruetype
#include "ui/colors.hpp"
#include "ui/fonts.hpp"

namespace mn::ui {

ImU32 rgb(unsigned hex) { return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, 0xFF); }

ImU32 with_alpha(ImU32 c, int alpha) {
  return (c & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha & 0xFF) << IM_COL32_A_SHIFT);
}

namespace {


namespace c = colors;
Palette g_palette = {rgb(c::background), rgb(c::surface), rgb(c::surface_alt), rgb(c::border),
                          rgb(c::ink), rgb(c::ink_muted), rgb(c::primary), rgb(c::primary_hover),
                          rgb(c::primary_active), rgb(c::on_primary), rgb(c::accent_soft), rgb(c::success),
                          rgb(c::warning), rgb(c::danger), rgb(c::focus)};

struct FontSpec { const char* file; float size; };
constexpr std::array<FontSpec, static_cast<size_t>(FontRole::Count)> kFontSpecs = {{
    {"NotoSans-Regular.ttf", 17.0f},  // Body
    {"NotoSans-Regular.ttf", 14.5f},  // Small
    {"NotoSans-Bold.ttf", 17.0f},     // Button
    {"NotoSans-Bold.ttf", 30.0f},     // H1
    {"NotoSans-Bold.ttf", 22.0f},     // H2
    {"NotoSans-Bold.ttf", 18.0f},     // H3
}};

std::array<ImFont*, static_cast<size_t>(FontRole::Count)> g_fonts{};
std::array<float, static_cast<size_t>(FontRole::Count)> g_built_for{};  // the pixel ratio each role is built for
std::array<ImFontAtlas, static_cast<size_t>(FontRole::Count) - 1> g_role_atlases;  // every role's but Body's

ImFontAtlas& atlas_of(size_t role) { return role == 0 ? *ImGui::GetIO().Fonts : g_role_atlases[role - 1]; }

std::string_view font_bytes(const char* file) {
  for (const EmbeddedAsset* a = embedded_fonts_begin(); a != embedded_fonts_end(); ++a)
    if (a->path == file) return a->data;
  return {};
}

}  // namespace

const Palette& palette() { return g_palette; }

void set_brand(Rgb brand) {
  auto u32 = [](Rgb c) { return IM_COL32(c.r, c.g, c.b, 0xFF); };
  auto hex = [](std::uint32_t h) { return Rgb{static_cast<std::uint8_t>(h >> 16), static_cast<std::uint8_t>(h >> 8), static_cast<std::uint8_t>(h)}; };
  // Readable under white text and on the page's backgrounds, then on its own soft tint (selected rows, tabs).
  const Rgb first = readable(brand, {hex(c::on_primary), hex(c::background), hex(c::surface_alt)});
  const Rgb soft = lighter(first, 0.88);
  const Rgb primary = readable(first, {hex(c::on_primary), hex(c::background), hex(c::surface_alt), soft});
  g_palette.primary = u32(primary);
  g_palette.primary_hover = u32(darker(primary, 0.88));
  g_palette.primary_active = u32(darker(primary, 0.76));
  g_palette.accent_soft = u32(soft);
}

ImVec4 to_vec4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

ImFont* font(FontRole role) { return g_fonts[static_cast<size_t>(role)]; }

namespace {
// The slices of other scripts' letters the platform fetched (add_glyph_font), and what each must give now.
struct GlyphFont {
  bool bold = false;
  std::string bytes;
  std::vector<std::pair<char32_t, char32_t>> covers;
  std::vector<ImWchar> ranges;  // [first, last] pairs of the needed letters it holds, 0-terminated; empty: none
};
std::vector<GlyphFont> g_glyph_fonts;
std::vector<char32_t> g_glyphs_needed;

// The needed letters `f` holds, as ImGui's glyph ranges (1.86's ImWchar is 16 bits: the Basic Multilingual Plane).
std::vector<ImWchar> ranges_for(const GlyphFont& f) {
  std::vector<ImWchar> out;
  for (char32_t c : g_glyphs_needed) {
    if (c > 0xFFFF) continue;
    bool held = false;
    for (const auto& r : f.covers) held = held || (c >= r.first && c <= r.second);
    if (!held) continue;
    if (out.size() >= 2 && out.back() + 1 == c) out.back() = static_cast<ImWchar>(c);
    else out.insert(out.end(), {static_cast<ImWchar>(c), static_cast<ImWchar>(c)});
  }
  if (!out.empty()) out.push_back(0);
  return out;
}

bool refresh_glyph_ranges() {
  bool changed = false;
  for (GlyphFont& f : g_glyph_fonts) {
    std::vector<ImWchar> next = ranges_for(f);
    if (next != f.ranges) {
      f.ranges = std::move(next);
      changed = true;
    }
  }
  if (changed) forget_fonts();
  return changed;
}
}  // namespace

void add_glyph_font(bool bold, std::string bytes, std::vector<std::pair<char32_t, char32_t>> covers) {
  if (bytes.empty() || covers.empty()) return;
  GlyphFont f;
  f.bold = bold;
  f.bytes = std::move(bytes);
  f.covers = std::move(covers);
  g_glyph_fonts.push_back(std::move(f));
  refresh_glyph_ranges();
}

bool set_glyphs_needed(const std::vector<char32_t>& needed) {
  if (needed == g_glyphs_needed) return false;
  g_glyphs_needed = needed;
  return refresh_glyph_ranges();
}

ImFontAtlas* build_next_font(float dpr, float text_scale) {
  // Snap to quarter steps: browser zoom produces ratios like 1.1 or 2.200000047.
  const float ratio = std::max(0.5f, std::round(dpr * 4.0f) / 4.0f);
  const float built = ratio * text_scale;  // glyphs are rasterised at this many pixels per CSS pixel of type
  size_t role = 0;
  while (role < kFontSpecs.size() && g_built_for[role] == built) ++role;
  if (role == kFontSpecs.size()) return nullptr;

  // Exactly what the fonts are subset to (cmake/web.cmake, MN_FONT_UNICODES): Latin-1 (English, Spanish and most
  // Western European names), the rest of Windows-1252's letters (Œ œ Š š Ÿ Ž ž), dashes, quotes, bullet, ellipsis,
  // €, arrows, minus, ✓. Anything else shows as '?'.
  static const ImWchar ranges[] = {0x0020, 0x007E, 0x00A0, 0x00FF, 0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x0178,
                                   0x017D, 0x017E, 0x2013, 0x2014, 0x2018, 0x201D, 0x2022, 0x2022, 0x2026, 0x2026,
                                   0x20AC, 0x20AC, 0x2190, 0x2193, 0x2212, 0x2212, 0x2713, 0x2713, 0};
  ImFontAtlas& atlas = atlas_of(role);
  atlas.Clear();
  std::string_view bytes = font_bytes(kFontSpecs[role].file);
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;  // the bytes live in the binary
  cfg.OversampleH = ratio >= 1.5f ? 1 : 2;  // sub-pixel oversampling adds nothing visible on dense screens
  cfg.OversampleV = 1;
  cfg.PixelSnapH = false;
  // Both faces are compiled in (cmake/web.cmake); ImGui's own default font is left out of the build.
  IM_ASSERT(!bytes.empty() && "font missing from the build");
  g_fonts[role] = atlas.AddFontFromMemoryTTF(const_cast<char*>(bytes.data()), static_cast<int>(bytes.size()),
                                             kFontSpecs[role].size * built, &cfg, ranges);
  // Other scripts' letters a clinic's texts need, from the slices fetched for them, merged into this role's font.
  const bool bold_role = std::string_view(kFontSpecs[role].file).find("Bold") != std::string_view::npos;
  for (GlyphFont& extra : g_glyph_fonts) {
    if (extra.bold != bold_role || extra.ranges.empty()) continue;
    ImFontConfig merge = cfg;
    merge.MergeMode = true;
    atlas.AddFontFromMemoryTTF(extra.bytes.data(), static_cast<int>(extra.bytes.size()), kFontSpecs[role].size * built,
                               &merge, extra.ranges.data());
  }
  // What ImFontAtlas::Build() does once fonts are added. Calling the builder directly leaves ImGui's default font
  // (~10 kB compressed, which Build() would add to an empty atlas) out of the WebAssembly.
  ImFontAtlasGetBuilderForStbTruetype()->FontBuilder_Build(&atlas);
  g_built_for[role] = built;
  ImGuiIO& io = ImGui::GetIO();
  if (role == 0) io.FontDefault = g_fonts[0];
  io.FontGlobalScale = 1.0f / ratio;
  return &atlas;
}

void forget_fonts() { g_built_for.fill(0.0f); }

void apply_style(bool touch) {
  ImGuiStyle& s = ImGui::GetStyle();
  s = ImGuiStyle();
  s.WindowPadding = ImVec2(0, 0);
  s.WindowRounding = 0;
  s.WindowBorderSize = 0;
  s.ChildRounding = 12;
  s.ChildBorderSize = 0;
  s.FramePadding = touch ? ImVec2(16, 14) : ImVec2(14, 10);
  s.FrameRounding = 10;
  s.ItemSpacing = ImVec2(12, touch ? 10 : 8);
  s.ItemInnerSpacing = ImVec2(10, 8);
  s.TouchExtraPadding = touch ? ImVec2(4, 4) : ImVec2(0, 0);
  s.ScrollbarSize = touch ? 6 : 12;
  s.ScrollbarRounding = 6;
  s.GrabMinSize = touch ? 28 : 18;
  s.GrabRounding = 10;
  s.PopupRounding = 12;
  s.PopupBorderSize = 1;
  s.FrameBorderSize = 0;
  s.SelectableTextAlign = ImVec2(0, 0.5f);

  const Palette& p = g_palette;
  ImVec4* c = s.Colors;
  c[ImGuiCol_Text] = to_vec4(p.ink);
  c[ImGuiCol_TextDisabled] = to_vec4(p.ink_muted);
  c[ImGuiCol_WindowBg] = to_vec4(p.background);
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_PopupBg] = to_vec4(p.surface);
  c[ImGuiCol_Border] = to_vec4(p.border);
  c[ImGuiCol_FrameBg] = to_vec4(p.surface);
  c[ImGuiCol_FrameBgHovered] = to_vec4(p.surface_alt);
  c[ImGuiCol_FrameBgActive] = to_vec4(p.accent_soft);
  c[ImGuiCol_Button] = to_vec4(p.primary);
  c[ImGuiCol_ButtonHovered] = to_vec4(p.primary_hover);
  c[ImGuiCol_ButtonActive] = to_vec4(p.primary_active);
  c[ImGuiCol_Header] = to_vec4(p.accent_soft);
  c[ImGuiCol_HeaderHovered] = to_vec4(p.surface_alt);
  c[ImGuiCol_HeaderActive] = to_vec4(p.accent_soft);
  c[ImGuiCol_CheckMark] = to_vec4(p.primary);
  c[ImGuiCol_SliderGrab] = to_vec4(p.primary);
  c[ImGuiCol_SliderGrabActive] = to_vec4(p.primary_active);
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = to_vec4(p.border);
  c[ImGuiCol_ScrollbarGrabHovered] = to_vec4(p.ink_muted);
  c[ImGuiCol_ScrollbarGrabActive] = to_vec4(p.ink_muted);
  c[ImGuiCol_Separator] = to_vec4(p.border);
  c[ImGuiCol_NavHighlight] = to_vec4(p.focus);
  c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.12f, 0.17f, 0.18f, 0.45f);
}

}  // namespace mn::ui
