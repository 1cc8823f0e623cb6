// Test bridge: whether the last frame drew every triangle with the texture its texture coordinates belong to.
//
// Each font role has an atlas (a texture) of its own (ui/theme.hpp). Text drawn straight into a draw list in a
// font other than the window's must bind that font's texture (ui::add_text); if it does not, the glyphs are cut out
// of the wrong atlas and show as fragments. Nothing else notices: the frame draws without error. This check does:
// a triangle's texture coordinates must all fall within one thing of its texture's atlas, a glyph, the white pixel
// (solid shapes) or the baked anti-aliased lines.
#include <emscripten/emscripten.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "imgui.h"
#include "ui/theme.hpp"

namespace {

struct UvBox {
  float u0, v0, u1, v1;
  bool holds(const UvBox& b) const {
    constexpr float e = 1e-5f;
    return b.u0 >= u0 - e && b.v0 >= v0 - e && b.u1 <= u1 + e && b.v1 <= v1 + e;
  }
};

// What the triangles drawn with `atlas`'s texture may sample.
std::vector<UvBox> allowed_in(const ImFontAtlas& atlas) {
  std::vector<UvBox> out;
  out.push_back({atlas.TexUvWhitePixel.x, atlas.TexUvWhitePixel.y, atlas.TexUvWhitePixel.x, atlas.TexUvWhitePixel.y});
  UvBox lines{1, 1, 0, 0};
  for (const ImVec4& row : atlas.TexUvLines) {
    lines = {std::min(lines.u0, std::min(row.x, row.z)), std::min(lines.v0, std::min(row.y, row.w)),
             std::max(lines.u1, std::max(row.x, row.z)), std::max(lines.v1, std::max(row.y, row.w))};
  }
  out.push_back(lines);
  for (const ImFont* font : atlas.Fonts)
    for (const ImFontGlyph& g : font->Glyphs) out.push_back({g.U0, g.V0, g.U1, g.V1});
  return out;
}

}  // namespace

extern "C" {

// {"triangles": checked, "misplaced": triangles whose texture coordinates fit nothing of their texture's atlas}.
EMSCRIPTEN_KEEPALIVE const char* mn_draw_texture_check() {
  static char json[96];
  std::vector<std::pair<ImTextureID, std::vector<UvBox>>> atlases;
  for (int role = 0; role < static_cast<int>(mn::ui::FontRole::Count); ++role) {
    const ImFont* font = mn::ui::font(static_cast<mn::ui::FontRole>(role));
    if (font && font->ContainerAtlas) atlases.emplace_back(font->ContainerAtlas->TexID, allowed_in(*font->ContainerAtlas));
  }
  long triangles = 0, misplaced = 0;
  const ImDrawData* data = ImGui::GetDrawData();
  for (int n = 0; data && n < data->CmdListsCount; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) continue;
      const auto atlas = std::find_if(atlases.begin(), atlases.end(), [&](const auto& a) { return a.first == cmd.TextureId; });
      for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
        UvBox box{1, 1, 0, 0};
        for (unsigned k = 0; k < 3; ++k) {
          const ImVec2 uv = list->VtxBuffer[static_cast<int>(cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i + k)])].uv;
          box = {std::min(box.u0, uv.x), std::min(box.v0, uv.y), std::max(box.u1, uv.x), std::max(box.v1, uv.y)};
        }
        ++triangles;
        if (atlas == atlases.end() || std::none_of(atlas->second.begin(), atlas->second.end(),
                                                   [&](const UvBox& r) { return r.holds(box); }))
          ++misplaced;
      }
    }
  }
  std::snprintf(json, sizeof json, "{\"triangles\":%ld,\"misplaced\":%ld}", triangles, misplaced);
  return json;
}

}  // extern "C"
