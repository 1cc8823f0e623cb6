#include "ui/charts.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <optional>

#include "core/civil_date.hpp"
#include "imgui_internal.h"
#include "qrcodegen.h"
#include "ui/decision.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace mn::ui {
namespace {

void diamond(ImDrawList* dl, ImVec2 c, float r, ImU32 fill, ImU32 edge) {
  ImVec2 pts[4] = {ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r), ImVec2(c.x - r, c.y)};
  dl->AddConvexPolyFilled(pts, 4, fill);
  dl->AddPolyline(pts, 4, edge, ImDrawFlags_Closed, 1.5f);
}

void dashed_vline(ImDrawList* dl, float x, float y0, float y1, ImU32 colour, float thickness) {
  for (float y = y0; y < y1; y += 8.0f) dl->AddLine(ImVec2(x, y), ImVec2(x, std::min(y + 4.0f, y1)), colour, thickness);
}

}  // namespace

void chart_item(const char* id, const char* name, ImVec2 pos, ImVec2 size) {
  ImGui::SetCursorScreenPos(pos);
  ImGui::ItemSize(size);
  ImGuiID gid = ImGui::GetID(id);
  ImGui::ItemAdd(ImRect(pos, ImVec2(pos.x + size.x, pos.y + size.y)), gid);
  name_item(gid, name, mirror::Role::image);  // also when scrolled out of sight, so it can be found
}

double nice_axis_max(double value) {
  if (!(value > 0)) return 1.0;
  const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
  for (double step : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (value <= step * magnitude + 1e-9) return step * magnitude;
  return 10.0 * magnitude;
}

void range_bar(ImDrawList* dl, ImVec2 pos, float width, float height, double low, double typical, double high,
               double axis_max, ImU32 colour) {
  const Palette& p = palette();
  const float r = height * 0.5f;
  auto x_of = [&](double v) {
    return pos.x + static_cast<float>(std::clamp(v / std::max(axis_max, 1e-9), 0.0, 1.0)) * width;
  };
  dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), p.surface_alt, r);
  float x0 = x_of(low), x1 = x_of(high);
  if (x1 - x0 < height) {  // one value (or nearly): a dot
    float c = (x0 + x1) * 0.5f;
    c = std::clamp(c, pos.x + r, pos.x + width - r);
    dl->AddCircleFilled(ImVec2(c, pos.y + r), r + 1.0f, colour);
    return;
  }
  dl->AddRectFilled(ImVec2(x0, pos.y), ImVec2(x1, pos.y + height), with_alpha(colour, 110), r);
  float xt = std::clamp(x_of(typical), x0 + 1.5f, x1 - 1.5f);
  dl->AddRectFilled(ImVec2(xt - 1.5f, pos.y - 3.0f), ImVec2(xt + 1.5f, pos.y + height + 3.0f), colour, 1.5f);
}

ImU32 phase_colour(const std::string& key) {
  if (key == "redness") return IM_COL32(0xE0, 0x8A, 0x86, 0xFF);
  if (key == "swelling") return IM_COL32(0xE8, 0xB0, 0x7A, 0xFF);
  if (key == "bruising") return IM_COL32(0xA8, 0x8F, 0xC9, 0xFF);
  if (key == "tightness") return IM_COL32(0x8F, 0xB5, 0xCC, 0xFF);
  if (key == "flaking") return IM_COL32(0xC9, 0xB2, 0x7C, 0xFF);
  if (key == "crusting") return IM_COL32(0xB0, 0x8A, 0x6A, 0xFF);
  if (key == "peeling") return IM_COL32(0xD9, 0x9E, 0x8C, 0xFF);
  if (key == "healing") return IM_COL32(0xE0, 0x8A, 0x86, 0xFF);  // the stages together (phone calendar)
  if (key == "glow") return IM_COL32(0xE9, 0xC8, 0x4F, 0xFF);
  return IM_COL32(0xB8, 0xC4, 0xC0, 0xFF);
}

void timeline_chart(const char* id, const char* name, const TimelineData& d, float width) {
  const Palette& p = palette();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();

  // Days shown: from the earlier of today and the first session to a little after the last thing on the calendar.
  int first = days_from_civil(d.today), last = first;
  auto widen = [&](const Date& date) {
    first = std::min(first, days_from_civil(date));
    last = std::max(last, days_from_civil(date));
  };
  for (const auto& v : d.visits) {
    widen(v.date);
    widen(v.latest);
  }
  for (const auto& ph : d.phases) widen(ph.to);
  for (const auto& m : d.milestones) widen(m.date);
  first -= 4;
  last += 8;
  const int span = std::max(last - first, 14);

  const float label_w = d.lane_labels_left ? std::min(130.0f, width * 0.22f) : 0.0f;
  const float chart_x = origin.x + label_w, chart_w = width - label_w;
  const float axis_h = 24, visit_h = 40, lane_h = 14, lane_gap = 5, milestone_h = 52;
  const float lanes_h = static_cast<float>(d.lanes.size()) * (lane_h + lane_gap);
  const float height = axis_h + visit_h + 6 + lanes_h + 6 + milestone_h;
  auto x_of = [&](int day) { return chart_x + static_cast<float>(day - first) / static_cast<float>(span) * chart_w; };
  auto x_date = [&](const Date& date) { return x_of(days_from_civil(date)); };

  // Background, month grid and labels.
  const float top = origin.y, body_top = top + axis_h, bottom = top + height;
  dl->AddRectFilled(ImVec2(chart_x, body_top), ImVec2(chart_x + chart_w, bottom), p.surface, 8.0f);
  Date month{civil_from_days(first).year, civil_from_days(first).month, 1};
  std::vector<std::pair<float, Date>> months;
  for (Date m = add_months(month, 1); days_from_civil(m) <= last; m = add_months(m, 1)) months.push_back({x_date(m), m});
  const float month_px = static_cast<float>(chart_w) * 30.4f / static_cast<float>(span);
  const int label_every = month_px >= 44 ? 1 : month_px >= 22 ? 2 : 3;
  // The "Today" label sits in the month row: month labels give way to it.
  const ImVec2 today_size = measure(FontRole::Small, d.today_label);
  const float today_x0 = std::clamp(x_of(days_from_civil(d.today)) - today_size.x * 0.5f, chart_x, chart_x + chart_w - today_size.x) - 6;
  const float today_x1 = today_x0 + today_size.x + 12;
  float last_label_end = -1e9f;
  int year_shown = 0;  // the first month label drawn, and the first in each new year, carry the year
  for (size_t i = 0; i < months.size(); ++i) {
    const auto& [x, m] = months[i];
    dl->AddLine(ImVec2(x, body_top), ImVec2(x, bottom), p.border, 1.0f);
    if (static_cast<int>(i) % label_every != 0 || d.months.size() != 12) continue;
    std::string label = d.months[static_cast<size_t>(m.month - 1)];
    if (m.year != year_shown) label += " " + std::to_string(m.year);
    ImVec2 ts = measure(FontRole::Small, label);
    if (x + 4 < last_label_end || x + 4 + ts.x > chart_x + chart_w) continue;
    if (x + 4 < today_x1 && x + 4 + ts.x > today_x0) continue;
    draw_text(dl, FontRole::Small, ImVec2(x + 4, top + 2), p.ink_muted, label);
    last_label_end = x + 4 + ts.x + 8;
    year_shown = m.year;
  }

  // Row labels.
  const float visit_y = body_top + visit_h * 0.5f;
  const float lanes_top = body_top + visit_h + 6;
  const float milestone_top = lanes_top + lanes_h + 6;
  if (d.lane_labels_left) {
    float lw = label_w - 12;
    draw_text(dl, FontRole::Small, ImVec2(origin.x, visit_y - font_px(FontRole::Small) * 0.5f), p.ink, d.sessions_label, lw);
    for (size_t i = 0; i < d.lanes.size(); ++i) {
      float y = lanes_top + static_cast<float>(i) * (lane_h + lane_gap);
      // Out of sight: nothing to draw (and a clip rect pushed there would lie outside the display).
      if (y - 4 > dl->GetClipRectMax().y || y + lane_h + 4 < dl->GetClipRectMin().y) continue;
      ImGui::PushClipRect(ImVec2(origin.x, y - 4), ImVec2(origin.x + lw, y + lane_h + 4), true);
      draw_text(dl, FontRole::Small, ImVec2(origin.x, y + lane_h * 0.5f - font_px(FontRole::Small) * 0.5f), p.ink_muted,
                d.lane_labels[i]);
      ImGui::PopClipRect();
    }
    draw_text(dl, FontRole::Small, ImVec2(origin.x, milestone_top + 8), p.ink, d.results_label, lw);
  }

  // Today (behind everything else, its label on top).
  dashed_vline(dl, x_date(d.today), body_top, bottom, p.focus, 1.5f);
  dl->AddRectFilled(ImVec2(today_x0 + 2, top), ImVec2(today_x1 - 2, top + today_size.y + 2), p.focus, 4.0f);
  draw_text(dl, FontRole::Small, ImVec2(today_x0 + 6, top + 1), p.on_primary, d.today_label);

  // Healing phases after each session.
  for (const auto& ph : d.phases) {
    if (ph.lane < 0 || static_cast<size_t>(ph.lane) >= d.lanes.size()) continue;
    float y = lanes_top + static_cast<float>(ph.lane) * (lane_h + lane_gap);
    float x0 = x_date(ph.from), x1 = std::max(x_of(days_from_civil(ph.to) + 1), x0 + 3.0f);
    dl->AddRectFilled(ImVec2(x0, y), ImVec2(x1, y + lane_h), phase_colour(d.lanes[static_cast<size_t>(ph.lane)]), 4.0f);
  }

  // Sessions: the spread from earliest to latest, then the session itself.
  for (const auto& v : d.visits) {
    float xe = x_date(v.earliest), xl = x_date(v.latest);
    if (xl - xe > 2) {
      ImU32 c = with_alpha(p.primary, 90);
      dl->AddLine(ImVec2(xe, visit_y), ImVec2(xl, visit_y), c, 2.0f);
      dl->AddLine(ImVec2(xe, visit_y - 5), ImVec2(xe, visit_y + 5), c, 2.0f);
      dl->AddLine(ImVec2(xl, visit_y - 5), ImVec2(xl, visit_y + 5), c, 2.0f);
    }
  }
  const float r = 11.0f;
  for (const auto& v : d.visits) {
    ImVec2 c(x_date(v.date), visit_y);
    if (v.if_needed) {
      dl->AddCircleFilled(c, r, p.surface);
      dl->AddCircle(c, r, p.primary, 0, 1.6f);
    } else {
      dl->AddCircleFilled(c, r, p.primary);
    }
    std::string n = std::to_string(v.number);
    ImVec2 ts = measure(FontRole::Small, n);
    draw_text(dl, FontRole::Small, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), v.if_needed ? p.primary : p.on_primary, n);
  }

  // Result milestones, labels on two alternating lines.
  float line_end[2] = {-1e9f, -1e9f};
  for (size_t i = 0; i < d.milestones.size(); ++i) {
    const auto& m = d.milestones[i];
    float x = x_date(m.date);
    diamond(dl, ImVec2(x, milestone_top + 8), 6.0f, p.accent_soft, p.primary);
    ImVec2 ts = measure(FontRole::Small, m.label);
    float tx = std::clamp(x - ts.x * 0.5f, chart_x, chart_x + chart_w - ts.x);
    int line = tx > line_end[0] ? 0 : 1;
    float ty = milestone_top + 18 + static_cast<float>(line) * (ts.y + 2);
    dl->AddRectFilled(ImVec2(tx - 3, ty), ImVec2(tx + ts.x + 3, ty + ts.y), p.surface, 3.0f);
    draw_text(dl, FontRole::Small, ImVec2(tx, ty), p.ink, m.label);
    line_end[line] = tx + ts.x + 6;
  }

  chart_item(id, name, origin, ImVec2(width, height));
}

void days_chart(const char* id, const char* name, const DaysData& d, float width) {
  const Palette& p = palette();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  int last_day = 6;
  for (const auto& lane : d.lanes) last_day = std::max(last_day, lane.to + 1);
  const int columns = last_day + 1;  // days 0..last_day
  float label_w = 0;
  for (const auto& lane : d.lanes) label_w = std::max(label_w, measure(FontRole::Small, lane.label).x);
  label_w = std::min(label_w + 14, width * 0.38f);
  const float chart_x = origin.x + label_w, chart_w = width - label_w;
  const float col = chart_w / static_cast<float>(columns);
  const float text_h = font_px(FontRole::Small);
  const float axis_h = text_h + 8, bar_h = std::max(18.0f, text_h * 0.9f), lane_gap = 10;
  // A row is as tall as its bar or its name, wrapped in the label column (a long name in a narrow phone column).
  std::vector<float> label_h, row_h;
  for (const auto& lane : d.lanes) {
    label_h.push_back(measure(FontRole::Small, lane.label, label_w - 10).y);
    row_h.push_back(std::max(bar_h, label_h.back()));
  }
  const float body_top = origin.y + axis_h;
  float height = axis_h + lane_gap;
  for (float h : row_h) height += h + lane_gap;
  auto x_of = [&](int day) { return chart_x + static_cast<float>(day) * col; };

  // Day columns, alternately shaded; day 0 (the session) in the accent colour.
  for (int day = 0; day < columns; ++day) {
    ImU32 fill = day == 0 ? p.accent_soft : (day % 2 ? p.surface_alt : p.surface);
    dl->AddRectFilled(ImVec2(x_of(day), body_top), ImVec2(x_of(day + 1), origin.y + height), fill);
  }
  // Axis: "Day" at the left, then day numbers as often as they fit.
  const float digit_w = measure(FontRole::Small, "00").x + 6;
  const int every = col >= digit_w ? 1 : col * 2 >= digit_w ? 2 : 5;
  draw_text(dl, FontRole::Small, ImVec2(origin.x, origin.y + 2), p.ink_muted, d.axis_label, label_w - 10);
  for (int day = 0; day < columns; day += every) {
    std::string n = std::to_string(day);
    ImVec2 ts = measure(FontRole::Small, n);
    draw_text(dl, FontRole::Small, ImVec2(x_of(day) + (col - ts.x) * 0.5f, origin.y + 2), day == 0 ? p.primary : p.ink_muted, n);
  }
  // One row per stage.
  float y = body_top + lane_gap;
  for (size_t i = 0; i < d.lanes.size(); ++i) {
    const DaysLane& lane = d.lanes[i];
    const float h = row_h[i];
    draw_text(dl, FontRole::Small, ImVec2(origin.x, y + (h - label_h[i]) * 0.5f), p.ink, lane.label, label_w - 10);
    const float x0 = x_of(std::clamp(lane.from, 0, last_day)) + 2, x1 = x_of(std::clamp(lane.to, 0, last_day) + 1) - 2;
    const float by = y + (h - bar_h) * 0.5f;
    dl->AddRectFilled(ImVec2(x0, by), ImVec2(std::max(x1, x0 + 4), by + bar_h), lane.colour, bar_h * 0.35f);
    y += h + lane_gap;
  }
  chart_item(id, name, origin, ImVec2(width, height));
}

void maintenance_chart(const char* id, const char* name, const MaintenanceData& d, float width) {
  const Palette& p = palette();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const int first = days_from_civil(d.start);
  const int last = std::max(days_from_civil(add_months(d.start, 12 * std::max(d.years, 1))), days_from_civil(d.course_end) + 30);
  const int span = std::max(last - first, 1);
  const float axis_h = 22, band_h = 16, dots_h = 30, legend_h = 26;
  width -= 10.0f;  // room for a top-up dot on the last day
  const float height = axis_h + band_h + 10 + dots_h + legend_h;
  auto x_of = [&](const Date& date) {
    return origin.x + std::clamp(static_cast<float>(days_from_civil(date) - first) / static_cast<float>(span), 0.0f, 1.0f) * width;
  };
  const float band_y = origin.y + axis_h, dots_y = band_y + band_h + 10 + dots_h * 0.5f;
  dl->AddRectFilled(ImVec2(origin.x, band_y), ImVec2(origin.x + width, band_y + band_h), p.surface_alt, 6.0f);
  // Year marks.
  for (int y = 0; y <= std::max(d.years, 1); ++y) {
    float x = x_of(add_months(d.start, 12 * y));
    dl->AddLine(ImVec2(x, band_y - 4), ImVec2(x, origin.y + axis_h + band_h + 10 + dots_h), p.border, 1.0f);
    if (y < std::max(d.years, 1)) {
      std::string label = d.year_label;
      auto at = label.find("{n}");
      if (at != std::string::npos) label.replace(at, 3, std::to_string(y + 1));
      draw_text(dl, FontRole::Small, ImVec2(x + 4, origin.y + 2), p.ink_muted, label);
    }
  }
  // The course, then how long results usually last (a soft band that fades between the low and high ends).
  float xc0 = x_of(d.start), xc1 = std::max(x_of(d.course_end), xc0 + 4);
  dl->AddRectFilled(ImVec2(xc0, band_y), ImVec2(xc1, band_y + band_h), p.primary, 6.0f);
  if (d.lasts_low && d.lasts_high) {
    float xl = x_of(*d.lasts_low), xh = x_of(*d.lasts_high);
    ImU32 soft = with_alpha(p.primary, 70);
    if (xl > xc1) dl->AddRectFilled(ImVec2(xc1, band_y + 3), ImVec2(xl, band_y + band_h - 3), soft);
    if (xh > xl)
      dl->AddRectFilledMultiColor(ImVec2(std::max(xl, xc1), band_y + 3), ImVec2(xh, band_y + band_h - 3), soft,
                                  with_alpha(p.primary, 0), with_alpha(p.primary, 0), soft);
  }
  // Maintenance sessions.
  for (const Date& s : d.sessions) {
    ImVec2 c(x_of(s), dots_y);
    dl->AddCircleFilled(c, 7.0f, p.surface);
    dl->AddCircle(c, 7.0f, p.primary, 0, 2.0f);
    dl->AddCircleFilled(c, 3.0f, p.primary);
  }
  // Legend.
  float lx = origin.x, ly = origin.y + axis_h + band_h + 10 + dots_h + 6;
  auto legend = [&](ImU32 swatch, const std::string& label, bool dot) {
    ImVec2 ts = measure(FontRole::Small, label);
    if (lx + 22 + ts.x > origin.x + width && lx > origin.x) return;  // no room: the text below says it too
    if (dot) {
      dl->AddCircle(ImVec2(lx + 7, ly + ts.y * 0.5f), 6.0f, p.primary, 0, 2.0f);
    } else {
      dl->AddRectFilled(ImVec2(lx, ly + 3), ImVec2(lx + 14, ly + ts.y - 3), swatch, 3.0f);
    }
    draw_text(dl, FontRole::Small, ImVec2(lx + 20, ly), p.ink_muted, label);
    lx += 20 + ts.x + 18;
  };
  legend(p.primary, d.course_label, false);
  if (d.lasts_low) legend(with_alpha(p.primary, 90), d.lasts_label, false);
  if (!d.sessions.empty()) legend(0, d.session_label, true);
  // Today, when it falls on the chart.
  int today = days_from_civil(d.today);
  if (today >= first && today <= last) dashed_vline(dl, x_of(d.today), band_y - 4, dots_y + dots_h * 0.5f, p.focus, 1.5f);
  chart_item(id, name, origin, ImVec2(width, height));
}

namespace {
struct QrCache {
  std::string text;
  std::array<std::uint8_t, qrcodegen_BUFFER_LEN_MAX> code{};
  bool ok = false;
};
const QrCache& qr_cache(const std::string& text) {
  static QrCache cache;
  static std::array<std::uint8_t, qrcodegen_BUFFER_LEN_MAX> scratch;
  if (cache.text != text || (!cache.ok && !text.empty())) {
    cache.text = text;
    // False when the text does not fit a QR code (the caller then shows the link text only).
    cache.ok = !text.empty() && qrcodegen_encodeText(text.c_str(), scratch.data(), cache.code.data(), qrcodegen_Ecc_MEDIUM,
                                                     qrcodegen_VERSION_MIN, qrcodegen_VERSION_MAX, qrcodegen_Mask_AUTO, true);
  }
  return cache;
}
}  // namespace

int qr_modules(const std::string& text) {
  const QrCache& c = qr_cache(text);
  return c.ok ? qrcodegen_getSize(c.code.data()) : 0;
}

void cost_chart(const char* id, const char* name, const CostChartData& d, float width) {
  const Palette& p = palette();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  // One series (Estimate) or several (Compare); each is a band from low to high with the usual case as a line.
  std::vector<CostSeries> single;
  if (d.series.empty()) single.push_back({d.typical_label, p.primary, d.months});
  const std::vector<CostSeries>& series = d.series.empty() ? single : d.series;
  std::size_t points = 0;
  double top = 0;
  for (const CostSeries& s : series) {
    points = std::max(points, s.months.size());
    for (const CostPoint& c : s.months) top = std::max(top, c.high);
  }
  const int months = std::max(static_cast<int>(points) - 1, 1);
  const double axis_max = nice_axis_max(top);
  // The axis labels take the widest of their texts; the plot takes the rest.
  float label_w = 0;
  for (int k = 0; k <= 4; ++k) label_w = std::max(label_w, measure(FontRole::Small, d.money(axis_max * k / 4)).x);
  const float left = label_w + 8, plot_w = std::max(width - left - 8, 60.0f);
  const float plot_h = std::clamp(width * 0.45f, 150.0f, 240.0f), below = 24;
  const float x0 = origin.x + left, y0 = origin.y + 8, y1 = y0 + plot_h;
  auto x_of = [&](double month) { return x0 + static_cast<float>(month / months) * plot_w; };
  auto y_of = [&](double v) { return y1 - static_cast<float>(std::clamp(v / axis_max, 0.0, 1.0)) * plot_h; };
  // Grid and amounts.
  for (int k = 0; k <= 4; ++k) {
    const float y = y_of(axis_max * k / 4);
    dl->AddLine(ImVec2(x0, y), ImVec2(x0 + plot_w, y), k == 0 ? p.ink_muted : p.border, 1.0f);
    const std::string label = d.money(axis_max * k / 4);
    const ImVec2 ts = measure(FontRole::Small, label);
    draw_text(dl, FontRole::Small, ImVec2(x0 - 8 - ts.x, y - ts.y * 0.5f), p.ink_muted, label);
  }
  // Years.
  for (int m = 0; m <= months; m += 12) {
    const float x = x_of(m);
    dl->AddLine(ImVec2(x, y0), ImVec2(x, y1 + 4), p.border, 1.0f);
    std::string label = m == 0 ? d.start_label : d.year_label;
    if (const auto at = label.find("{n}"); at != std::string::npos) label.replace(at, 3, std::to_string(m / 12));
    const ImVec2 ts = measure(FontRole::Small, label);
    const float lx = std::clamp(x - ts.x * 0.5f, origin.x, x0 + plot_w - ts.x);
    draw_text(dl, FontRole::Small, ImVec2(lx, y1 + 6), p.ink_muted, label);
  }
  // The bands from low to high, as steps (payments fall on dates); lighter where several overlap.
  const int band_alpha = series.size() > 1 ? 26 : 60;
  for (const CostSeries& s : series)
    for (int m = 0; m < months && m + 1 < static_cast<int>(s.months.size()); ++m) {
      const CostPoint& c = s.months[static_cast<std::size_t>(m)];
      dl->AddRectFilled(ImVec2(x_of(m), y_of(c.high)), ImVec2(x_of(m + 1), y_of(c.low)), with_alpha(s.colour, band_alpha));
    }
  // The usual cases as lines over them. Corners only: repeated or collinear points make a thick anti-aliased line
  // bulge.
  for (const CostSeries& s : series) {
    if (s.months.empty()) continue;
    std::vector<ImVec2> line = {ImVec2(x_of(0), y_of(s.months[0].typical))};
    for (int m = 1; m < static_cast<int>(s.months.size()) && m <= months; ++m) {
      const float y = y_of(s.months[static_cast<std::size_t>(m)].typical);
      if (y == line.back().y) continue;
      line.push_back(ImVec2(x_of(m), line.back().y));
      line.push_back(ImVec2(x_of(m), y));
    }
    if (line.back().x < x_of(months)) line.push_back(ImVec2(x_of(months), line.back().y));
    dl->AddPolyline(line.data(), static_cast<int>(line.size()), s.colour, ImDrawFlags_None, 2.5f);
    dl->AddCircleFilled(line.back(), 4.0f, s.colour);
  }
  // Legend, in rows as wide as the chart: each line's name, then what the shading means.
  const float row_h = font_px(FontRole::Small) + 10;
  float lx = origin.x, ly = y1 + below + 4;
  auto legend = [&](ImU32 colour, const std::string& label, bool is_line) {
    const ImVec2 ts = measure(FontRole::Small, label);
    if (lx > origin.x && lx + 22 + ts.x > origin.x + width) {
      lx = origin.x;
      ly += row_h;
    }
    if (is_line)
      dl->AddLine(ImVec2(lx, ly + ts.y * 0.5f), ImVec2(lx + 16, ly + ts.y * 0.5f), colour, 2.5f);
    else
      dl->AddRectFilled(ImVec2(lx, ly + 3), ImVec2(lx + 16, ly + ts.y - 3), colour, 3.0f);
    draw_text(dl, FontRole::Small, ImVec2(lx + 22, ly), series.size() > 1 ? p.ink : p.ink_muted, label);
    lx += 22 + ts.x + 18;
  };
  for (const CostSeries& s : series) legend(s.colour, s.label, true);
  legend(with_alpha(series.size() > 1 ? p.ink_muted : p.primary, 60), d.low_label + " – " + d.high_label, false);
  chart_item(id, name, origin, ImVec2(width, ly + row_h - origin.y));
}

bool qr_code(const char* id, const char* name, const std::string& text, float size) {
  const QrCache& c = qr_cache(text);
  if (!c.ok) return false;
  const int n = qrcodegen_getSize(c.code.data());
  const int quiet = 4;
  const float module = std::max(3.0f, std::floor(size / static_cast<float>(n + quiet * 2)));  // 3 px: scannable
  const float full = module * static_cast<float>(n + quiet * 2);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  pos = ImVec2(std::floor(pos.x), std::floor(pos.y));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + full, pos.y + full), IM_COL32_WHITE, 6.0f);
  const float ox = pos.x + module * quiet, oy = pos.y + module * quiet;
  for (int y = 0; y < n; ++y) {
    int x = 0;
    while (x < n) {
      if (!qrcodegen_getModule(c.code.data(), x, y)) {
        ++x;
        continue;
      }
      int run = x;
      while (run < n && qrcodegen_getModule(c.code.data(), run, y)) ++run;
      dl->AddRectFilled(ImVec2(ox + module * static_cast<float>(x), oy + module * static_cast<float>(y)),
                        ImVec2(ox + module * static_cast<float>(run), oy + module * static_cast<float>(y + 1)), IM_COL32_BLACK);
      x = run;
    }
  }
  chart_item(id, name, pos, ImVec2(full, full));
  return true;
}

}  // namespace mn::ui
