#include "ui/widgets.hpp"

#include "imgui_internal.h"

namespace mn::ui {

void name_item(ImGuiID id, const char* label) {
  ImGuiContext& g = *GImGui;
  IMGUI_TEST_ENGINE_ITEM_INFO(id, label, g.LastItemData.StatusFlags);
  (void)g;
  (void)label;
  (void)id;
}

void text(const char* s, FontRole role, ImU32 colour) {
  ImGui::PushFont(font(role));
  ImGui::PushStyleColor(ImGuiCol_Text, colour ? colour : palette().ink);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(s);
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

void heading(const char* s, FontRole role) { text(s, role, palette().ink); }

void gap(float px) { ImGui::Dummy(ImVec2(1.0f, px)); }

bool button(const char* label, ButtonKind kind, float width, float min_height) {
  const Palette& p = palette();
  ImGui::PushFont(font(FontRole::Button));
  ImVec2 text_size = ImGui::CalcTextSize(label, nullptr, true);
  const ImGuiStyle& style = ImGui::GetStyle();
  float w = width > 0.0f ? width : width < 0.0f ? ImGui::GetContentRegionAvail().x
                                                : text_size.x + style.FramePadding.x * 2.0f;
  float h = ImMax(min_height, text_size.y + style.FramePadding.y * 2.0f);
  int colours = 0;
  if (kind == ButtonKind::Secondary) {
    ImGui::PushStyleColor(ImGuiCol_Button, p.surface);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.surface_alt);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, p.accent_soft);
    ImGui::PushStyleColor(ImGuiCol_Text, p.primary);
    ImGui::PushStyleColor(ImGuiCol_Border, p.primary);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.5f);
    colours = 5;
  } else if (kind == ButtonKind::Quiet) {
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.surface_alt);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, p.accent_soft);
    ImGui::PushStyleColor(ImGuiCol_Text, p.primary);
    colours = 4;
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, p.on_primary);
    colours = 1;
  }
  bool pressed = ImGui::Button(label, ImVec2(w, h));
  if (kind == ButtonKind::Secondary) ImGui::PopStyleVar();
  ImGui::PopStyleColor(colours);
  ImGui::PopFont();
  return pressed;
}

bool card(const char* id, const char* title, const char* body, ImVec2 size) {
  const Palette& p = palette();
  ImVec2 pos = ImGui::GetCursorScreenPos();
  const float pad = 20.0f;
  // Height follows the wrapped description when the caller leaves it open (size.y <= 0).
  ImGui::PushFont(font(FontRole::H3));
  float title_h = ImGui::CalcTextSize(title, nullptr, false, size.x - pad * 2).y;
  ImGui::PopFont();
  ImGui::PushFont(font(FontRole::Body));
  float body_h = ImGui::CalcTextSize(body, nullptr, false, size.x - pad * 2).y;
  ImGui::PopFont();
  float h = size.y > 0.0f ? size.y : pad * 2 + title_h + 8 + body_h;

  bool pressed = ImGui::InvisibleButton(id, ImVec2(size.x, h));
  name_item(ImGui::GetItemID(), id);
  bool hovered = ImGui::IsItemHovered(), held = ImGui::IsItemActive();

  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 max(pos.x + size.x, pos.y + h);
  dl->AddRectFilled(ImVec2(pos.x, pos.y + 2), ImVec2(max.x, max.y + 2), IM_COL32(30, 43, 47, 14), 14.0f);
  dl->AddRectFilled(pos, max, held ? p.accent_soft : hovered ? p.surface_alt : p.surface, 14.0f);
  dl->AddRect(pos, max, hovered ? p.primary : p.border, 14.0f, 0, hovered ? 1.5f : 1.0f);
  dl->AddRectFilled(ImVec2(pos.x, pos.y + 16), ImVec2(pos.x + 4, max.y - 16), p.primary, 2.0f);

  ImVec2 text_pos(pos.x + pad, pos.y + pad);
  ImFont* f = font(FontRole::H3);
  dl->AddText(f, f->FontSize * ImGui::GetIO().FontGlobalScale, text_pos, p.ink, title, nullptr, size.x - pad * 2);
  ImFont* b = font(FontRole::Body);
  dl->AddText(b, b->FontSize * ImGui::GetIO().FontGlobalScale, ImVec2(text_pos.x, text_pos.y + title_h + 8),
              p.ink_muted, body, nullptr, size.x - pad * 2);
  return pressed;
}

void callout(const char* s, ImU32 edge) {
  const Palette& p = palette();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImDrawListSplitter layers;  // own splitter: callouts may sit inside other split regions
  layers.Split(dl, 2);
  layers.SetCurrentChannel(dl, 1);
  ImVec2 start = ImGui::GetCursorScreenPos();
  float width = ImGui::GetContentRegionAvail().x;
  const float pad = 16.0f;
  ImGui::SetCursorScreenPos(ImVec2(start.x + pad + 4, start.y + pad));
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - pad * 2 - 4);
  ImGui::PushFont(font(FontRole::Body));
  ImGui::TextUnformatted(s);
  ImGui::PopFont();
  ImGui::PopTextWrapPos();
  float end_y = ImGui::GetItemRectMax().y + pad;
  layers.SetCurrentChannel(dl, 0);
  dl->AddRectFilled(start, ImVec2(start.x + width, end_y), p.surface_alt, 10.0f);
  dl->AddRectFilled(start, ImVec2(start.x + 4, end_y), edge, 2.0f);
  layers.Merge(dl);
  ImGui::SetCursorScreenPos(ImVec2(start.x, end_y));
  ImGui::Dummy(ImVec2(width, 0.0f));
}

}  // namespace mn::ui
