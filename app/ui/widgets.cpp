#include "ui/widgets.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include "core/glyphs.hpp"
#include "imgui_internal.h"

namespace mn::ui {

void add_text(ImDrawList* dl, const ImFont* font, float size, ImVec2 pos, ImU32 colour, const char* begin,
              const char* end, float wrap_width) {
  dl->PushTextureID(font->ContainerAtlas->TexID);
  if (has_rtl(end ? std::string_view(begin, static_cast<std::size_t>(end - begin)) : std::string_view(begin))) {
    const std::string shown = visual_order(end ? std::string_view(begin, static_cast<std::size_t>(end - begin)) : std::string_view(begin));
    dl->AddText(font, size, pos, colour, shown.c_str(), shown.c_str() + shown.size(), wrap_width);
  } else {
    dl->AddText(font, size, pos, colour, begin, end, wrap_width);
  }
  dl->PopTextureID();
}

bool name_item(ImGuiID id, const char* label, mirror::Role role, bool checked) {
  ImGuiContext& g = *GImGui;
  const bool checkable = role == mirror::Role::checkbox || role == mirror::Role::radio;
  IMGUI_TEST_ENGINE_ITEM_INFO(id, label, g.LastItemData.StatusFlags |
                                             (checkable ? ImGuiItemStatusFlags_Checkable : 0) |
                                             (checked ? ImGuiItemStatusFlags_Checked : 0) |
                                             (role == mirror::Role::image ? kItemStatusPicture : 0));
  (void)g;
  mirror::add_control(role, id, label, checked);
  return mirror::take_activation(id);
}

std::optional<std::string> name_textbox(ImGuiID id, const char* label, const std::string& value) {
  ImGuiContext& g = *GImGui;
  IMGUI_TEST_ENGINE_ITEM_INFO(id, label, g.LastItemData.StatusFlags | kItemStatusTextbox);
  (void)g;
  mirror::add_textbox(id, label, value);
  return mirror::take_text(id);
}

namespace {
bool (*g_motion_query)() = nullptr;
}  // namespace

bool reduce_motion() { return g_motion_query && g_motion_query(); }
void set_motion_query(bool (*query)()) { g_motion_query = query; }

namespace {
mirror::Role text_role(FontRole role) {
  switch (role) {
    case FontRole::H1: return mirror::Role::heading1;
    case FontRole::H2: return mirror::Role::heading2;
    case FontRole::H3: return mirror::Role::heading3;
    default: return mirror::Role::text;
  }
}
}  // namespace

std::string fit_text(const ImFont* font, float size, const std::string& s, float max_width) {
  const auto width = [&](const std::string& t) {
    const std::string shown = has_rtl(t) ? visual_order(t) : t;
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, shown.c_str(), shown.c_str() + shown.size()).x;
  };
  if (width(s) <= max_width) return s;
  std::vector<char32_t> cps = decode_utf8(s);
  while (!cps.empty()) {
    cps.pop_back();
    while (!cps.empty() && cps.back() == U' ') cps.pop_back();
    std::string cut = encode_utf8(cps) + "\u2026";
    if (width(cut) <= max_width) return cut;
  }
  return "\u2026";
}

void text(const char* s, FontRole role, ImU32 colour) {
  ImGui::PushFont(font(role));
  ImGui::PushStyleColor(ImGuiCol_Text, colour ? colour : palette().ink);
  mirror::add_text(text_role(role), s);
  // Right-to-left words (a clinic's Hebrew or Arabic name) in the order ImGui, which draws left to right, needs:
  // wrapped first (in reading order), then each line put in drawing order.
  if (has_rtl(s)) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float wrap = ImGui::CalcWrapWidthForPos(window->DC.CursorPos, window->DC.TextWrapPos);
    const auto width_of = [](std::string_view line) {
      const std::string shown = visual_order(line);
      return ImGui::CalcTextSize(shown.c_str(), shown.c_str() + shown.size()).x;
    };
    for (const std::string& line : wrap_lines(s, wrap > 0.0f ? wrap : FLT_MAX, width_of)) {
      const std::string shown = visual_order(line);
      ImGui::TextUnformatted(shown.c_str(), shown.c_str() + shown.size());
    }
  } else {
    ImGui::TextWrapped("%s", s);
  }  // wraps at the caller's PushTextWrapPos (the content column, a card's padding)
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

void heading(const char* s, FontRole role) { text(s, role, palette().ink); }

void gap(float px) { ImGui::Dummy(ImVec2(1.0f, px)); }

void divider() {
  // ImGui::Separator spans the whole window; this one ends with the readable column.
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::GetWindowDrawList()->AddLine(ImVec2(at.x, at.y + 0.5f), ImVec2(at.x + width, at.y + 0.5f), palette().border, 1.0f);
  ImGui::Dummy(ImVec2(width, 1.0f));
}

namespace {
std::string g_layout_problem;
}  // namespace

void begin_layout_checks() { g_layout_problem.clear(); }
const std::string& layout_problem() { return g_layout_problem; }

float button_width(const char* label) {
  ImGui::PushFont(font(FontRole::Button));
  const float w = ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f;
  ImGui::PopFont();
  return w;
}

void same_line_if_room(float width, float spacing) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const float right = window->WorkRect.Max.x;
  if (ImGui::GetItemRectMax().x + spacing + width <= right) ImGui::SameLine(0, spacing);
}

bool button(const char* label, ButtonKind kind, float width, float min_height) {
  const Palette& p = palette();
  ImGui::PushFont(font(FontRole::Button));
  ImVec2 text_size = ImGui::CalcTextSize(label, nullptr, true);
  const ImGuiStyle& style = ImGui::GetStyle();
  float w = width > 0.0f ? width : width < 0.0f ? ImGui::GetContentRegionAvail().x
                                                : text_size.x + style.FramePadding.x * 2.0f;
  if (text_size.x > w - 2.0f && g_layout_problem.empty())
    g_layout_problem = "the label of button \"" + std::string(label, ImGui::FindRenderedTextEnd(label)) + "\" (" +
                       std::to_string(static_cast<int>(text_size.x)) + " px) is wider than the button (" +
                       std::to_string(static_cast<int>(w)) + " px)";
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
    // A text-only button as wide as its words that starts a line lines its words up with the text above; its hover
    // background reaches into the margin instead. (Given a width, its words are centred in it: no shift.)
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float line_start = window->Pos.x + window->DC.Indent.x + window->DC.ColumnsOffset.x;
    if (width == 0.0f && std::fabs(window->DC.CursorPos.x - line_start) < 0.5f)
      ImGui::SetCursorScreenPos(ImVec2(window->DC.CursorPos.x - style.FramePadding.x, window->DC.CursorPos.y));
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
  pressed |= name_item(ImGui::GetItemID(), label);  // ImGui names only buttons in sight; tests also find those out of it
  if (kind == ButtonKind::Secondary) ImGui::PopStyleVar();
  ImGui::PopStyleColor(colours);
  ImGui::PopFont();
  return pressed;
}

bool card(const char* id, const char* title, const char* body, ImVec2 size, Icon icon) {
  const Palette& p = palette();
  ImVec2 pos = ImGui::GetCursorScreenPos();
  const float pad = 20.0f, disc = icon == Icon::none ? 0.0f : 44.0f;
  const float text_x = pad + (disc > 0.0f ? disc + 16.0f : 0.0f), wrap = size.x - text_x - pad;
  // Height follows the wrapped description when the caller leaves it open (size.y <= 0).
  ImGui::PushFont(font(FontRole::H3));
  float title_h = ImGui::CalcTextSize(title, nullptr, false, wrap).y;
  ImGui::PopFont();
  ImGui::PushFont(font(FontRole::Body));
  float body_h = ImGui::CalcTextSize(body, nullptr, false, wrap).y;
  ImGui::PopFont();
  float h = size.y > 0.0f ? size.y : pad * 2 + title_h + 8 + body_h;

  bool pressed = ImGui::InvisibleButton(id, ImVec2(size.x, h));
  pressed |= name_item(ImGui::GetItemID(), id);
  bool hovered = ImGui::IsItemHovered(), held = ImGui::IsItemActive();

  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 max(pos.x + size.x, pos.y + h);
  dl->AddRectFilled(ImVec2(pos.x, pos.y + 2), ImVec2(max.x, max.y + 2), IM_COL32(30, 43, 47, 14), 14.0f);
  dl->AddRectFilled(pos, max, held ? p.accent_soft : hovered ? p.surface_alt : p.surface, 14.0f);
  dl->AddRect(pos, max, hovered ? p.primary : p.border, 14.0f, 0, hovered ? 1.5f : 1.0f);
  dl->AddRectFilled(ImVec2(pos.x, pos.y + 16), ImVec2(pos.x + 4, max.y - 16), p.primary, 2.0f);

  if (disc > 0.0f) {
    ImVec2 c(pos.x + pad + disc * 0.5f, pos.y + pad + disc * 0.5f);
    dl->AddCircleFilled(c, disc * 0.5f, p.accent_soft, 32);
    draw_icon(dl, icon, c, disc * 0.5f, p.primary);
  }
  ImVec2 text_pos(pos.x + text_x, pos.y + pad);
  ImFont* f = font(FontRole::H3);
  add_text(dl, f, f->FontSize * ImGui::GetIO().FontGlobalScale, text_pos, p.ink, title, nullptr, wrap);
  ImFont* b = font(FontRole::Body);
  add_text(dl, b, b->FontSize * ImGui::GetIO().FontGlobalScale, ImVec2(text_pos.x, text_pos.y + title_h + 8),
              p.ink_muted, body, nullptr, wrap);
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
  mirror::add_text(mirror::Role::text, s);  // a screen reader hears cautions and errors too
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

namespace mn::ui {

bool link_row(const char* id, const char* title, const char* detail, ImU32 dot, float min_height) {
  const Palette& p = palette();
  const float w = ImGui::GetContentRegionAvail().x;
  const float pad = 14.0f, mark = 12.0f, text_x = pad + mark + 12.0f, chevron = 28.0f;
  const float wrap = w - text_x - chevron - pad;
  ImGui::PushFont(font(FontRole::Button));
  const float title_h = ImGui::CalcTextSize(title, nullptr, false, wrap).y;
  ImGui::PopFont();
  float detail_h = 0.0f;
  if (detail && *detail) {
    ImGui::PushFont(font(FontRole::Small));
    detail_h = ImGui::CalcTextSize(detail, nullptr, false, wrap).y + 2.0f;
    ImGui::PopFont();
  }
  const float h = ImMax(min_height, title_h + detail_h + 20.0f);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  bool pressed = ImGui::InvisibleButton(id, ImVec2(w, h));
  const std::string label = std::string(title) + "##" + id;
  pressed |= name_item(ImGui::GetItemID(), label.c_str());
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (hovered) dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), p.surface_alt, 10.0f);
  const float ty = pos.y + (h - title_h - detail_h) * 0.5f;
  const float fs_title = font(FontRole::Button)->FontSize * ImGui::GetIO().FontGlobalScale;
  dl->AddCircleFilled(ImVec2(pos.x + pad + mark * 0.5f, ty + fs_title * 0.55f), mark * 0.5f, dot);
  add_text(dl, font(FontRole::Button), fs_title, ImVec2(pos.x + text_x, ty), p.ink, title, nullptr, wrap);
  if (detail_h > 0.0f) {
    const float fs = font(FontRole::Small)->FontSize * ImGui::GetIO().FontGlobalScale;
    add_text(dl, font(FontRole::Small), fs, ImVec2(pos.x + text_x, ty + title_h + 2.0f), p.ink_muted, detail, nullptr, wrap);
  }
  const ImVec2 c(pos.x + w - pad - 6.0f, pos.y + h * 0.5f);  // a chevron: ">"
  dl->AddLine(ImVec2(c.x - 4, c.y - 7), ImVec2(c.x + 3, c.y), p.ink_muted, 2.0f);
  dl->AddLine(ImVec2(c.x + 3, c.y), ImVec2(c.x - 4, c.y + 7), p.ink_muted, 2.0f);
  return pressed;
}

bool choice_row(const char* id, const char* title, const char* detail, bool selected, bool multi, float min_height,
                ImU32 swatch) {
  const Palette& p = palette();
  const float w = ImGui::GetContentRegionAvail().x;
  const float pad = 16.0f, mark = 22.0f, text_x = pad + mark + 14.0f, swatch_r = 15.0f;
  const float wrap = w - text_x - pad - (swatch ? swatch_r * 2 + 12.0f : 0.0f);
  ImGui::PushFont(font(FontRole::Button));
  float title_h = ImGui::CalcTextSize(title, nullptr, false, wrap).y;
  ImGui::PopFont();
  float detail_h = 0.0f;
  if (detail && *detail) {
    ImGui::PushFont(font(FontRole::Small));
    detail_h = ImGui::CalcTextSize(detail, nullptr, false, wrap).y + 4.0f;
    ImGui::PopFont();
  }
  float h = ImMax(min_height, title_h + detail_h + 24.0f);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  bool pressed = ImGui::InvisibleButton(id, ImVec2(w, h));
  std::string label = std::string(title) + "##" + id;  // visible name, and a unique one for tests
  pressed |= name_item(ImGui::GetItemID(), label.c_str(), multi ? mirror::Role::checkbox : mirror::Role::radio, selected);
  bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 max(pos.x + w, pos.y + h);
  dl->AddRectFilled(pos, max, selected ? p.accent_soft : hovered ? p.surface_alt : p.surface, 12.0f);
  dl->AddRect(pos, max, selected ? p.primary : p.border, 12.0f, 0, selected ? 2.0f : 1.0f);
  ImVec2 c(pos.x + pad + mark * 0.5f, pos.y + h * 0.5f);
  if (multi) {
    ImVec2 a(c.x - mark * 0.5f, c.y - mark * 0.5f), b(c.x + mark * 0.5f, c.y + mark * 0.5f);
    dl->AddRectFilled(a, b, selected ? p.primary : p.surface, 5.0f);
    dl->AddRect(a, b, selected ? p.primary : p.ink_muted, 5.0f, 0, 1.6f);
    if (selected) {
      dl->AddLine(ImVec2(c.x - 6, c.y), ImVec2(c.x - 1.5f, c.y + 5), p.on_primary, 2.4f);
      dl->AddLine(ImVec2(c.x - 1.5f, c.y + 5), ImVec2(c.x + 6.5f, c.y - 5), p.on_primary, 2.4f);
    }
  } else {
    dl->AddCircle(c, mark * 0.5f, selected ? p.primary : p.ink_muted, 0, 1.6f);
    if (selected) dl->AddCircleFilled(c, mark * 0.5f - 5.0f, p.primary);
  }
  if (swatch) {
    ImVec2 sc(max.x - pad - swatch_r, pos.y + h * 0.5f);
    dl->AddCircleFilled(sc, swatch_r, swatch, 32);
    dl->AddCircle(sc, swatch_r, p.border, 32, 1.0f);
  }
  float fs_title = font(FontRole::Button)->FontSize * ImGui::GetIO().FontGlobalScale;
  float ty = pos.y + (h - title_h - detail_h) * 0.5f;
  add_text(dl, font(FontRole::Button), fs_title, ImVec2(pos.x + text_x, ty), p.ink, title, nullptr, wrap);
  if (detail_h > 0.0f) {
    float fs = font(FontRole::Small)->FontSize * ImGui::GetIO().FontGlobalScale;
    add_text(dl, font(FontRole::Small), fs, ImVec2(pos.x + text_x, ty + title_h + 4.0f), p.ink_muted, detail, nullptr, wrap);
  }
  return pressed;
}

int segmented(const char* id, const char* const* labels, int count, int selected, float height, float width) {
  const Palette& p = palette();
  const float w = width > 0.0f ? std::min(width, ImGui::GetContentRegionAvail().x) : ImGui::GetContentRegionAvail().x;
  const float seg = w / static_cast<float>(count);
  ImVec2 origin = ImGui::GetCursorScreenPos();
  int result = -1;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGui::PushID(id);
  for (int i = 0; i < count; ++i) {
    ImVec2 pos(origin.x + seg * static_cast<float>(i), origin.y);
    ImGui::SetCursorScreenPos(pos);
    ImGui::PushID(i);
    if (ImGui::InvisibleButton(labels[i], ImVec2(seg, height))) result = i;
    if (name_item(ImGui::GetItemID(), labels[i], mirror::Role::radio, selected == i)) result = i;
    bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    ImDrawFlags corners = i == 0 ? ImDrawFlags_RoundCornersLeft : i == count - 1 ? ImDrawFlags_RoundCornersRight : ImDrawFlags_RoundCornersNone;
    ImVec2 max(pos.x + seg, pos.y + height);
    dl->AddRectFilled(pos, max, selected == i ? p.primary : hovered ? p.surface_alt : p.surface, 10.0f, corners);
    dl->AddRect(pos, max, p.primary, 10.0f, corners, 1.2f);
    ImFont* f = font(FontRole::Button);
    float fs = f->FontSize * ImGui::GetIO().FontGlobalScale;
    const char* end = ImGui::FindRenderedTextEnd(labels[i]);
    ImVec2 ts = f->CalcTextSizeA(fs, FLT_MAX, 0.0f, labels[i], end);
    add_text(dl, f, fs, ImVec2(pos.x + (seg - ts.x) * 0.5f, pos.y + (height - ts.y) * 0.5f),
                selected == i ? p.on_primary : p.primary, labels[i], end);
  }
  ImGui::PopID();
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
  ImGui::Dummy(ImVec2(w, 0.0f));
  return result;
}

void progress_bar(float fraction, const char* caption) {
  const Palette& p = palette();
  text(caption, FontRole::Small, p.ink_muted);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  float w = ImGui::GetContentRegionAvail().x;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + 6), p.accent_soft, 3.0f);
  dl->AddRectFilled(pos, ImVec2(pos.x + w * ImClamp(fraction, 0.0f, 1.0f), pos.y + 6), p.primary, 3.0f);
  ImGui::Dummy(ImVec2(w, 6));
}

void badge(const char* label, ImU32 fill, ImU32 ink) {
  ImFont* f = font(FontRole::Button);
  float fs = f->FontSize * ImGui::GetIO().FontGlobalScale;
  ImVec2 ts = f->CalcTextSizeA(fs, FLT_MAX, 0.0f, label);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImVec2 size(ts.x + 24.0f, ts.y + 10.0f);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), fill, size.y * 0.5f);
  add_text(dl, f, fs, ImVec2(pos.x + 12.0f, pos.y + 5.0f), ink, label);
  ImGui::Dummy(size);
}

}  // namespace mn::ui
