// Learn: the education sections (assets/content/<lang>/education.json) as an accordion, one section open at a
// time, each block drawn in a form that suits it (steps as a timeline, do and don't side by side, FAQ rows).
#include <string>
#include <vector>

#include "core/content.hpp"
#include "core/text.hpp"
#include "imgui_internal.h"
#include "ui/colors.hpp"
#include "ui/decision.hpp"
#include "ui/pictures.hpp"
#include "ui/screens.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"

namespace mn::ui {
namespace {

// One source with a public address: its citation in link colour, with an "opens elsewhere" mark, as a row that opens
// it, at least `min_h` tall. The mirror names it as a link that opens a new tab. Returns true when pressed.
bool source_link(const std::string& id, const std::string& cite, float min_h) {
  const Palette& p = palette();
  const float w = ImGui::GetContentRegionAvail().x;
  const float mark = 22.0f, pad_y = 6.0f;
  ImFont* f = font(FontRole::Small);
  const float fs = f->FontSize * ImGui::GetIO().FontGlobalScale;
  const float text_h = f->CalcTextSizeA(fs, FLT_MAX, w - mark, cite.c_str()).y;
  const float h = ImMax(text_h + pad_y * 2, min_h);  // a comfortable target even for a one-line title
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const std::string label = cite + "##source." + id;
  bool pressed = ImGui::InvisibleButton(label.c_str(), ImVec2(w, h));
  pressed |= name_item(ImGui::GetItemID(), label.c_str());
  mirror::name_last_control(fill(tr("learn.source.link"), {{"source", cite}}));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (ImGui::IsItemHovered()) dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), p.surface_alt, 6.0f);
  add_text(dl, f, fs, ImVec2(pos.x, pos.y + (h - text_h) * 0.5f), p.primary, cite.c_str(), nullptr, w - mark);
  // An arrow leaving a box, at the row's right end.
  const ImVec2 c(pos.x + w - mark * 0.5f, pos.y + h * 0.5f);
  const float r = 5.0f;
  dl->AddLine(ImVec2(c.x - r, c.y - r + 3), ImVec2(c.x - r, c.y + r), p.primary, 1.5f);
  dl->AddLine(ImVec2(c.x - r, c.y + r), ImVec2(c.x + r - 3, c.y + r), p.primary, 1.5f);
  dl->AddLine(ImVec2(c.x - 1, c.y + 1), ImVec2(c.x + r + 1, c.y - r - 1), p.primary, 1.5f);
  dl->AddLine(ImVec2(c.x + 1, c.y - r - 1), ImVec2(c.x + r + 1, c.y - r - 1), p.primary, 1.5f);
  dl->AddLine(ImVec2(c.x + r + 1, c.y - r - 1), ImVec2(c.x + r + 1, c.y - 1), p.primary, 1.5f);
  return pressed;
}

// "Sources:" and each public document the section rests on (core's patient_sources), "Title — Publisher, Year", in
// small type under the section. Web articles, clinic pages and internal research notes are for the evidence audit
// (docs/candidacy.md), never shown here. A source with a public address opens it in a new tab, except in a shared
// kiosk (which opens no other sites).
void sources_list(const EducationSection& s, const AppState& st) {
  const std::vector<const Source*> list = patient_sources(Content::builtin(), s);
  if (list.empty()) return;
  const Palette& p = palette();
  const DecisionPlatform& platform = decision_platform();
  const bool links = platform.open && st.mode != Mode::kiosk;
  gap(2);
  text(tr("learn.sources"), FontRole::Small, p.ink_muted);
  gap(2);
  for (const Source* src : list) {
    const std::string cite = patient_citation(*src);
    if (links && !src->url.empty()) {
      if (source_link(src->id, cite, st.layout.touch ? 44.0f : 36.0f)) platform.open(src->url);  // a finger's size on touch
    } else {
      text(cite.c_str(), FontRole::Small, p.ink_muted);
      gap(4);
    }
  }
}

// When to get emergency help: a red-edged panel on a red tint with a warning mark and a heading of its own, so that it
// cannot be taken for the routine reminders (note: a grey panel with an amber edge).
void urgent(const char* body) {
  const Palette& p = palette();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImDrawListSplitter layers;
  layers.Split(dl, 2);
  layers.SetCurrentChannel(dl, 1);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float pad = 16.0f, bar = 6.0f, icon = 24.0f;
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const float left = start.x + bar + pad;
  ImGui::SetCursorScreenPos(ImVec2(left, start.y + pad));
  ImGui::Indent(left - start.x);
  ImGui::PushTextWrapPos(start.x + width - pad - window->Pos.x);
  // The heading, after a round warning mark: a white "!" on red.
  const ImVec2 mark(left + icon * 0.5f, start.y + pad + icon * 0.5f);
  ImGui::SetCursorScreenPos(ImVec2(left + icon + 10.0f, start.y + pad));
  ImGui::BeginGroup();
  text(tr("learn.urgent.title"), FontRole::H3, p.danger);
  ImGui::EndGroup();
  const float heading_h = ImGui::GetItemRectSize().y;
  const ImVec2 centre(mark.x, start.y + pad + ImMax(icon, heading_h) * 0.5f);
  dl->AddCircleFilled(centre, icon * 0.5f, p.danger);
  dl->AddLine(ImVec2(centre.x, centre.y - 6.5f), ImVec2(centre.x, centre.y + 2.0f), p.on_primary, 2.6f);
  dl->AddCircleFilled(ImVec2(centre.x, centre.y + 6.0f), 1.6f, p.on_primary);
  ImGui::SetCursorScreenPos(ImVec2(left, start.y + pad + ImMax(icon, heading_h) + 6.0f));
  text(body);
  ImGui::PopTextWrapPos();
  ImGui::Unindent(left - start.x);
  const float end_y = ImGui::GetItemRectMax().y + pad;
  layers.SetCurrentChannel(dl, 0);
  const ImVec2 max(start.x + width, end_y);
  dl->AddRectFilled(start, max, rgb(colors::badge_not_recommended), 10.0f);  // danger text stays AA on it
  dl->AddRect(start, max, p.danger, 10.0f, 0, 2.0f);
  dl->AddRectFilled(start, ImVec2(start.x + bar, end_y), p.danger, 10.0f, ImDrawFlags_RoundCornersLeft);
  layers.Merge(dl);
  ImGui::SetCursorScreenPos(ImVec2(start.x, end_y));
  ImGui::Dummy(ImVec2(width, 0.0f));
}

void bullets(const std::vector<std::string>& items, ImU32 marker) {
  const float indent = 22.0f;
  for (const std::string& item : items) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    float line_h = ImGui::GetFontSize();
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + 7, p.y + line_h * 0.62f), 3.5f, marker);
    ImGui::Indent(indent);
    text(item.c_str());
    ImGui::Unindent(indent);
    gap(2);
  }
}

void steps(const std::vector<EducationStep>& items) {
  const Palette& p = palette();
  const float indent = 30.0f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (size_t i = 0; i < items.size(); ++i) {
    ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::Indent(indent);
    text(items[i].title.c_str(), FontRole::H3);
    if (!items[i].when.empty()) text(items[i].when.c_str(), FontRole::Small, p.primary);
    gap(2);
    text(items[i].text.c_str());
    ImGui::Unindent(indent);
    float bottom = ImGui::GetCursorScreenPos().y;
    ImVec2 dot(top.x + 9, top.y + 11);
    if (i + 1 < items.size()) dl->AddLine(ImVec2(dot.x, dot.y + 8), ImVec2(dot.x, bottom + 10), p.border, 2.0f);
    dl->AddCircleFilled(dot, 7.0f, p.accent_soft);
    dl->AddCircle(dot, 7.0f, p.primary, 0, 2.0f);
    gap(10);
  }
}

void do_dont(const EducationBlock& b, bool two_columns) {
  const Palette& p = palette();
  auto column = [&](const char* heading_key, const std::vector<std::string>& items, ImU32 colour) {
    text(tr(heading_key), FontRole::H3, colour);
    gap(4);
    bullets(items, colour);
  };
  if (!two_columns) {
    column("learn.do", b.dos, p.success);
    gap(6);
    column("learn.dont", b.donts, p.danger);
    return;
  }
  float w = ImGui::GetContentRegionAvail().x;
  float col = (w - 24.0f) * 0.5f;
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  float saved_max = window->ContentRegionRect.Max.x;
  float x0 = ImGui::GetCursorScreenPos().x;
  float y0 = ImGui::GetCursorScreenPos().y;
  // Left column: limit the region so wrapping stays inside it.
  window->ContentRegionRect.Max.x = window->WorkRect.Max.x = x0 + col;
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(x0 + col - window->Pos.x);
  column("learn.do", b.dos, p.success);
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  float y_left = ImGui::GetCursorScreenPos().y;
  window->ContentRegionRect.Max.x = window->WorkRect.Max.x = saved_max;
  ImGui::SetCursorScreenPos(ImVec2(x0 + col + 24.0f, y0));
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(saved_max - window->Pos.x);
  column("learn.dont", b.donts, p.danger);
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  float y_right = ImGui::GetCursorScreenPos().y;
  ImGui::SetCursorScreenPos(ImVec2(x0, ImMax(y_left, y_right)));
  ImGui::Dummy(ImVec2(w, 0));
}

// A full-width row that opens and closes; returns true when it was toggled.
bool disclosure(const char* label, bool open, FontRole role, float min_h, bool boxed) {
  const Palette& p = palette();
  float w = ImGui::GetContentRegionAvail().x;
  ImVec2 pos = ImGui::GetCursorScreenPos();
  const float pad = boxed ? 20.0f : 4.0f, chevron = 28.0f;
  ImGui::PushFont(font(role));
  float text_h = ImGui::CalcTextSize(label, nullptr, true, w - pad * 2 - chevron).y;
  ImGui::PopFont();
  float h = ImMax(min_h, text_h + 24.0f);
  bool pressed = ImGui::InvisibleButton(label, ImVec2(w, h));
  pressed |= name_item(ImGui::GetItemID(), label);
  bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 max(pos.x + w, pos.y + h);
  if (boxed) {
    dl->AddRectFilled(pos, max, hovered ? p.surface_alt : p.surface, 12.0f,
                      open ? ImDrawFlags_RoundCornersTop : ImDrawFlags_RoundCornersAll);
  } else if (hovered) {
    dl->AddRectFilled(pos, max, p.surface_alt, 8.0f);
  }
  ImFont* f = font(role);
  float fs = f->FontSize * ImGui::GetIO().FontGlobalScale;
  add_text(dl, f, fs, ImVec2(pos.x + pad, pos.y + (h - text_h) * 0.5f), p.ink, label,
              ImGui::FindRenderedTextEnd(label), w - pad * 2 - chevron);
  // Chevron: down when closed, up when open.
  ImVec2 c(max.x - pad - 8, pos.y + h * 0.5f);
  float d = open ? -4.0f : 4.0f;
  dl->AddLine(ImVec2(c.x - 7, c.y - d), ImVec2(c.x, c.y + d), p.primary, 2.2f);
  dl->AddLine(ImVec2(c.x, c.y + d), ImVec2(c.x + 7, c.y - d), p.primary, 2.2f);
  return pressed;
}

void faq(const EducationBlock& b, LearnState& ls) {
  const Palette& p = palette();
  for (size_t i = 0; i < b.faq.size(); ++i) {
    bool open = ls.open_faq == static_cast<int>(i);
    std::string label = b.faq[i].q + "##faq";
    const bool toggled = disclosure(label.c_str(), open, FontRole::H3, 48.0f, false);
    if (ls.scroll_to_faq == static_cast<int>(i)) {
      // Opened last frame: the answer open above it has closed since, so this is where the question now is. Scroll
      // only when that left it out of view (a longer answer above closed); otherwise the question stays where it was.
      ls.scroll_to_faq = -1;
      const ImRect view = ImGui::GetCurrentWindow()->InnerRect;
      if (ImGui::GetItemRectMin().y < view.Min.y || ImGui::GetItemRectMax().y > view.Max.y) ImGui::SetScrollHereY(0.0f);
    }
    if (toggled) {
      ls.open_faq = open ? -1 : static_cast<int>(i);
      ls.scroll_to_faq = open ? -1 : static_cast<int>(i);
    }
    if (open) {
      ImGui::Indent(4.0f);
      text(b.faq[i].a.c_str());
      ImGui::Unindent(4.0f);
      gap(6);
    }
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(pos, ImVec2(pos.x + ImGui::GetContentRegionAvail().x, pos.y), p.border);
    gap(2);
  }
}

void block(const EducationBlock& b, AppState& st) {
  const Palette& p = palette();
  if (!b.title.empty() && b.type != BlockType::note && b.type != BlockType::urgent) {
    text(b.title.c_str(), FontRole::H3);
    gap(4);
  }
  switch (b.type) {
    case BlockType::text: text(b.text.c_str()); break;
    case BlockType::list: bullets(b.items, p.primary); break;
    case BlockType::steps: steps(b.steps); break;
    case BlockType::dodont: do_dont(b, st.layout.form != FormFactor::Phone); break;
    case BlockType::faq: faq(b, st.learn); break;
    case BlockType::note: callout(b.text.c_str(), p.warning); break;
    case BlockType::urgent: urgent(b.text.c_str()); break;
    case BlockType::figure:
      // The needles move while they go in (the figure's one explaining motion): keep frames coming until they rest.
      if (learn_figure(b.title.empty() ? "##figure" : b.title.c_str(), b.figure, b.items, b.text)) st.animating = true;
      break;
  }
  gap(8);
}

}  // namespace

void draw_learn(AppState& st) {
  const Palette& p = palette();
  screen_header("learn.title", "learn.lead");
  const auto& sections = Content::builtin().education(st.lang);
  for (const EducationSection& s : sections) {
    bool open = st.learn.open_section == s.id;
    std::string label = s.title + "##section";
    const bool toggled = disclosure(label.c_str(), open, FontRole::H2, st.layout.target_h + 16, true);
    if (st.learn.scroll_to_section == s.id) {
      // Opened last frame, which still drew the section open above it: now that one is closed, this header is where
      // it stays. Bring it to the top.
      st.learn.scroll_to_section.clear();
      ImGui::SetScrollHereY(0.0f);
    }
    if (toggled) {
      st.learn.open_section = open ? "" : s.id;
      st.learn.open_faq = -1;
      st.learn.scroll_to_faq = -1;
      st.learn.scroll_to_section = open ? "" : s.id;
    }
    ImVec2 top = ImGui::GetItemRectMin();
    float w = ImGui::GetItemRectSize().x;
    float header_bottom = ImGui::GetItemRectMax().y;
    if (open) {
      // Body of the open card: a white panel joined to its header.
      ImDrawList* dl = ImGui::GetWindowDrawList();
      ImDrawListSplitter layers;
      layers.Split(dl, 2);
      layers.SetCurrentChannel(dl, 1);
      const float pad = 20.0f;
      ImGui::Indent(pad);
      ImGuiWindow* window = ImGui::GetCurrentWindow();
      float saved_max = window->ContentRegionRect.Max.x;
      window->ContentRegionRect.Max.x = window->WorkRect.Max.x = top.x + w - pad;
      ImGui::PushTextWrapPos(top.x + w - pad - window->Pos.x);
      text(s.lead.c_str(), FontRole::Body, p.ink_muted);
      gap(14);
      for (const EducationBlock& b : s.blocks) block(b, st);
      sources_list(s, st);
      gap(12);
      ImGui::PopTextWrapPos();
      window->ContentRegionRect.Max.x = window->WorkRect.Max.x = saved_max;
      ImGui::Unindent(pad);
      float bottom = ImGui::GetCursorScreenPos().y;
      layers.SetCurrentChannel(dl, 0);
      dl->AddRectFilled(ImVec2(top.x, header_bottom), ImVec2(top.x + w, bottom), p.surface, 12.0f,
                        ImDrawFlags_RoundCornersBottom);
      layers.Merge(dl);
      ImGui::GetWindowDrawList()->AddRect(top, ImVec2(top.x + w, bottom), p.border, 12.0f);
    } else {
      ImGui::GetWindowDrawList()->AddRect(top, ImGui::GetItemRectMax(), p.border, 12.0f);
    }
    gap(6);
  }
  screen_footer(st);
}

}  // namespace mn::ui
