// Compare: every treatment the clinic offers, side by side, ranked for the person (compare_json(): the same JSON as
// `navigator compare`), with the reasons for each position, bars for recovery and course cost, and a way on to
// Estimate. Wider screens get a table-like grid, one row per treatment; phones one card per treatment.
#include <algorithm>
#include <string>
#include <vector>

#include "core/candidacy_rules.hpp"
#include "core/catalog.hpp"
#include "core/civil_date.hpp"
#include "core/content.hpp"
#include "core/estimate.hpp"
#include "core/text.hpp"
#include "core/timing.hpp"
#include "imgui_internal.h"
#include "ui/charts.hpp"
#include "ui/colors.hpp"
#include "ui/decision.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"

namespace mn::ui {
namespace {

using Json = nlohmann::ordered_json;

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// Shared scales, so bars of different treatments compare by eye.
struct Axes {
  double downtime = 1, cost = 1;
  std::string currency;
};

Axes axes_for(const Json& rows, const AppState& st) {
  Axes a;
  a.currency = st.clinic.currency;
  double dmax = 0, cmax = 0;
  for (const Json& r : rows) {
    if (r.contains("downtime_days") && field(r, "downtime_days").is_object()) dmax = std::max(dmax, num(field(r, "downtime_days"), "high"));
    if (str(r, "currency") == a.currency && r.contains("course_cost")) cmax = std::max(cmax, num(field(r, "course_cost"), "high"));
  }
  a.downtime = nice_axis_max(std::max(dmax, 7.0));
  a.cost = nice_axis_max(cmax);
  return a;
}

// When results begin: {0, 0} means on the day (fillers), not "none".
std::string onset_text(const Json& range) {
  if (range.is_object() && num(range, "low") == 0 && num(range, "high") == 0) return tr("compare.onset_now");
  return days_text(range);
}

// False when every treatment shares one rank (nothing to rank by yet, e.g. no concern chosen).
bool ranked(const Json& comparison) {
  const Json& rows = field(comparison, "treatments");
  for (const Json& r : rows)
    if (num(r, "rank") != num(rows.front(), "rank")) return true;
  return false;
}

bool is_microneedling(const Json& r) { return str(r, "family") == "microneedling"; }

// ---------------------------------------------------------------- the person's profile and the filter

bool questionnaire_started(const Profile& p) {
  return p.age || p.fitzpatrick || p.fitzpatrick_quiz || !p.concerns.empty() || p.conditions || p.medications ||
         p.pregnant_or_breastfeeding || p.recent_procedures || p.sun || p.max_downtime_days || p.budget;
}

std::string concerns_list(const AppState& st, const std::vector<ConcernAnswer>& concerns) {
  std::string list;
  for (const ConcernAnswer& c : concerns) {
    if (!list.empty()) list += ", ";
    list += concern_name(st, c.id) + " (" + severity_words(c.severity) + ")";
  }
  return list;
}

void profile_status(AppState& st, const Json& comparison) {
  const Palette& p = palette();
  const Profile profile = st.candidacy.answers.profile();
  const auto concerns = effective_concerns(st);
  if (!questionnaire_started(profile)) {
    std::string body = tr("compare.not_answered");
    if (!concerns.empty()) body += "\n\n" + fill(tr("compare.plan_concerns"), {{"list", concerns_list(st, concerns)}});
    callout(body.c_str(), p.warning);
    gap(8);
    if (button(tr("compare.answer"), ButtonKind::Secondary, st.layout.form == FormFactor::Phone ? -1.0f : 0.0f, st.layout.target_h))
      st.go(Screen::Candidacy);
    gap(16);
    return;
  }
  std::string skin = comparison.contains("fitzpatrick") && field(comparison, "fitzpatrick").is_number()
                         ? fill(tr("compare.skin_type"), {{"type", roman(field(comparison, "fitzpatrick").get<int>())}})
                         : std::string(tr("compare.skin_unknown"));
  std::string list = concerns.empty() ? std::string(tr("compare.no_concerns")) : concerns_list(st, concerns);
  text(fill(tr("compare.based_on"), {{"skin", skin}, {"concerns", list}}).c_str(), FontRole::Body, p.ink);
  if (button(tr("compare.change_answers"), ButtonKind::Quiet, 0.0f, st.layout.target_h)) {
    st.candidacy.show_results = false;
    st.go(Screen::Candidacy);
  }
  gap(12);
}

void concern_filter(AppState& st) {
  DecisionState& ds = st.decision;
  const float h = st.layout.touch ? 44.0f : 36.0f;
  text(tr("compare.filter"), FontRole::H3);
  gap(4);
  std::vector<std::string> mine;
  for (const ConcernAnswer& c : effective_concerns(st)) mine.push_back(c.id);
  const bool show_all = ds.all_concerns || mine.empty() ||
                        (!ds.concern_filter.empty() && std::find(mine.begin(), mine.end(), ds.concern_filter) == mine.end());
  chips_begin();
  if (chip("filter.all", tr("compare.filter.all"), ds.concern_filter.empty(), h)) ds.concern_filter.clear();
  std::vector<std::string> ids = mine;
  if (show_all)
    for (std::string_view id : kConcernIds)
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.emplace_back(id);
  for (const std::string& id : ids) {
    std::string chip_id = "filter." + id;
    bool selected = ds.concern_filter == id;
    if (chip(chip_id.c_str(), concern_name(st, id).c_str(), selected, h)) ds.concern_filter = selected ? "" : id;
  }
  if (!show_all && chip("filter.more", tr("compare.filter.more"), false, h, mirror::Role::button)) ds.all_concerns = true;
  chips_end();
  gap(14);
}

// ---------------------------------------------------------------- pieces of a treatment's entry

std::string sessions_text(const Json& r) {
  const Json& s = field(r, "sessions");
  std::string range = number_range(s);
  return fill(tr(range == "1" ? "compare.one_session" : "compare.sessions_value"), {{"range", range}});
}

std::string interval_text(const Json& r) {
  if (!r.contains("interval_days") || !field(r, "interval_days").is_object() ||
      (num(field(r, "interval_days"), "low") == 0 && num(field(r, "interval_days"), "high") == 0))
    return tr("compare.single_visit");
  return fill(tr("compare.every"), {{"interval", days_text(field(r, "interval_days"))}});
}

std::string maintenance_text(const Json& r) {
  if (!r.contains("maintenance_months") || !field(r, "maintenance_months").is_object()) return tr("compare.maintenance_none");
  return fill(tr("compare.every"), {{"interval", months_text(field(r, "maintenance_months"))}});
}

std::string pih_label(const AppState& st, const Json& r) {
  std::string risk = str(r, "pih_risk");
  if (risk == "unknown" || risk.empty()) return tr("compare.pih_unknown");
  return capitalised(compare_string(st, "pih." + risk));
}

std::string pih_note(const Json& r, const Json& comparison) {
  std::string risk = str(r, "pih_risk");
  if (risk == "unknown" || risk.empty()) return tr("compare.pih_unknown_note");
  for (const Json& reason : field(r, "reasons"))
    if (str(reason, "key") == "fit.pih_risk_any_type") return tr("compare.pih_any");
  if (comparison.contains("fitzpatrick") && field(comparison, "fitzpatrick").is_number())
    return fill(tr("compare.pih_for_type"), {{"type", roman(field(comparison, "fitzpatrick").get<int>())}});
  return {};
}

std::string unit_note(const Json& r) {
  std::string unit = str(r, "price_unit");
  return unit == "area" || unit == "syringe" ? tr("compare.unit." + unit) : std::string();
}

std::string per_session_text(const AppState& st, const Json& r) {
  std::string out = money_range(clinic_money(st, str(r, "currency")), field(r, "price_per_session"));
  std::string unit = unit_note(r);
  return unit.empty() ? out : out + " " + unit;
}

// "Strong for: …" and "Good for: …" from the content's suit levels.
std::string best_for(const AppState& st, const std::string& id) {
  const Treatment* t = Content::builtin().treatment(id);
  if (!t) return {};
  std::string out;
  for (int level = 3; level >= 2; --level) {
    std::string list;
    for (std::string_view c : kConcernIds) {
      auto it = t->suits.find(c);
      if (it == t->suits.end() || it->second != level) continue;
      if (!list.empty()) list += ", ";
      list += concern_name(st, c);
    }
    if (list.empty()) continue;
    if (!out.empty()) out += "\n";
    out += fill(tr(level == 3 ? "compare.strong_for" : "compare.good_for"), {{"list", list}});
  }
  return out.empty() ? std::string(tr("compare.modest_for")) : out;
}

// A bar under a value, as wide as the column.
void bar_here(double low, double typical, double high, double axis_max) {
  ImVec2 pos = ImGui::GetCursorScreenPos();
  float w = ImGui::GetContentRegionAvail().x;
  range_bar(ImGui::GetWindowDrawList(), ImVec2(pos.x, pos.y + 5), w, 8, low, typical, high, axis_max, palette().primary);
  ImGui::Dummy(ImVec2(w, 20));
}

void downtime_cell(const Json& r, const Axes& axes) {
  text(days_text(field(r, "downtime_days")).c_str());
  const Json& d = field(r, "downtime_days");
  if (d.is_object()) bar_here(num(d, "low"), (num(d, "low") + num(d, "high")) / 2, num(d, "high"), axes.downtime);
}

void cost_cell(const AppState& st, const Json& r, const Axes& axes) {
  const Palette& p = palette();
  MoneyFormat money = clinic_money(st, str(r, "currency"));
  const Json& c = field(r, "course_cost");
  text(money_range(money, c).c_str());
  if (str(r, "currency") == axes.currency) bar_here(num(c, "low"), num(c, "typical"), num(c, "high"), axes.cost);
  text(money_usually(money, c).c_str(), FontRole::Small, p.ink_muted);
  std::string unit = unit_note(r);
  if (!unit.empty()) text(unit.c_str(), FontRole::Small, p.ink_muted);
  if (str(r, "price_source") != "clinic") text(tr("compare.published"), FontRole::Small, p.warning);
}

void pih_cell(const AppState& st, const Json& r, const Json& comparison) {
  ToneStyle tone = pih_tone(str(r, "pih_risk"));
  pill(pih_label(st, r), tone);
  std::string note = pih_note(r, comparison);
  if (!note.empty()) text(note.c_str(), FontRole::Small, palette().ink_muted);
}

// The rank in a circle, the name and the verdict.
void title_block(const AppState& st, const Json& r, bool show_rank) {
  const Palette& p = palette();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 pos = ImGui::GetCursorScreenPos();
  const float d = 34.0f;
  if (show_rank) {
    dl->AddCircleFilled(ImVec2(pos.x + d * 0.5f, pos.y + d * 0.5f), d * 0.5f, is_microneedling(r) ? p.primary : p.accent_soft);
    std::string rank = number_text(num(r, "rank"));
    ImVec2 ts = measure(FontRole::Button, rank);
    draw_text(dl, FontRole::Button, ImVec2(pos.x + (d - ts.x) * 0.5f, pos.y + (d - ts.y) * 0.5f),
              is_microneedling(r) ? p.on_primary : p.primary_active, rank);
  } else {  // no order to show: a plain marker in the same place
    dl->AddCircleFilled(ImVec2(pos.x + d * 0.5f, pos.y + d * 0.5f), d * 0.22f, is_microneedling(r) ? p.primary : p.border);
  }
  ColumnScope col;
  float w = ImGui::GetContentRegionAvail().x;
  column_begin(col, pos.x + d + 12, pos.y + 4, w - d - 12);
  text(str(r, "name").c_str(), FontRole::H3);
  gap(2);
  ToneStyle vt = verdict_tone(str(r, "verdict"));
  pill(str(r, "verdict_label"), vt);
  if (r.contains("wait") && field(r, "wait").is_object()) {
    for (TimeUnit unit : {TimeUnit::weeks, TimeUnit::months}) {
      const std::string name(time_unit_name(unit));
      if (!field(r, "wait").contains(name)) continue;
      Duration wait{static_cast<int>(num(field(r, "wait"), name.c_str())), unit};
      text(fill(tr("r.wait"), {{"time", CandidacyRules::builtin().duration_text(st.lang, wait)}}).c_str(), FontRole::Small, vt.ink);
    }
  }
  float bottom = column_end(col);
  ImGui::SetCursorScreenPos(ImVec2(pos.x, std::max(bottom, pos.y + d)));
  ImGui::Dummy(ImVec2(w, 0));
}

void reasons_block(const Json& r, bool show_rank) {
  const Palette& p = palette();
  text(show_rank ? fill(tr("compare.why"), {{"rank", number_text(num(r, "rank"))}}).c_str() : tr("compare.why_unranked"),
       FontRole::Small, p.ink_muted);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (const Json& reason : field(r, "reasons")) {
    double points = num(reason, "points");
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float cy = pos.y + font_px(FontRole::Body) * 0.62f;
    // A sign for what the reason did to the score: up, down, or neither.
    if (points > 0) {
      dl->AddTriangleFilled(ImVec2(pos.x + 2, cy + 3), ImVec2(pos.x + 12, cy + 3), ImVec2(pos.x + 7, cy - 4), p.success);
    } else if (points < 0) {
      dl->AddTriangleFilled(ImVec2(pos.x + 2, cy - 3), ImVec2(pos.x + 12, cy - 3), ImVec2(pos.x + 7, cy + 4), p.warning);
    } else {
      dl->AddCircleFilled(ImVec2(pos.x + 7, cy), 3.0f, p.ink_muted);
    }
    ImGui::Indent(20.0f);
    text(str(reason, "message").c_str());
    ImGui::Unindent(20.0f);
  }
}

void details_block(AppState& st, const Json& r, bool two_columns) {
  const std::string id = str(r, "id");
  const TreatmentText* tt = Content::builtin().treatment_text(st.lang, id);
  MoneyFormat money = clinic_money(st, str(r, "currency"));
  auto left = [&] {
    if (tt) {
      text(tr("compare.how"), FontRole::H3);
      text(tt->mechanism.c_str());
      gap(8);
      text(tr("compare.suits"), FontRole::H3);
      text(tt->good_for.c_str());
      gap(8);
    }
  };
  auto right = [&] {  // the row or card above shows the other figures
    fact(tr("compare.without_packages"), money_range(money, field(r, "course_cost_without_packages")));
    gap(4);
    fact(tr("compare.best_for"), best_for(st, id));
  };
  if (!two_columns) {
    right();
    gap(8);
    left();
    return;
  }
  float w = ImGui::GetContentRegionAvail().x;
  ImVec2 start = ImGui::GetCursorScreenPos();
  ColumnScope c;
  column_begin(c, start.x, start.y, w * 0.58f - 12);
  left();
  float b1 = column_end(c);
  column_begin(c, start.x + w * 0.58f + 12, start.y, w * 0.42f - 12);
  right();
  float b2 = column_end(c);
  ImGui::SetCursorScreenPos(ImVec2(start.x, std::max(b1, b2)));
  ImGui::Dummy(ImVec2(w, 0));
}

// "Estimate this" and "Details": the row's actions.
void actions(AppState& st, const Json& r, bool phone) {
  DecisionState& ds = st.decision;
  const std::string id = str(r, "id");
  const bool open = ds.open_row == id;
  std::string est = std::string(tr("compare.estimate_this")) + "##est." + id;
  std::string more = std::string(tr(open ? "compare.details.hide" : "compare.details.show")) + "##more." + id;
  float w = ImGui::GetContentRegionAvail().x;
  // A phone shares the row between the two, unless a label needs more than half (then one a row).
  const float need = std::max({button_need(tr("compare.estimate_this")), button_need(tr("compare.details.show")),
                               button_need(tr("compare.details.hide"))});
  const bool stacked = phone && need > (w - 12) * 0.5f;
  float bw = stacked ? w : phone ? (w - 12) * 0.5f : 0.0f;
  // Many rows have the same buttons: the mirror names each with its treatment.
  auto mirror_name = [&](const char* key) { return fill(tr("mirror.action_for"), {{"action", tr(key)}, {"name", str(r, "name")}}); };
  const bool estimate = button(est.c_str(), ButtonKind::Secondary, bw, st.layout.target_h);
  mirror::name_last_control(mirror_name("compare.estimate_this"));
  if (estimate) {
    ds.treatment = id;
    st.go(Screen::Estimate);
  }
  if (!stacked) ImGui::SameLine(0, 12);
  const bool details = button(more.c_str(), ButtonKind::Quiet, bw, st.layout.target_h);
  mirror::name_last_control(mirror_name(open ? "compare.details.hide" : "compare.details.show"));
  if (details) ds.open_row = open ? "" : id;
}

// A treatment's entry as a row of the mirror's comparison table (what its card or grid row shows, in words).
std::vector<std::string> mirror_row(const AppState& st, const Json& r, const Json& comparison) {
  auto lines = [](std::initializer_list<std::string> parts) {
    std::string out;
    for (const std::string& part : parts)
      if (!part.empty()) out += (out.empty() ? "" : "\n") + part;
    return out;
  };
  std::string verdict = str(r, "verdict_label");
  if (r.contains("wait") && field(r, "wait").is_object()) {
    for (TimeUnit unit : {TimeUnit::weeks, TimeUnit::months}) {
      const std::string name(time_unit_name(unit));
      if (!field(r, "wait").contains(name)) continue;
      Duration wait{static_cast<int>(num(field(r, "wait"), name.c_str())), unit};
      verdict = lines({verdict, fill(tr("r.wait"), {{"time", CandidacyRules::builtin().duration_text(st.lang, wait)}})});
    }
  }
  MoneyFormat money = clinic_money(st, str(r, "currency"));
  const Json& c = field(r, "course_cost");
  std::string why;
  for (const Json& reason : field(r, "reasons")) why = lines({why, str(reason, "message")});
  return {
      fill(tr("compare.table.ranked"), {{"rank", number_text(num(r, "rank"))}, {"name", str(r, "name")}}),
      verdict,
      lines({sessions_text(r), fill(tr("compare.usually"), {{"n", number_text(num(field(r, "sessions"), "typical"))}}), interval_text(r),
             fill(tr("compare.pain_line"), {{"n", number_text(num(r, "pain"))}})}),
      days_text(field(r, "downtime_days")),
      lines({money_range(money, c), money_usually(money, c), unit_note(r),
             str(r, "price_source") != "clinic" ? std::string(tr("compare.published")) : std::string()}),
      lines({pih_label(st, r), pih_note(r, comparison)}),
      lines({std::string(tr("compare.onset")) + ": " + onset_text(field(r, "onset_days")),
             std::string(tr("compare.lasts")) + ": " + months_text(field(r, "duration_months")),
             std::string(tr("compare.maintenance")) + ": " + maintenance_text(r),
             std::string(tr("compare.per_session")) + ": " + per_session_text(st, r)}),
      why,
  };
}

ImU32 row_fill(const Json& r) { return is_microneedling(r) ? IM_COL32(0xF0, 0xF7, 0xF4, 0xFF) : 0; }

// ---------------------------------------------------------------- phone: one card per treatment

void phone_card(AppState& st, const Json& r, const Json& comparison, const Axes& axes, bool show_rank) {
  const Palette& p = palette();
  CardScope card;
  card_begin(card, 18.0f, row_fill(r), is_microneedling(r) ? p.primary : 0);
  mirror::mute_begin();  // the mirror's table has these figures
  title_block(st, r, show_rank);
  gap(6);
  const TreatmentText* tt = Content::builtin().treatment_text(st.lang, str(r, "id"));
  if (tt) text(tt->short_text.c_str(), FontRole::Small, p.ink_muted);
  gap(10);

  // Two columns of facts.
  float w = ImGui::GetContentRegionAvail().x;
  float cw = (w - 16) * 0.5f;
  auto pair = [&](auto&& left, auto&& right) {
    ImVec2 start = ImGui::GetCursorScreenPos();
    ColumnScope c;
    column_begin(c, start.x, start.y, cw);
    left();
    float b1 = column_end(c);
    column_begin(c, start.x + cw + 16, start.y, cw);
    right();
    float b2 = column_end(c);
    ImGui::SetCursorScreenPos(ImVec2(start.x, std::max(b1, b2) + 8));
    ImGui::Dummy(ImVec2(w, 0));
  };
  pair([&] { fact(tr("compare.col.sessions"), sessions_text(r)); text(fill(tr("compare.usually"), {{"n", number_text(num(field(r, "sessions"), "typical"))}}).c_str(), FontRole::Small, p.ink_muted); },
       [&] { fact(tr("compare.interval"), interval_text(r)); });
  pair([&] { text(tr("compare.col.downtime"), FontRole::Small, p.ink_muted); downtime_cell(r, axes); },
       [&] { fact(tr("compare.discomfort"), fill(tr("compare.pain"), {{"n", number_text(num(r, "pain"))}})); });
  pair([&] { fact(tr("compare.onset"), onset_text(field(r, "onset_days"))); },
       [&] { fact(tr("compare.lasts"), months_text(field(r, "duration_months"))); });
  pair([&] { fact(tr("compare.maintenance"), maintenance_text(r)); },
       [&] { fact(tr("compare.per_session"), per_session_text(st, r)); });
  pair([&] { text(tr("compare.col.cost"), FontRole::Small, p.ink_muted); cost_cell(st, r, axes); },
       [&] { text(tr("compare.col.pih"), FontRole::Small, p.ink_muted); pih_cell(st, r, comparison); });
  reasons_block(r, show_rank);
  mirror::mute_end();
  gap(10);
  if (st.decision.open_row == str(r, "id")) {
    rule(2, 10);
    details_block(st, r, false);
    gap(6);
  }
  actions(st, r, true);
  card_end(card);
  gap(14);
}

// ---------------------------------------------------------------- wider screens: a grid, one row per treatment

struct Grid {
  float x[5], w[5];
};

Grid grid_for(float width) {
  const float frac[5] = {0.30f, 0.16f, 0.19f, 0.20f, 0.15f};
  const float gutter = 16.0f;
  Grid g{};
  float x = 0;
  for (int i = 0; i < 5; ++i) {
    g.x[i] = x;
    g.w[i] = width * frac[i] - gutter;
    x += width * frac[i];
  }
  return g;
}

void grid_header(const AppState& st, const Axes& axes, float pad) {
  const Palette& p = palette();
  ImVec2 start = ImGui::GetCursorScreenPos();
  float width = ImGui::GetContentRegionAvail().x - pad * 2;
  Grid g = grid_for(width);
  const char* titles[5] = {"compare.col.treatment", "compare.col.sessions", "compare.col.downtime", "compare.col.cost",
                           "compare.col.pih"};
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float x0 = start.x + pad;
  float h = 0;
  for (int i = 0; i < 5; ++i) h = std::max(h, draw_text(dl, FontRole::Small, ImVec2(x0 + g.x[i], start.y), p.ink_muted, tr(titles[i]), g.w[i]).y);
  // The scales of the two bar columns.
  MoneyFormat money = clinic_money(st, axes.currency);
  std::string dmax = fill(tr("unit.days"), {{"n", number_text(axes.downtime)}});
  std::string cmax = money(axes.cost);
  float sy = start.y + h + 2;
  draw_text(dl, FontRole::Small, ImVec2(x0 + g.x[2], sy), p.ink_muted, "0");
  draw_text(dl, FontRole::Small, ImVec2(x0 + g.x[2] + g.w[2] - measure(FontRole::Small, dmax).x, sy), p.ink_muted, dmax);
  draw_text(dl, FontRole::Small, ImVec2(x0 + g.x[3], sy), p.ink_muted, money(0));
  draw_text(dl, FontRole::Small, ImVec2(x0 + g.x[3] + g.w[3] - measure(FontRole::Small, cmax).x, sy), p.ink_muted, cmax);
  ImGui::Dummy(ImVec2(width, h + font_px(FontRole::Small) + 10));
}

void grid_row(AppState& st, const Json& r, const Json& comparison, const Axes& axes, bool show_rank) {
  const Palette& p = palette();
  CardScope card;
  card_begin(card, 18.0f, row_fill(r), is_microneedling(r) ? p.primary : 0);
  mirror::mute_begin();  // the mirror's table has these figures
  float width = ImGui::GetContentRegionAvail().x;
  Grid g = grid_for(width);
  ImVec2 start = ImGui::GetCursorScreenPos();
  float bottom = start.y;
  ColumnScope c;
  column_begin(c, start.x + g.x[0], start.y, g.w[0]);
  title_block(st, r, show_rank);
  gap(4);
  if (const TreatmentText* tt = Content::builtin().treatment_text(st.lang, str(r, "id")))
    text(tt->short_text.c_str(), FontRole::Small, p.ink_muted);
  bottom = std::max(bottom, column_end(c));

  column_begin(c, start.x + g.x[1], start.y + 4, g.w[1]);
  text(sessions_text(r).c_str());
  text(fill(tr("compare.usually"), {{"n", number_text(num(field(r, "sessions"), "typical"))}}).c_str(), FontRole::Small, p.ink_muted);
  text(interval_text(r).c_str(), FontRole::Small, p.ink_muted);
  text(fill(tr("compare.pain_line"), {{"n", number_text(num(r, "pain"))}}).c_str(), FontRole::Small, p.ink_muted);
  bottom = std::max(bottom, column_end(c));

  column_begin(c, start.x + g.x[2], start.y + 4, g.w[2]);
  downtime_cell(r, axes);
  bottom = std::max(bottom, column_end(c));

  column_begin(c, start.x + g.x[3], start.y + 4, g.w[3]);
  cost_cell(st, r, axes);
  bottom = std::max(bottom, column_end(c));

  column_begin(c, start.x + g.x[4], start.y + 4, g.w[4]);
  pih_cell(st, r, comparison);
  bottom = std::max(bottom, column_end(c));

  ImGui::SetCursorScreenPos(ImVec2(start.x, bottom + 12));
  ImGui::Dummy(ImVec2(width, 0));
  // The other figures of the comparison, on one line.
  std::string more = std::string(tr("compare.onset")) + ": " + onset_text(field(r, "onset_days")) + "   ·   " + tr("compare.lasts") + ": " +
                     months_text(field(r, "duration_months")) + "   ·   " + tr("compare.maintenance") + ": " + maintenance_text(r) +
                     "   ·   " + tr("compare.per_session") + ": " + per_session_text(st, r);
  text(more.c_str(), FontRole::Small, p.ink);
  gap(8);
  reasons_block(r, show_rank);
  mirror::mute_end();
  gap(8);
  if (st.decision.open_row == str(r, "id")) {
    rule(2, 10);
    details_block(st, r, true);
    gap(6);
  }
  actions(st, r, false);
  card_end(card);
  gap(12);
}

void group_heading(const std::string& group) {
  if (group == "suitable") return;
  gap(8);
  text(tr(("compare.group." + group).c_str()), FontRole::H2);
  gap(6);
}

// ---------------------------------------------------------------- cost over time
constexpr std::size_t kMaxWeighed = 3;

// The treatments the chart weighs: the person's picks that are still in the list, else the first three.
std::vector<std::string> weighed(const AppState& st, const Json& rows) {
  std::vector<std::string> out;
  for (const std::string& id : st.decision.weighing)
    for (const Json& r : rows)
      if (str(r, "id") == id && out.size() < kMaxWeighed) out.push_back(id);
  if (!out.empty()) return out;
  // The best three that may suit; where fewer than two may, the next in the list beside them.
  for (const Json& r : rows)
    if (out.size() < kMaxWeighed && str(r, "group") == "suitable") out.push_back(str(r, "id"));
  for (const Json& r : rows)
    if (out.size() < 2 && std::find(out.begin(), out.end(), str(r, "id")) == out.end()) out.push_back(str(r, "id"));
  return out;
}

struct WeighedCost {
  std::string id;
  std::vector<Amounts> cumulative;  // paid by the end of month 0..kChartMonths
};

// Each treatment's estimate over three years (the typical areas for the concerns, packages where they save, top-ups
// to keep results), from the core's estimate(): the same figures the Estimate screen shows for it. Cached: estimates
// are made again only when what they depend on changes.
const std::vector<WeighedCost>& weighed_costs(const AppState& st, const std::vector<std::string>& ids) {
  static std::string key;
  static std::vector<WeighedCost> cache;
  const Date start = st.decision.start.value_or(earliest_without_answers(st.decision.today, st.clinic.first_session_after_days));
  std::string k = st.decision.compare_key + '|' + iso_date(start) + '|';
  for (const std::string& id : ids) k += id + ',';
  if (k == key) return cache;
  key = std::move(k);
  cache.clear();
  const std::vector<ConcernAnswer> concerns = effective_concerns(st);
  for (const std::string& id : ids) {
    const Treatment* t = Content::builtin().treatment(id);
    if (!t || !st.clinic.offers(id)) continue;
    EstimateOptions o;
    o.start = start;
    o.maintenance_years = 3;
    if (!check_options(*t, o, st.clinic).empty()) continue;
    cache.push_back({id, estimate(*t, concerns, o, st.clinic).cumulative});
  }
  return cache;
}

// What the options being weighed would cost over three years: a line (the usual case) and a band (lowest to highest)
// per treatment, picked by the person (up to three), with the same figures as a table for screen readers.
void cost_over_time(AppState& st, const Json& rows) {
  if (rows.size() < 2) return;  // nothing to weigh
  const Palette& p = palette();
  const std::vector<std::string> ids = weighed(st, rows);
  CardScope card;
  card_begin(card);
  const std::string title = tr("compare.cost_time.title");
  text(title.c_str(), FontRole::H2);
  text(fill(tr("compare.cost_time.lead"), {{"count", std::to_string(kMaxWeighed)}}).c_str(), FontRole::Body, p.ink_muted);
  gap(6);
  // The picks: a chip per treatment; a fourth pick replaces the oldest.
  chips_begin();
  for (const Json& r : rows) {
    const std::string id = str(r, "id");
    const bool on = std::find(ids.begin(), ids.end(), id) != ids.end();
    if (chip(("weigh_" + id).c_str(), str(r, "name").c_str(), on, st.layout.target_h * 0.8f, mirror::Role::checkbox)) {
      std::vector<std::string> next = ids;
      if (on) {
        if (next.size() > 1) next.erase(std::find(next.begin(), next.end(), id));
      } else {
        if (next.size() >= kMaxWeighed) next.erase(next.begin());
        next.push_back(id);
      }
      st.decision.weighing = next;
    }
  }
  chips_end();
  gap(8);

  const std::vector<WeighedCost>& costs = weighed_costs(st, ids);
  const MoneyFormat money = clinic_money(st, st.clinic.currency);
  CostChartData d = cost_chart_words(money);
  mirror::table_begin(title + " (" + st.clinic.currency + ")",
                      {tr("compare.col.treatment"), tr("compare.cost_time.year1"), tr("compare.cost_time.year3")}, " ");
  Json shown = Json::array();
  for (std::size_t i = 0; i < costs.size(); ++i) {
    const WeighedCost& c = costs[i];
    CostSeries series{treatment_name(st, c.id), rgb(colors::series[i % kMaxWeighed]), {}};
    for (const Amounts& a : c.cumulative) series.months.push_back({a[Level::low], a[Level::typical], a[Level::high]});
    const auto at = [&](std::size_t month) {
      const Amounts& a = c.cumulative[std::min(month, c.cumulative.size() - 1)];
      return fill(tr("compare.cost_time.cell"), {{"range", money.range(a[Level::low], a[Level::high], MoneyPrecision::whole)},
                                                 {"typical", money(a[Level::typical], MoneyPrecision::whole)}});
    };
    if (!c.cumulative.empty()) {
      mirror::table_row({series.label, at(12), at(kChartMonths)});
      shown.push_back({{"id", c.id}, {"year1", at(12)}, {"year3", at(kChartMonths)}});
    }
    d.series.push_back(std::move(series));
  }
  mirror::table_end();
  st.decision.shown["cost_time"] = shown;
  if (!d.series.empty()) cost_chart("compare_cost_chart", title.c_str(), d, ImGui::GetContentRegionAvail().x);
  gap(4);
  text(tr("compare.cost_time.note"), FontRole::Small, p.ink_muted);
  card_end(card);
  gap(16);
}

}  // namespace

void draw_compare(AppState& st) {
  decision_screen_begin(st, "compare.title", "compare.lead");
  const Palette& p = palette();
  const bool phone = st.layout.form == FormFactor::Phone;
  const Json& comparison = decision_compare(st);
  profile_status(st, comparison);
  concern_filter(st);

  if (!comparison.contains("treatments")) {
    callout(tr("compare.failed"), p.danger);
    screen_footer(st);
    return;
  }
  const Json& rows = field(comparison, "treatments");
  if (rows.empty()) {
    callout(fill(tr("compare.filter.empty"), {{"concern", concern_name(st, st.decision.concern_filter)}}).c_str(), p.warning);
    screen_footer(st);
    return;
  }
  const bool show_rank = ranked(comparison);  // once a frame: every card needs it
  text(fill(tr(show_rank ? "compare.count" : "compare.count_unranked"), {{"count", std::to_string(rows.size())}}).c_str(),
       FontRole::H2);
  // The prices use the clinic's local symbol: the legend names the currency once, and a tax added at checkout (the
  // course costs here are before it; Estimate and My plan add it as a line).
  std::string money_note = fill(tr("estimate.cost.currency_note"), {{"currency", st.clinic.currency}});
  if (const auto& tax = st.clinic.tax; tax && !tax->included && tax->rate_percent > 0) {
    const std::string& tax_name = tax->name.get(st.lang);
    money_note = fill(tr("compare.before_tax"),
                      {{"currency", st.clinic.currency},
                       {"tax", tax_name.empty() ? std::string(tr("compare.tax")) : tax_name},
                       {"rate", format_percent(tax->rate_percent, clinic_money(st, st.clinic.currency).locale())}});
  }
  text((std::string(tr("compare.legend")) + " " + money_note).c_str(), FontRole::Small, p.ink_muted);
  gap(12);

  Axes axes = axes_for(rows, st);
  if (!phone) grid_header(st, axes, 18.0f);
  // The accessibility mirror: one table, a row per treatment; each entry's buttons follow it.
  mirror::table_begin(tr("compare.table.caption"),
                      {tr("compare.col.treatment"), tr("compare.table.fit"), tr("compare.col.sessions"), tr("compare.col.downtime"),
                       tr("compare.col.cost"), tr("compare.col.pih"), tr("compare.table.more"), tr("compare.table.why")},
                      fill(tr("compare.table.announce"), {{"count", std::to_string(rows.size())}, {"first", str(item(rows, 0), "name")}}));
  for (const Json& r : rows) mirror::table_row(mirror_row(st, r, comparison));
  mirror::table_end();
  std::string group = "suitable";
  for (const Json& r : rows) {
    std::string g = str(r, "group");
    if (g != group) {
      group = g;
      group_heading(group);
    }
    if (phone) phone_card(st, r, comparison, axes, show_rank);
    else grid_row(st, r, comparison, axes, show_rank);
  }
  gap(8);
  cost_over_time(st, rows);
  screen_footer(st);
}

}  // namespace mn::ui
