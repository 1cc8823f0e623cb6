#include "ui/pictures.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "imgui_internal.h"
#include "ui/charts.hpp"
#include "ui/decision.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace mn::ui {
namespace {

// Illustration colours: the skin's layers as anatomy drawings show them. Text on them is the palette's ink (dark),
// which keeps well above 4.5:1 on all three.
constexpr ImU32 kEpidermis = IM_COL32(0xF1, 0xD5, 0xBF, 0xFF);
constexpr ImU32 kEpidermisEdge = IM_COL32(0xC9, 0x9E, 0x80, 0xFF);
constexpr ImU32 kDermis = IM_COL32(0xF6, 0xD3, 0xCD, 0xFF);
constexpr ImU32 kFibre = IM_COL32(0xD9, 0x8F, 0x86, 0x90);
constexpr ImU32 kFat = IM_COL32(0xFA, 0xEC, 0xC4, 0xFF);
constexpr ImU32 kFatCell = IM_COL32(0xE2, 0xC9, 0x80, 0xFF);
constexpr ImU32 kWound = IM_COL32(0xC4, 0x4D, 0x4D, 0x66);
constexpr ImU32 kSteel = IM_COL32(0x6B, 0x77, 0x80, 0xFF);

// A numbered disc (1, 2, 3) that ties a needle to its line of the legend.
void number_disc(ImDrawList* dl, ImVec2 c, float r, int n) {
  const Palette& p = palette();
  dl->AddCircleFilled(c, r, p.primary);
  char digit[2] = {static_cast<char>('0' + n), 0};
  ImVec2 size = measure(FontRole::Small, digit);
  draw_text(dl, FontRole::Small, ImVec2(c.x - size.x * 0.5f, c.y - size.y * 0.5f), p.on_primary, digit);
}

// A wavy collagen fibre across [x0, x1] at height y.
void fibre(ImDrawList* dl, float x0, float x1, float y, float amplitude, float phase) {
  std::array<ImVec2, 48> pts;
  for (size_t i = 0; i < pts.size(); ++i) {
    float t = static_cast<float>(i) / static_cast<float>(pts.size() - 1);
    pts[i] = ImVec2(x0 + (x1 - x0) * t, y + amplitude * std::sin(phase + t * 14.0f));
  }
  dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), kFibre, 0, 1.4f);
}

// The skin in cross-section with three needles: to just below the outer layer, into the middle of the dermis and
// close to its lower edge. Not to scale (the outer layer is drawn far thicker than it is), which the caption says.
// `seconds`: how long the figure has been in view. The needles go in one after another (each reaching its depth
// before its wound mark shows), which is the point of the figure; with reduced motion they are drawn in place.
constexpr float kNeedleDelay = 0.35f, kNeedleTravel = 0.8f;
constexpr float kNeedleMotionSeconds = 2 * kNeedleDelay + kNeedleTravel + 0.2f;

float needle_depths(ImDrawList* dl, ImVec2 o, float w, const std::vector<std::string>& L, float seconds) {
  const Palette& p = palette();
  const float head = 40.0f;  // room above the skin for the needles' numbered heads
  const float H = std::clamp(w * 0.5f, 200.0f, 280.0f);
  const float top = o.y + head;
  const float epi_h = H * 0.2f, derm_h = H * 0.5f, fat_h = H - epi_h - derm_h;
  const float derm_top = top + epi_h, fat_top = derm_top + derm_h, bottom = top + H;
  const float x0 = o.x, x1 = o.x + w;

  dl->AddRectFilled(ImVec2(x0, fat_top), ImVec2(x1, bottom), kFat, 14.0f, ImDrawFlags_RoundCornersBottom);
  // Fat lobules: rows of soft cells.
  const float cell = std::max(12.0f, fat_h * 0.22f);
  for (float row = 0; row < 3; ++row)
    for (float x = x0 + cell + std::fmod(row, 2.0f) * cell; x < x1 - cell * 0.8f; x += cell * 2.1f) {
      float y = fat_top + cell * (0.9f + row * 1.45f);
      if (y + cell * 0.8f > bottom) break;
      dl->AddCircle(ImVec2(x, y), cell * 0.8f, kFatCell, 20, 1.3f);
    }
  dl->AddRectFilled(ImVec2(x0, derm_top), ImVec2(x1, fat_top), kDermis);
  for (float i = 0; i < 4; ++i)
    fibre(dl, x0 + 8, x1 - 8, derm_top + derm_h * (0.2f + 0.2f * i), 3.0f + std::fmod(i, 2.0f), 1.3f * i);
  dl->AddRectFilled(ImVec2(x0, top), ImVec2(x1, derm_top), kEpidermis, 14.0f, ImDrawFlags_RoundCornersTop);
  dl->AddLine(ImVec2(x0 + 6, top + 1), ImVec2(x1 - 6, top + 1), kEpidermisEdge, 2.0f);
  dl->AddLine(ImVec2(x0, derm_top), ImVec2(x1, derm_top), kEpidermisEdge, 1.0f);

  // The layers' names at the left, clear of the needles.
  const float label_w = w * 0.5f - 20.0f;
  const float layer_top[3] = {top, derm_top, fat_top}, layer_h[3] = {epi_h, derm_h, fat_h};
  for (int i = 0; i < 3; ++i) {
    ImVec2 size = measure(FontRole::Small, L[i], label_w);
    float y = i == 1 ? layer_top[i] + 10.0f : layer_top[i] + (layer_h[i] - size.y) * 0.5f;
    if (i > 0) {  // a backing so the name reads over the fibres and the fat cells
      const ImU32 fill = i == 1 ? kDermis : kFat;
      dl->AddRectFilled(ImVec2(x0 + 6, y - 3), ImVec2(x0 + 18 + size.x, y + size.y + 3), fill, 6.0f);
    }
    draw_text(dl, FontRole::Small, ImVec2(x0 + 12, y), p.ink, L[i], label_w);
  }

  // Needles, each with a soft mark where the small wound starts the repair.
  const float depth[3] = {derm_top + derm_h * 0.1f, derm_top + derm_h * 0.5f, derm_top + derm_h * 0.92f};
  for (int i = 0; i < 3; ++i) {
    const float x = x0 + w * (0.58f + 0.15f * static_cast<float>(i));
    const float travel = std::clamp((seconds - kNeedleDelay * static_cast<float>(i)) / kNeedleTravel, 0.0f, 1.0f);
    const float eased = 1.0f - (1.0f - travel) * (1.0f - travel) * (1.0f - travel);
    const float rest = top - 8.0f;  // the tip just above the skin before it goes in
    const float tip = rest + (depth[i] - rest) * eased;
    if (travel >= 0.75f) dl->AddCircleFilled(ImVec2(x, depth[i]), 9.0f, with_alpha(kWound, static_cast<int>(255 * (travel - 0.75f) / 0.25f)));
    dl->AddRectFilled(ImVec2(x - 1.6f, o.y + 26), ImVec2(x + 1.6f, tip - 6), kSteel);
    dl->AddTriangleFilled(ImVec2(x - 1.6f, tip - 6.5f), ImVec2(x + 1.6f, tip - 6.5f), ImVec2(x, tip), kSteel);
    number_disc(dl, ImVec2(x, o.y + 13), 12.0f, i + 1);
  }
  float y = bottom + 16.0f;
  // The legend: what each depth is for.
  for (int i = 0; i < 3; ++i) {
    number_disc(dl, ImVec2(x0 + 12, y + font_px(FontRole::Body) * 0.62f), 11.0f, i + 1);
    y += draw_text(dl, FontRole::Body, ImVec2(x0 + 34, y), p.ink, L[3 + i], w - 34).y + 10.0f;
  }
  return y - o.y;
}

// The three healing stages as overlapping-free bars along a time axis that is stretched at the start (hours and
// days) and squeezed at the end (months): the start, about day 2, about week 4, about 6 months and beyond.
float healing_phases(ImDrawList* dl, ImVec2 o, float w, const std::vector<std::string>& L) {
  const Palette& p = palette();
  const std::array<float, 4> at = {0.0f, 0.2f, 0.5f, 0.88f};
  const std::array<ImU32, 3> colour = {IM_COL32(0xE0, 0x8A, 0x86, 0xFF), IM_COL32(0x7F, 0xB3, 0xC0, 0xFF),
                                       IM_COL32(0x8C, 0xC0, 0x98, 0xFF)};
  const float left = o.x + 2, width = w - 4;
  auto x_of = [&](float t) { return left + t * width; };
  const float name_h = font_px(FontRole::Small) * 1.3f, bar_h = 16.0f, row_h = name_h + bar_h + 14.0f;
  const float axis_y = o.y + row_h * 3 + 6;
  for (int i = 1; i < 4; ++i) {
    float x = x_of(at[static_cast<size_t>(i)]);
    for (float y = o.y; y < axis_y; y += 7.0f) dl->AddLine(ImVec2(x, y), ImVec2(x, std::min(y + 3.5f, axis_y)), p.border, 1.0f);
  }
  for (int i = 0; i < 3; ++i) {
    const float y = o.y + row_h * static_cast<float>(i);
    const float xa = x_of(at[static_cast<size_t>(i)]);
    const float xb = i < 2 ? x_of(at[static_cast<size_t>(i) + 1]) : x_of(1.0f);
    ImVec2 size = measure(FontRole::Small, L[i]);
    float tx = std::min(xa, o.x + w - size.x);
    draw_text(dl, FontRole::Small, ImVec2(std::max(o.x, tx), y), p.ink, L[i]);
    const float by = y + name_h;
    if (i < 2) {
      dl->AddRectFilled(ImVec2(xa, by), ImVec2(xb, by + bar_h), colour[static_cast<size_t>(i)], bar_h * 0.5f);
    } else {  // "6 months or more": solid to the last mark, then fading out
      const float xm = x_of(at[3]);
      dl->AddRectFilled(ImVec2(xa, by), ImVec2(xm, by + bar_h), colour[2], bar_h * 0.5f, ImDrawFlags_RoundCornersLeft);
      dl->AddRectFilledMultiColor(ImVec2(xm, by), ImVec2(xb, by + bar_h), colour[2], with_alpha(colour[2], 0),
                                  with_alpha(colour[2], 0), colour[2]);
    }
    number_disc(dl, ImVec2(xa + bar_h * 0.5f + 1, by + bar_h * 0.5f), bar_h * 0.5f + 1, i + 1);
  }
  dl->AddLine(ImVec2(o.x, axis_y), ImVec2(o.x + w, axis_y), p.ink_muted, 1.5f);
  float label_y = axis_y + 8, next_free = o.x;
  for (size_t i = 0; i < 4; ++i) {
    float x = x_of(at[i]);
    dl->AddLine(ImVec2(x, axis_y - 4), ImVec2(x, axis_y + 4), p.ink_muted, 1.5f);
    ImVec2 size = measure(FontRole::Small, L[3 + i]);
    float tx = i == 0 ? x : std::clamp(x - size.x * 0.5f, next_free + 6, o.x + w - size.x);
    draw_text(dl, FontRole::Small, ImVec2(tx, label_y), p.ink_muted, L[3 + i]);
    next_free = tx + size.x;
  }
  return label_y + font_px(FontRole::Small) * 1.4f - o.y;
}

}  // namespace

std::string figure_description(const std::string& title, const std::vector<std::string>& labels,
                               const std::string& caption) {
  std::string out = title;
  for (const std::string& l : labels) out += (out.empty() ? "" : ". ") + l;
  if (!caption.empty()) out += (out.empty() ? "" : ". ") + caption;
  return out;
}

bool learn_figure(const char* id, Figure figure, const std::vector<std::string>& labels, const std::string& caption) {
  if (labels.size() != kFigureLabels[static_cast<size_t>(figure)]) return false;  // the loader refuses such a block
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float w = std::min(ImGui::GetContentRegionAvail().x, 640.0f);
  bool moving = false;
  float h = 0;
  if (figure == Figure::needle_depths) {
    // The clock starts when the skin is in view (not while it is scrolled past), once per visit to the app.
    ImGui::PushID(id);
    float& shown_at = *ImGui::GetStateStorage()->GetFloatRef(ImGui::GetID("shown_at"), -1.0f);
    ImGui::PopID();
    const float now = static_cast<float>(ImGui::GetTime());
    if (shown_at < 0 && ImGui::IsRectVisible(origin, ImVec2(origin.x + w, origin.y + 120))) shown_at = now;
    // Not yet seen: drawn with the needles out, and no frames asked for until a scroll brings it into view.
    const float seconds = reduce_motion() ? kNeedleMotionSeconds : shown_at < 0 ? 0.0f : now - shown_at;
    moving = shown_at >= 0 && seconds < kNeedleMotionSeconds;
    h = needle_depths(dl, origin, w, labels, seconds);
  } else {
    h = healing_phases(dl, origin, w, labels);
  }
  chart_item(id, figure_description("", labels, caption).c_str(), origin, ImVec2(w, h));
  gap(4);
  text(caption.c_str(), FontRole::Small, palette().ink_muted);
  return moving;
}

ImU32 skin_tone(int type) {
  static constexpr std::array<ImU32, 6> kTones = {
      IM_COL32(0xF6, 0xE0, 0xD0, 0xFF), IM_COL32(0xEC, 0xCB, 0xAE, 0xFF), IM_COL32(0xD9, 0xAE, 0x88, 0xFF),
      IM_COL32(0xB8, 0x86, 0x5F, 0xFF), IM_COL32(0x8A, 0x5A, 0x3C, 0xFF), IM_COL32(0x4E, 0x33, 0x25, 0xFF)};
  return kTones[static_cast<size_t>(std::clamp(type, 1, 6) - 1)];
}

void draw_icon(ImDrawList* dl, Icon icon, ImVec2 c, float s, ImU32 col) {
  const float t = std::max(1.5f, s * 0.085f);  // stroke
  const float h = s * 0.5f;
  auto P = [&](float x, float y) { return ImVec2(c.x + x * h, c.y + y * h); };
  switch (icon) {
    case Icon::none: break;
    case Icon::home:
      dl->AddLine(P(-0.85f, -0.05f), P(0, -0.8f), col, t);
      dl->AddLine(P(0, -0.8f), P(0.85f, -0.05f), col, t);
      dl->AddRect(P(-0.6f, -0.2f), P(0.6f, 0.8f), col, 2.0f, 0, t);
      break;
    case Icon::learn:  // an open book
      dl->AddLine(P(0, -0.55f), P(0, 0.75f), col, t);
      dl->AddBezierCubic(P(0, -0.55f), P(-0.3f, -0.75f), P(-0.7f, -0.75f), P(-0.9f, -0.6f), col, t);
      dl->AddBezierCubic(P(0, -0.55f), P(0.3f, -0.75f), P(0.7f, -0.75f), P(0.9f, -0.6f), col, t);
      dl->AddLine(P(-0.9f, -0.6f), P(-0.9f, 0.6f), col, t);
      dl->AddLine(P(0.9f, -0.6f), P(0.9f, 0.6f), col, t);
      dl->AddBezierCubic(P(0, 0.75f), P(-0.3f, 0.55f), P(-0.7f, 0.5f), P(-0.9f, 0.6f), col, t);
      dl->AddBezierCubic(P(0, 0.75f), P(0.3f, 0.55f), P(0.7f, 0.5f), P(0.9f, 0.6f), col, t);
      break;
    case Icon::candidacy:  // a clipboard with a tick
      dl->AddRect(P(-0.65f, -0.65f), P(0.65f, 0.9f), col, 3.0f, 0, t);
      dl->AddRectFilled(P(-0.3f, -0.85f), P(0.3f, -0.5f), col, 2.0f);
      dl->AddLine(P(-0.35f, 0.15f), P(-0.08f, 0.42f), col, t);
      dl->AddLine(P(-0.08f, 0.42f), P(0.38f, -0.1f), col, t);
      break;
    case Icon::compare:  // a balance
      dl->AddLine(P(0, -0.8f), P(0, 0.8f), col, t);
      dl->AddLine(P(-0.45f, 0.8f), P(0.45f, 0.8f), col, t);
      dl->AddLine(P(-0.8f, -0.5f), P(0.8f, -0.5f), col, t);
      dl->AddBezierQuadratic(P(-0.95f, 0.05f), P(-0.65f, 0.4f), P(-0.35f, 0.05f), col, t);
      dl->AddBezierQuadratic(P(0.35f, 0.05f), P(0.65f, 0.4f), P(0.95f, 0.05f), col, t);
      dl->AddLine(P(-0.8f, -0.5f), P(-0.95f, 0.05f), col, t * 0.7f);
      dl->AddLine(P(-0.8f, -0.5f), P(-0.35f, 0.05f), col, t * 0.7f);
      dl->AddLine(P(0.8f, -0.5f), P(0.35f, 0.05f), col, t * 0.7f);
      dl->AddLine(P(0.8f, -0.5f), P(0.95f, 0.05f), col, t * 0.7f);
      break;
    case Icon::estimate:  // a calendar
      dl->AddRect(P(-0.8f, -0.6f), P(0.8f, 0.85f), col, 3.0f, 0, t);
      dl->AddLine(P(-0.8f, -0.2f), P(0.8f, -0.2f), col, t);
      dl->AddLine(P(-0.4f, -0.85f), P(-0.4f, -0.45f), col, t);
      dl->AddLine(P(0.4f, -0.85f), P(0.4f, -0.45f), col, t);
      for (float r = 0; r < 2; ++r)
        for (float k = 0; k < 3; ++k) dl->AddCircleFilled(P(-0.45f + 0.45f * k, 0.15f + 0.38f * r), t * 0.75f, col);
      break;
    case Icon::plan:  // a page with lines
      dl->AddRect(P(-0.6f, -0.85f), P(0.6f, 0.85f), col, 3.0f, 0, t);
      for (float k = 0; k < 3; ++k) dl->AddLine(P(-0.3f, -0.35f + 0.35f * k), P(0.3f, -0.35f + 0.35f * k), col, t);
      break;
  }
}

}  // namespace mn::ui
