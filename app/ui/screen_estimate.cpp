// Estimate: sessions, a calendar, maintenance and costs for one treatment and the person's concerns, from
// estimate_json() (the same JSON as `navigator estimate`), with "what if" controls that update it at once:
// severities, start date, package, add-ons and years of maintenance. Every figure is a range.
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/content.hpp"
#include "core/pricing.hpp"
#include "core/text.hpp"
#include "imgui_internal.h"
#include "ui/charts.hpp"
#include "ui/decision.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"

namespace mn::ui {
namespace {

using Json = nlohmann::ordered_json;

Date date_of(const Json& j, const char* key) { return parse_iso_date(str(j, key)).value_or(Date{}); }

bool phone(const AppState& st) { return st.layout.form == FormFactor::Phone; }

// ---------------------------------------------------------------- the treatment and what the answers say about it

void treatment_picker(AppState& st) {
  DecisionState& ds = st.decision;
  text(tr("estimate.treatment"), FontRole::H3);
  gap(4);
  std::vector<std::string> ids = st.clinic.enabled_treatments();
  if (std::find(ids.begin(), ids.end(), ds.treatment) == ids.end()) ids.insert(ids.begin(), ds.treatment);
  const float h = st.layout.touch ? 44.0f : 36.0f;
  // On a phone the names fill a row each (nine rows, half a screen): one row names the chosen treatment and opens
  // the list, which closes again on a choice.
  if (phone(st) && !ds.picking_treatment) {
    if (link_row("treatment.chosen", treatment_name(st, ds.treatment).c_str(), tr("estimate.treatment_change"), palette().primary,
                 st.layout.touch ? 56.0f : 48.0f))
      ds.picking_treatment = true;
    gap(10);
    return;
  }
  chips_begin();
  for (const std::string& id : ids) {
    std::string chip_id = "treatment." + id;
    if (chip(chip_id.c_str(), treatment_name(st, id).c_str(), ds.treatment == id, h)) {
      ds.treatment = id;
      ds.picking_treatment = false;
    }
  }
  chips_end();
  gap(10);
}

void offered_note(const Json& e) {
  if (!e.value("offered", true)) {
    callout(fill(tr("estimate.not_offered"), {{"treatment", str(e, "name")}}).c_str(), palette().warning);
    gap(8);
  }
}

// ---------------------------------------------------------------- the summary

// A range shown as a bar under a tile's figure: low to high on a scale from 0 to `axis_max` (named at its end), the
// usual value marked.
struct TileRange {
  double low = 0, typical = 0, high = 0, axis_max = 0;
  std::string max_label;
};

// `label_h`: the tallest label in the tile's row, so that the figures of a row line up when one label wraps.
void stat_tile(const char* label, const std::string& value, const std::string& note, float width, float label_h,
               const TileRange* range = nullptr) {
  const Palette& p = palette();
  ImGui::BeginGroup();
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  ImGui::PushTextWrapPos(ImGui::GetCursorScreenPos().x + width - window->Pos.x + window->Scroll.x);
  const float label_top = ImGui::GetCursorScreenPos().y;
  text(label, FontRole::Small, p.ink_muted);
  const float label_end = label_top + label_h + ImGui::GetStyle().ItemSpacing.y;
  if (ImGui::GetCursorScreenPos().y < label_end) ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, label_end));
  text(value.c_str(), FontRole::H2);
  if (range && range->axis_max > 0 && range->high > range->low) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 ends = measure(FontRole::Small, range->max_label);
    const float bar_w = std::max(40.0f, width - ends.x - 40.0f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    draw_text(dl, FontRole::Small, ImVec2(at.x, at.y), p.ink_muted, "0");
    const float bx = at.x + measure(FontRole::Small, "0").x + 8.0f;
    range_bar(dl, ImVec2(bx, at.y + ends.y * 0.5f - 4.0f), bar_w, 8.0f, range->low, range->typical, range->high,
              range->axis_max, p.primary);
    draw_text(dl, FontRole::Small, ImVec2(bx + bar_w + 8.0f, at.y), p.ink_muted, range->max_label);
    ImGui::Dummy(ImVec2(width, ends.y + 4.0f));
  }
  if (!note.empty()) text(note.c_str(), FontRole::Small, p.ink_muted);
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
}

std::string sessions_reason(const AppState& st, const Json& s) {
  const std::string source = str(s, "source");
  if (source == "severity" && s.contains("decided_by") && field(s, "decided_by").is_object())
    return fill(tr("estimate.sessions.severity"), {{"concern", concern_name(st, str(field(s, "decided_by"), "concern"))},
                                                    {"severity", severity_words(static_cast<int>(num(field(s, "decided_by"), "severity")))}});
  if (source == "clinic") return tr("estimate.sessions.clinic");
  return tr(effective_concerns(st).empty() ? "estimate.sessions.no_concerns" : "estimate.sessions.course");
}

Date course_end(const Json& e) {
  Date end = date_of(e, "start");
  for (const Json& v : field(e, "visits"))
    if (!v.value("beyond_typical", false)) end = date_of(v, "date");
  return end;
}

// How long after the first session results show: from the clearer change to most of the change (the milestones'
// typical dates), in days for quick treatments and months for courses, and the note under it. Empty without
// milestones.
struct ResultsShow {
  std::string value, note;
};
ResultsShow results_show(AppState& st, const Json& e) {
  const Date start = date_of(e, "start");
  int from = -1, to = -1;
  Date full = start;  // the last milestone: most of the change
  for (const Json& m : field(e, "milestones")) {
    const std::string key = str(m, "key");
    full = date_of(m, "date");
    const int days = days_between(start, full);
    if (key == "first_glow") continue;  // a glow is not the result asked for
    if (from < 0 || key == "significant") from = days;
    to = days;
  }
  if (to < 0) return {};
  const std::string note = fill(tr("estimate.results_note"), {{"date", date_text(st, full)}});
  if (to <= 45) {
    // Seen at once (filler): what follows is settling, not a result still to come.
    if (from == 0) return {tr("estimate.results_at_once"), fill(tr("estimate.results_settles"), {{"n", std::to_string(to)}})};
    if (from >= to) return {fill(tr("estimate.results_about_days"), {{"n", std::to_string(to)}}), note};
    return {fill(tr("estimate.results_days"), {{"from", std::to_string(from)}, {"to", std::to_string(to)}}), note};
  }
  const auto months = [](int days) { return std::max(1, static_cast<int>(std::lround(days / 30.44))); };
  if (months(from) >= months(to)) return {fill(tr("estimate.results_about_months"), {{"n", std::to_string(months(to))}}), note};
  return {fill(tr("estimate.results_months"), {{"from", std::to_string(months(from))}, {"to", std::to_string(months(to))}}), note};
}

void summary(AppState& st, const Json& e) {
  const Json& s = field(e, "sessions");
  const Json& costs = field(e, "costs");
  MoneyFormat money = clinic_money(st, str(costs, "currency"));
  std::string interval = field(e, "interval_days").is_object()
                             ? fill(tr("estimate.interval_value"), {{"range", days_text(field(e, "interval_days"))},
                                                                     {"typical", number_text(num(field(e, "interval_days"), "typical"))}})
                             : std::string(tr("estimate.single_visit"));
  std::string sessions = number_range(s);
  const Json& course_amounts = field(costs, "course_total");  // what is paid for the course: its lines' sum
  std::string course = money_range(money, course_amounts);
  DecisionState& ds = st.decision;
  ds.shown["sessions"] = sessions;
  ds.shown["sessions_typical"] = number_text(num(s, "typical"));
  ds.shown["start"] = date_text(st, date_of(e, "start"));
  ds.shown["course_end"] = date_text(st, course_end(e));
  ds.shown["course"] = course;
  const ResultsShow results = results_show(st, e);
  ds.shown["results"] = results.value;
  // The first session's note: after what, and (for a course of several visits) when it usually ends.
  std::string first_note = tr(str(field(e, "timing"), "kind") == "wait" ? "estimate.after_wait" : "estimate.after_consultation");
  if (days_between(date_of(e, "start"), course_end(e)) > 0)
    first_note += "; " + fill(tr("estimate.course_ends_note"), {{"date", date_text(st, course_end(e))}});

  CardScope card;
  card_begin(card);
  float w = ImGui::GetContentRegionAvail().x;
  const int cols = phone(st) ? 2 : 4;
  const float spacing = 16.0f;
  float tw = (w - spacing * static_cast<float>(cols - 1)) / static_cast<float>(cols);
  struct Tile { std::string label, value, note; };
  const Tile tiles[4] = {
      {tr("estimate.sessions"), sessions, fill(tr("estimate.usually_n"), {{"n", number_text(num(s, "typical"))}})},
      // Time to results, the question people ask first (the course's end is in the first session's note).
      {tr("estimate.results_show"), results.value.empty() ? std::string(tr("estimate.results_ask")) : results.value, results.note},
      {tr("estimate.first_session"), date_text(st, date_of(e, "start")), first_note},
      {tr("estimate.course_cost") + std::string(" (") + str(costs, "currency") + ")", course, money_usually(money, course_amounts)},
  };
  // The sessions and the course cost as ranges on a scale from 0 (the dates are points in time: no bar).
  std::array<TileRange, 4> ranges{};
  ranges[0] = {num(s, "low"), num(s, "typical"), num(s, "high"), nice_axis_max(num(s, "high")), ""};
  ranges[0].max_label = number_text(ranges[0].axis_max);
  const double cost_max = nice_axis_max(num(course_amounts, "high"));
  ranges[3] = {num(course_amounts, "low"), num(course_amounts, "typical"), num(course_amounts, "high"), cost_max,
               money(cost_max)};
  // The accessibility mirror: the tiles as a table; it is announced when a what-if changes it.
  mirror::table_begin(tr("estimate.table.summary"), {tr("estimate.table.item"), tr("estimate.table.value"), tr("estimate.table.note")},
                      fill(tr("estimate.table.summary_announce"), {{"sessions", sessions}, {"course", course}}));
  for (const Tile& t : tiles) mirror::table_row({t.label, t.value, t.note});
  mirror::table_end();
  mirror::mute_begin();
  ImVec2 origin = ImGui::GetCursorScreenPos();
  float row_bottom = origin.y;
  for (int i = 0; i < 4; ++i) {
    int col = i % cols;
    if (col == 0 && i > 0) origin.y = row_bottom + 18;
    float label_h = 0;
    for (int j = i - col; j < std::min(4, i - col + cols); ++j) label_h = std::max(label_h, measure(FontRole::Small, tiles[j].label, tw).y);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + (tw + spacing) * static_cast<float>(col), origin.y));
    stat_tile(tiles[i].label.c_str(), tiles[i].value, tiles[i].note, tw, label_h, ranges[i].axis_max > 0 ? &ranges[i] : nullptr);
    row_bottom = std::max(row_bottom, ImGui::GetItemRectMax().y);
  }
  mirror::mute_end();
  ImGui::SetCursorScreenPos(ImVec2(origin.x, row_bottom + 10));
  ImGui::Dummy(ImVec2(w, 0));
  text(sessions_reason(st, s).c_str(), FontRole::Body, palette().ink_muted);
  text(interval.c_str(), FontRole::Body, palette().ink_muted);
  card_end(card);
  gap(16);
}

// ---------------------------------------------------------------- what if

void set_severity(DecisionState& ds, const std::string& id, int severity) {
  for (ConcernAnswer& c : ds.severities)
    if (c.id == id) {
      c.severity = severity;
      return;
    }
  ds.severities.push_back({id, severity});
}

void what_if_concerns(AppState& st) {
  DecisionState& ds = st.decision;
  const Palette& p = palette();
  text(tr("estimate.whatif.concerns"), FontRole::H3);
  const auto concerns = effective_concerns(st);
  const auto own = st.candidacy.answers.profile().concerns;
  if (concerns.empty()) text(tr("estimate.whatif.no_concerns"), FontRole::Body, p.ink_muted);
  gap(4);
  for (const ConcernAnswer& c : concerns) {
    text(concern_name(st, c.id).c_str(), FontRole::Body);
    std::string labels[3];
    const char* ptrs[3];
    for (int i = 0; i < 3; ++i) {
      labels[i] = severity_name(i + 1) + "##sev." + c.id + "." + std::to_string(i + 1);
      ptrs[i] = labels[i].c_str();
    }
    int pressed = segmented(("whatif.sev." + c.id).c_str(), ptrs, 3, c.severity - 1, st.layout.touch ? 44.0f : 38.0f);
    if (pressed >= 0) set_severity(ds, c.id, pressed + 1);
    const bool added = std::none_of(own.begin(), own.end(), [&](const ConcernAnswer& o) { return o.id == c.id; });
    if (added) {
      std::string remove = std::string(tr("estimate.whatif.remove")) + "##remove." + c.id;
      if (button(remove.c_str(), ButtonKind::Quiet, 0.0f, st.layout.touch ? 40.0f : 34.0f))
        ds.severities.erase(std::remove_if(ds.severities.begin(), ds.severities.end(),
                                           [&](const ConcernAnswer& o) { return o.id == c.id; }),
                            ds.severities.end());
    }
    gap(8);
  }
  // Concerns this treatment works on that are not chosen yet.
  const Treatment* t = Content::builtin().treatment(ds.treatment);
  std::vector<std::string> more;
  if (t)
    for (const auto& suit : t->suits)
      if (suit.second >= 1 &&
          std::none_of(concerns.begin(), concerns.end(), [&](const ConcernAnswer& c) { return c.id == suit.first; }))
        more.push_back(suit.first);
  if (more.empty()) return;
  if (!ds.adding_concern) {
    if (button(tr("estimate.whatif.add"), ButtonKind::Quiet, 0.0f, st.layout.touch ? 44.0f : 36.0f)) ds.adding_concern = true;
    return;
  }
  text(tr("estimate.whatif.add_hint"), FontRole::Small, p.ink_muted);
  gap(4);
  chips_begin();
  for (const std::string& id : more) {
    std::string chip_id = "add." + id;
    if (chip(chip_id.c_str(), concern_name(st, id).c_str(), false, st.layout.touch ? 44.0f : 36.0f, mirror::Role::button)) {
      set_severity(ds, id, 2);
      ds.adding_concern = false;
    }
  }
  chips_end();
}

std::vector<std::string> ids_of(const Json& list) {
  std::vector<std::string> out;
  for (const Json& a : list) out.push_back(a.is_string() ? a.get<std::string>() : str(a, "id"));
  return out;
}

// The areas to treat. For each concern the treatment treats, a row of the areas that suit the concern and that the
// clinic prices, starting from the estimate's (the concern's default until the person picks); a pick is the
// concern's for every treatment of its kind. With no concern treated (or areas a link gave for the treatment), one
// row for the treatment.
void area_choice(AppState& st, const Json& e) {
  DecisionState& ds = st.decision;
  const Palette& p = palette();
  const Treatment* t = Content::builtin().treatment(ds.treatment);
  if (!t) return;
  const std::vector<std::string> offered = priced_areas(*t, st.clinic);
  if (offered.empty()) return;
  const Json& costs = field(e, "costs");
  const Json& pick = field(costs, "area_pick");
  text(tr("estimate.whatif.areas"), FontRole::H3);
  text(tr("estimate.whatif.areas_hint"), FontRole::Small, p.ink_muted);
  gap(4);
  const AreaKind kind = area_kind_of_treatment(t->id);
  const Json& rows = field(pick, "by_concern");
  if (rows.empty()) {
    if (auto next = area_chips(st, "area.", offered, ids_of(field(costs, "areas")))) ds.areas[ds.treatment] = std::move(*next);
  } else {
    const std::vector<ConcernAnswer> concerns = effective_concerns(st);
    for (const Json& row : rows) {
      const std::string concern = str(row, "concern");
      std::vector<std::string> choices;
      for (std::string_view a : concern_area_choices(concern))
        if (area_kind_of_area(a) == kind && area_priced(*t, st.clinic, a)) choices.emplace_back(a);
      if (choices.empty()) continue;
      gap(6);
      text(concern_name(st, concern).c_str(), FontRole::Body, p.ink_muted);
      gap(2);
      auto next = area_chips(st, "area." + concern + ".", choices, ids_of(field(row, "areas")));
      if (!next) continue;
      // The concern keeps its areas of other kinds (neurotoxin's, when this is microneedling, and the reverse).
      const auto it = std::find_if(concerns.begin(), concerns.end(), [&](const ConcernAnswer& c) { return c.id == concern; });
      if (it != concerns.end())
        for (const std::string& a : it->areas)
          if (area_kind_of_area(a) != kind) next->push_back(a);
      ds.concern_areas[concern] = std::move(*next);
      ds.areas.erase(ds.treatment);
    }
  }
  // Areas wanted that the clinic has no price for.
  if (const Json& left_out = field(pick, "left_out"); !left_out.empty()) {
    std::string names;
    for (const Json& a : left_out) names += (names.empty() ? "" : ", ") + str(a, "name");
    gap(6);
    const char* key = field(pick, "stand_in").is_boolean() && field(pick, "stand_in").get<bool>() ? "estimate.areas_stand_in"
                                                                                                  : "estimate.areas_left_out";
    text(fill(tr(key), {{"areas", names}, {"clinic", st.clinic.clinic.name},
                        {"instead", compare_string(st, "estimate.area." + str(item(field(costs, "areas"), 0), "id"))}})
             .c_str(),
         FontRole::Small, p.ink_muted);
  }
  gap(14);
}

void start_stepper(AppState& st, const Json& e) {
  DecisionState& ds = st.decision;
  const Date shown = date_of(e, "start");
  const Date earliest = parse_iso_date(str(field(e, "timing"), "earliest_start")).value_or(ds.today);
  const bool at_earliest = same_day(shown, earliest);
  text(tr("estimate.whatif.start"), FontRole::H3);
  text(date_text(st, shown).c_str(), FontRole::H2);
  if (at_earliest) text(tr("estimate.whatif.earliest"), FontRole::Small, palette().ink_muted);
  gap(4);
  struct Step { const char* key; int days, months; };
  const Step steps[4] = {{"estimate.whatif.month_earlier", 0, -1}, {"estimate.whatif.week_earlier", -7, 0},
                         {"estimate.whatif.week_later", 7, 0}, {"estimate.whatif.month_later", 0, 1}};
  const float h = st.layout.target_h, spacing = 10.0f;
  const float w = ImGui::GetContentRegionAvail().x;
  // Four in a row where every label fits its quarter (with the button's padding); else two rows of two, weeks
  // first; else (a narrow phone, a large text size) one a row.
  float need = 0;
  for (const Step& s : steps) need = std::max(need, button_need(tr(s.key)));
  const int per_row = need <= (w - spacing * 3) / 4.0f ? 4 : need <= (w - spacing) * 0.5f ? 2 : 1;
  const float bw = (w - spacing * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
  const int order[4] = {1, 2, 0, 3};  // weeks first, then months
  for (int k = 0; k < 4; ++k) {
    const Step& s = steps[per_row < 4 ? order[k] : k];
    Date next = s.months ? add_months(shown, s.months) : add_days(shown, s.days);
    next.year = std::clamp(next.year, kMinStartYear, kMaxStartYear);
    // Never before the earliest date the answers allow (after the consultation and any wait).
    const bool allowed = days_between(earliest, next) >= 0 && next.year < kMaxStartYear;
    if (k % per_row != 0) ImGui::SameLine(0, spacing);
    ImGui::BeginDisabled(!allowed);
    if (button(tr(s.key), ButtonKind::Secondary, bw, h) && allowed) ds.start = next;
    ImGui::EndDisabled();
  }
  if (!at_earliest) {
    if (button(tr("estimate.whatif.start_earliest"), ButtonKind::Quiet, 0.0f, h)) ds.start.reset();
  }
}

void package_choice(AppState& st, const Json& e) {
  DecisionState& ds = st.decision;
  std::vector<const Package*> packages;
  for (const Package& pk : st.clinic.packages)
    if (pk.treatment == ds.treatment) packages.push_back(&pk);
  if (packages.empty() || str(field(e, "costs"), "price_source") != "clinic") return;
  gap(14);
  text(tr("estimate.whatif.package"), FontRole::H3);
  gap(4);
  const float h = st.layout.touch ? 44.0f : 36.0f;
  using Kind = PackageChoice::Kind;
  chips_begin();
  if (chip("package.auto", tr("estimate.whatif.package_auto"), ds.package.kind == Kind::automatic, h)) ds.package = PackageChoice{};
  if (chip("package.none", tr("estimate.whatif.package_none"), ds.package.kind == Kind::none, h)) ds.package = PackageChoice::parse("none");
  for (const Package* pk : packages) {
    std::string chip_id = "package." + pk->id;
    bool selected = ds.package.kind == Kind::specific && ds.package.id == pk->id;
    if (chip(chip_id.c_str(), package_name(*pk, st.lang, st.clinic, Content::builtin()).c_str(), selected, h))
      ds.package = PackageChoice::parse(pk->id);
  }
  chips_end();
}

void addon_choice(AppState& st) {
  DecisionState& ds = st.decision;
  std::vector<const AddOn*> addons;
  for (const AddOn& a : st.clinic.addons)
    if (std::find(a.treatments.begin(), a.treatments.end(), ds.treatment) != a.treatments.end()) addons.push_back(&a);
  if (addons.empty() || !st.clinic.offers(ds.treatment)) return;
  gap(14);
  text(tr("estimate.whatif.addons"), FontRole::H3);
  gap(4);
  MoneyFormat money = clinic_money(st, st.clinic.currency);
  for (const AddOn* a : addons) {
    bool on = std::find(ds.addons.begin(), ds.addons.end(), a->id) != ds.addons.end();
    std::string detail = fill(tr("estimate.whatif.addon_price"), {{"price", money.range(a->price.low, a->price.high)}});
    std::string id = "addon." + a->id;
    if (choice_row(id.c_str(), a->name.get(st.lang).c_str(), detail.c_str(), on, true, st.layout.target_h)) {
      if (on) ds.addons.erase(std::remove(ds.addons.begin(), ds.addons.end(), a->id), ds.addons.end());
      else ds.addons.push_back(a->id);
    }
  }
}

void years_choice(AppState& st, const Json& e) {
  DecisionState& ds = st.decision;
  if (!field(field(e, "maintenance"), "every_months").is_object()) return;
  gap(14);
  text(tr("estimate.whatif.years"), FontRole::H3);
  gap(4);
  std::string labels[3];
  const char* ptrs[3];
  for (int i = 0; i < 3; ++i) {
    labels[i] = fill(tr(i == 0 ? "estimate.year_one" : "estimate.years_n"), {{"n", std::to_string(i + 1)}}) + "##years." +
                std::to_string(i + 1);
    ptrs[i] = labels[i].c_str();
  }
  int pressed = segmented("whatif.years", ptrs, 3, ds.maintenance_years - 1, st.layout.touch ? 44.0f : 38.0f);
  if (pressed >= 0) ds.maintenance_years = pressed + 1;
}

void what_if(AppState& st, const Json& e) {
  CardScope card;
  card_begin(card);
  text(tr("estimate.whatif.title"), FontRole::H2);
  text(tr("estimate.whatif.lead"), FontRole::Body, palette().ink_muted);
  gap(12);
  area_choice(st, e);
  what_if_concerns(st);
  gap(14);
  start_stepper(st, e);
  package_choice(st, e);
  addon_choice(st);
  years_choice(st, e);
  card_end(card);
  gap(16);
}

// ---------------------------------------------------------------- the calendar

std::vector<std::string> month_names() {
  std::vector<std::string> out;
  std::string all = tr("estimate.months");
  for (std::size_t from = 0; from <= all.size();) {
    std::size_t comma = std::min(all.find(',', from), all.size());
    out.push_back(all.substr(from, comma - from));
    from = comma + 1;
  }
  return out;
}

void legend_item(ImU32 colour, const std::string& label, int shape) {
  const Palette& p = palette();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 ts = measure(FontRole::Small, label);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  float cy = pos.y + ts.y * 0.5f;
  if (shape == 0) dl->AddRectFilled(ImVec2(pos.x, cy - 6), ImVec2(pos.x + 18, cy + 6), colour, 4.0f);
  if (shape == 1) dl->AddCircleFilled(ImVec2(pos.x + 9, cy), 8.0f, colour);
  if (shape == 2) dl->AddCircle(ImVec2(pos.x + 9, cy), 8.0f, colour, 0, 1.6f);
  if (shape == 3) {
    ImVec2 pts[4] = {ImVec2(pos.x + 9, cy - 6), ImVec2(pos.x + 15, cy), ImVec2(pos.x + 9, cy + 6), ImVec2(pos.x + 3, cy)};
    dl->AddConvexPolyFilled(pts, 4, p.accent_soft);
    dl->AddPolyline(pts, 4, colour, ImDrawFlags_Closed, 1.5f);
  }
  if (shape == 4)
    for (float y = cy - 7; y < cy + 7; y += 5) dl->AddLine(ImVec2(pos.x + 9, y), ImVec2(pos.x + 9, y + 3), colour, 1.5f);
  draw_text(dl, FontRole::Small, ImVec2(pos.x + 24, pos.y), p.ink, label);
  ImGui::Dummy(ImVec2(24 + ts.x, ts.y));
}

// The days after a session (the first one's stages; every session's are alike), as a chart named by the same words
// for the accessibility mirror.
void days_after(AppState& st, const Json& e) {
  const Json& first = item(field(e, "visits"), 0);
  if (field(first, "phases").empty()) return;
  DaysData d;
  d.axis_label = tr("estimate.cal.day");
  std::string list;
  const Date visit = date_of(first, "date");
  for (const Json& ph : field(first, "phases")) {
    const std::string key = str(ph, "key"), name = compare_string(st, "phase." + key);
    const int from = days_between(visit, date_of(ph, "from")), to = days_between(visit, date_of(ph, "to"));
    d.lanes.push_back({name, phase_colour(key), from, to});
    if (!list.empty()) list += ", ";
    list += fill(tr("estimate.cal.phase_days"), {{"phase", name}, {"from", std::to_string(from)}, {"to", std::to_string(to)}});
  }
  const std::string words = fill(tr("estimate.cal.after_each"), {{"list", list}});
  gap(14);
  text(tr("estimate.cal.days_title"), FontRole::H3);
  text(tr("estimate.cal.days_lead"), FontRole::Small, palette().ink_muted);
  gap(8);
  days_chart("days_after", words.c_str(), d, ImGui::GetContentRegionAvail().x);
}

void calendar(AppState& st, const Json& e) {
  const Palette& p = palette();
  DecisionState& ds = st.decision;
  TimelineData d;
  d.today = ds.today;
  d.months = month_names();
  d.sessions_label = tr("estimate.cal.sessions");
  d.results_label = tr("estimate.cal.results");
  d.today_label = tr("estimate.cal.today");
  d.lane_labels_left = !phone(st);
  // On a phone the course spans months in about 320 px, so stages a few days long would be slivers: there the
  // calendar keeps one "healing" row (the stages together) and the glow, and the days chart below shows each stage.
  const bool combine = phone(st);
  auto lane_of = [&](const std::string& key) {
    auto it = std::find(d.lanes.begin(), d.lanes.end(), key);
    if (it != d.lanes.end()) return static_cast<int>(it - d.lanes.begin());
    d.lanes.push_back(key);
    d.lane_labels.push_back(key == "healing" ? tr("estimate.cal.healing") : compare_string(st, "phase." + key));
    return static_cast<int>(d.lanes.size()) - 1;
  };
  for (const Json& v : field(e, "visits")) {
    d.visits.push_back({static_cast<int>(num(v, "number")), date_of(v, "date"), date_of(v, "earliest"), date_of(v, "latest"),
                        v.value("beyond_typical", false)});
    std::optional<TimelinePhase> healing;
    for (const Json& ph : field(v, "phases")) {
      std::string key = str(ph, "key");
      Date from = date_of(ph, "from"), to = date_of(ph, "to");
      if (combine && key != "glow") {
        if (!healing) healing = TimelinePhase{lane_of("healing"), from, to};
        if (days_from_civil(from) < days_from_civil(healing->from)) healing->from = from;
        if (days_from_civil(to) > days_from_civil(healing->to)) healing->to = to;
        continue;
      }
      d.phases.push_back({lane_of(key), from, to});
    }
    if (healing) d.phases.push_back(*healing);
  }
  for (const Json& m : field(e, "milestones")) d.milestones.push_back({compare_string(st, "milestone." + str(m, "key")), date_of(m, "date")});

  CardScope card;
  card_begin(card);
  text(tr("estimate.cal.title"), FontRole::H2);
  text(tr("estimate.cal.lead"), FontRole::Body, p.ink_muted);
  gap(12);
  timeline_chart("calendar", tr("estimate.cal.title"), d, ImGui::GetContentRegionAvail().x);
  gap(10);
  // Legend.
  {
    float w = ImGui::GetContentRegionAvail().x;
    ImVec2 start = ImGui::GetCursorScreenPos();
    float x = start.x, y = start.y, line_h = font_px(FontRole::Small) + 8;
    auto place = [&](float item_w) {
      if (x > start.x && x + item_w > start.x + w) {
        x = start.x;
        y += line_h;
      }
      ImGui::SetCursorScreenPos(ImVec2(x, y));
      x += item_w + 18;
    };
    auto entry = [&](ImU32 c, const std::string& label, int shape) {
      place(24 + measure(FontRole::Small, label).x);
      legend_item(c, label, shape);
    };
    entry(p.primary, tr("estimate.cal.session"), 1);
    entry(p.primary, tr("estimate.cal.if_needed"), 2);
    for (size_t i = 0; i < d.lanes.size(); ++i) entry(phase_colour(d.lanes[i]), d.lane_labels[i], 0);
    entry(p.primary, tr("estimate.cal.milestone"), 3);
    entry(p.focus, tr("estimate.cal.today"), 4);
    ImGui::SetCursorScreenPos(ImVec2(start.x, y + line_h));
    ImGui::Dummy(ImVec2(w, 0));
  }
  gap(8);
  text(tr("estimate.cal.spread"), FontRole::Small, p.ink_muted);
  days_after(st, e);
  rule(10, 10);

  // The same calendar as a list of dates (readable anywhere, and by screen readers).
  text(tr("estimate.cal.dates"), FontRole::H3);
  gap(4);
  float value_x = phone(st) ? 118.0f : 190.0f;
  struct Entry { std::string iso, label, note; FontRole role; };
  std::vector<Entry> agenda;
  for (const Json& v : field(e, "visits")) {
    std::string label = fill(tr("estimate.cal.session_n"), {{"n", number_text(num(v, "number"))}});
    std::string note;
    if (v.value("beyond_typical", false)) note = tr("estimate.cal.only_if_needed");
    if (str(v, "earliest") != str(v, "latest")) {
      std::string spread = fill(tr("estimate.cal.between"), {{"from", date_text(st, str(v, "earliest"))}, {"to", date_text(st, str(v, "latest"))}});
      note = note.empty() ? spread : note + " · " + spread;
    }
    agenda.push_back({str(v, "date"), label, note, FontRole::Button});
  }
  for (const Json& m : field(e, "milestones"))
    agenda.push_back({str(m, "date"), fill(tr("estimate.cal.from_about"), {{"milestone", compare_string(st, "milestone." + str(m, "key"))}}),
                      "", FontRole::Body});
  std::stable_sort(agenda.begin(), agenda.end(), [](const Entry& a, const Entry& b) { return a.iso < b.iso; });
  for (const Entry& a : agenda) fact_row(date_text(st, a.iso).c_str(), a.label, value_x, a.role, a.note);
  card_end(card);
  gap(16);
}

void maintenance(AppState& st, const Json& e) {
  const Palette& p = palette();
  const Json& m = field(e, "maintenance");
  CardScope card;
  card_begin(card);
  text(tr("estimate.after.title"), FontRole::H2);
  gap(4);
  const Json& lasts = field(e, "results_last_until");
  if (lasts.is_object())
    text(fill(tr("estimate.after.lasts"), {{"from", date_text(st, str(lasts, "low"))}, {"to", date_text(st, str(lasts, "high"))}}).c_str());
  if (!field(m, "every_months").is_object()) {
    text(tr("estimate.after.none"), FontRole::Body, p.ink_muted);
  } else {
    const Json& every = field(m, "every_months");
    // every_months: the low case is maintained least often, so its "low" is the largest number.
    Json span = {{"low", num(every, "high")}, {"high", num(every, "low")}};
    text(fill(tr("estimate.after.every"), {{"range", months_text(span)}, {"typical", number_text(num(every, "typical"))}}).c_str());
    text(fill(tr("estimate.after.count"), {{"range", number_range(field(m, "sessions"))}, {"years", number_text(num(m, "years"))}}).c_str(),
         FontRole::Body, p.ink_muted);
    gap(10);
    MaintenanceData d;
    d.start = date_of(e, "start");
    d.course_end = course_end(e);
    d.today = st.decision.today;
    if (lasts.is_object()) {
      d.lasts_low = date_of(lasts, "low");
      d.lasts_high = date_of(lasts, "high");
    }
    for (const Json& s : field(m, "dates")) d.sessions.push_back(parse_iso_date(s.is_string() ? s.get<std::string>() : std::string()).value_or(Date{}));
    d.years = static_cast<int>(num(m, "years"));
    d.course_label = tr("estimate.after.course");
    d.lasts_label = tr("estimate.after.lasting");
    d.session_label = tr("estimate.after.session");
    d.year_label = tr("estimate.after.year");
    maintenance_chart("maintenance", tr("estimate.after.title"), d, ImGui::GetContentRegionAvail().x);
    gap(6);
    std::string dates;
    for (const Date& s : d.sessions) dates += (dates.empty() ? "" : "; ") + date_text(st, s);
    text(dates.empty() ? tr("estimate.after.no_dates") : fill(tr("estimate.after.dates"), {{"dates", dates}}).c_str(),
         FontRole::Small, p.ink_muted);
  }
  card_end(card);
  gap(16);
}

// ---------------------------------------------------------------- costs

void money_fact(AppState& st, const char* label, const std::string& value, const std::string& note, bool strong = false) {
  const bool row = mirror::in_table();  // a row of the mirror's cost table instead of loose text
  if (row) {
    mirror::table_row({label, value, note});
    mirror::mute_begin();
  }
  if (phone(st)) {
    text(label, FontRole::Small, palette().ink_muted);
    text(value.c_str(), strong ? FontRole::H3 : FontRole::Body);
    if (!note.empty()) text(note.c_str(), FontRole::Small, palette().ink_muted);
    gap(8);
  } else {
    fact_row(label, value, ImGui::GetContentRegionAvail().x * 0.42f, strong ? FontRole::H3 : FontRole::Body, note);
  }
  if (row) mirror::mute_end();
}

void costs(AppState& st, const Json& e) {
  const Palette& p = palette();
  DecisionState& ds = st.decision;
  const Json& c = field(e, "costs");
  const MoneyFormat money = clinic_money(st, str(c, "currency"));
  auto range = [&](const Json& a) { return money_range(money, a); };
  auto usually = [&](const Json& a) { return money_usually(money, a); };
  Json course = {{"low", num(field(field(c, "course"), "low"), "cost")}, {"typical", num(field(field(c, "course"), "typical"), "cost")},
                 {"high", num(field(field(c, "course"), "high"), "cost")}};
  Json list = {{"low", num(field(field(c, "course"), "low"), "list")}, {"typical", num(field(field(c, "course"), "typical"), "list")},
               {"high", num(field(field(c, "course"), "high"), "list")}};

  CardScope card;
  card_begin(card);
  const std::string cost_title = fill(tr("estimate.cost.title"), {{"clinic", st.clinic.clinic.name}});
  text(cost_title.c_str(), FontRole::H2);
  text(fill(tr("estimate.cost.currency_note"), {{"currency", str(c, "currency")}}).c_str(), FontRole::Small, p.ink_muted);
  gap(8);
  mirror::table_begin(cost_title, {tr("estimate.table.item"), tr("estimate.table.value"), tr("estimate.table.note")},
                      fill(tr("estimate.table.cost_announce"), {{"clinic", st.clinic.clinic.name}, {"range", range(field(c, "first_year"))}}));
  Json areas_shown = Json::array();
  for (const Json& a : field(c, "areas")) {
    std::string note = usually(field(a, "per_session"));
    if (a.contains("units") && field(c, "unit_price").is_object()) {
      const std::string units = number_range(field(a, "units"));
      note = str(a, "units_source") == "clinic"
                 ? fill(tr("estimate.cost.units"), {{"units", units}, {"price", money_range(money, field(c, "unit_price"), MoneyPrecision::exact)}})
                 : fill(tr("estimate.cost.units_label"), {{"units", units}});
    }
    money_fact(st, str(a, "name").c_str(), range(field(a, "per_session")), note);
    areas_shown.push_back({{"id", str(a, "id")}, {"per_session", range(field(a, "per_session"))}});
  }
  ds.shown["areas"] = areas_shown;
  if (field(c, "syringes").is_object()) {
    const Json& sy = field(c, "syringes");
    money_fact(st, tr("estimate.cost.syringes"),
               fill(tr("estimate.cost.syringes_value"), {{"range", number_range(field(sy, "per_visit"))}, {"price", range(field(c, "base_price"))}}),
               str(sy, "source") == "clinic" ? std::string() : compare_string(st, "estimate.syringes_assumed"));
  }
  std::string per_session = range(field(c, "per_session"));
  if (c.contains("unit_note")) per_session += " " + std::string(tr(("compare.unit." + str(c, "price_unit")).c_str()));
  money_fact(st, tr("estimate.cost.per_session"), per_session, usually(field(c, "per_session")));
  money_fact(st, fill(tr("estimate.cost.course_list"), {{"sessions", number_range(field(e, "sessions"))}}).c_str(), range(list), usually(list));

  // Packages: which, and how much they save, case by case.
  bool any_saving = false;
  std::string package_lines;
  const char* case_keys[3] = {"estimate.cost.case_low", "estimate.cost.case_typical", "estimate.cost.case_high"};
  const char* cases[3] = {"low", "typical", "high"};
  for (int i = 0; i < 3; ++i) {
    const Json& pc = field(field(c, "course"), cases[i]);
    if (num(pc, "saving") <= 0) continue;
    any_saving = true;
    std::string used;
    for (const Json& pk : field(pc, "packages")) {
      if (!used.empty()) used += " + ";
      used += str(pk, "name");
      if (num(pk, "count") > 1) used += " × " + number_text(num(pk, "count"));
    }
    if (num(pc, "single_sessions") > 0)
      used += " + " + fill(tr("estimate.cost.singles"), {{"n", number_text(num(pc, "single_sessions"))}});
    std::string line = fill(tr(case_keys[i]), {{"n", number_text(num(pc, "sessions"))}}) + ": " + used + " — " +
                       fill(tr("estimate.cost.saves"), {{"amount", money(num(pc, "saving"))}});
    if (num(pc, "extra_sessions") > 0) line += " " + fill(tr("estimate.cost.extra"), {{"n", number_text(num(pc, "extra_sessions"))}});
    package_lines += (package_lines.empty() ? "" : "\n\n") + line;  // a blank line: a wrapped case stays one block
  }
  if (any_saving) {
    money_fact(st, tr("estimate.cost.packages"), package_lines, "");
  } else if (str(c, "price_source") == "clinic") {
    money_fact(st, tr("estimate.cost.packages"), tr(str(c, "package_choice") == "none" ? "estimate.cost.no_package_chosen"
                                                                                       : "estimate.cost.no_saving"), "");
  }
  // A membership, where it is the cheapest way to pay for the usual course.
  if (field(c, "membership").is_object() && field(field(c, "membership"), "typical").is_object()) {
    const Json& m = field(field(c, "membership"), "typical");
    std::string fee;
    for (const Membership& ms : st.clinic.memberships)
      if (ms.id == str(m, "id")) fee = money(ms.monthly_fee);
    money_fact(st, tr("estimate.cost.how_bought"),
               fill(tr("estimate.cost.membership"), {{"name", str(m, "name")}, {"months", number_text(num(m, "months"))}, {"fee", fee}}),
               fill(tr("estimate.cost.saves"), {{"amount", money(num(m, "saving"))}}));
  }
  // What is paid for the course, line by line; the lines add up to the course total.
  Json lines_shown = Json::object();
  for (const Json& line : field(c, "lines")) {
    const std::string kind = str(line, "kind");
    std::string label = tr(("estimate.cost.line." + kind).c_str());
    if (kind == "tax" && field(c, "tax").is_object())
      label = fill(label, {{"tax", str(field(c, "tax"), "name")}, {"rate", format_percent(num(field(c, "tax"), "rate_percent"), money.locale())}});
    const bool member = field(c, "membership").is_object() &&
                        std::any_of(field(c, "membership").begin(), field(c, "membership").end(), [](const Json& m) { return m.is_object(); });
    if (kind == "course" && any_saving && !member) label = tr("estimate.cost.course");
    // Cases may be bought differently (a membership in one, a package in another): the range spans all three.
    const double lo = std::min({num(line, "low"), num(line, "typical"), num(line, "high")});
    const double hi = std::max({num(line, "low"), num(line, "typical"), num(line, "high")});
    const Json span = {{"low", lo}, {"typical", num(line, "typical")}, {"high", hi}};
    money_fact(st, label.c_str(), range(span), usually(line));
    lines_shown[kind] = range(span);
  }
  money_fact(st, tr("estimate.cost.checkout"), range(field(c, "course_total")), usually(field(c, "course_total")), true);
  if (field(c, "tax").is_object() && field(c, "tax").value("included", false)) {
    const Json& t = field(c, "tax");
    money_fact(st, fill(tr("estimate.cost.tax_included"), {{"tax", str(t, "name")}, {"rate", format_percent(num(t, "rate_percent"), money.locale())}}).c_str(),
               range(field(t, "included_amount")), usually(field(t, "included_amount")));
  }
  if (field(field(e, "maintenance"), "every_months").is_object())
    money_fact(st, tr("estimate.cost.maintenance_year"), range(field(c, "maintenance_per_year")), usually(field(c, "maintenance_per_year")));
  rule(6, 10);
  money_fact(st, tr("estimate.cost.first_year"), range(field(c, "first_year")), usually(field(c, "first_year")), true);
  money_fact(st, tr("estimate.cost.three_years"), range(field(c, "three_years")), usually(field(c, "three_years")), true);
  const std::string years = number_text(num(field(c, "total"), "years"));
  if (years != "1" && years != "3")
    money_fact(st, fill(tr("estimate.cost.total"), {{"years", years}}).c_str(), range(field(c, "total")), usually(field(c, "total")), true);
  ds.shown["lines"] = lines_shown;
  ds.shown["three_years"] = range(c["three_years"]);
  ds.shown["per_session"] = range(c["per_session"]);
  ds.shown["course_list"] = range(list);
  ds.shown["course_total"] = range(c["course_total"]);
  ds.shown["first_year"] = range(c["first_year"]);
  ds.shown["total"] = range(c["total"]);
  mirror::table_end();

  // Financing.
  const Json& f = field(e, "financing");
  if (f.is_object()) {
    rule(6, 10);
    const std::string financing = fill(tr("estimate.cost.financing"), {{"apr", format_percent(num(f, "apr_percent"), money.locale())}});
    text(financing.c_str(), FontRole::H3);
    gap(4);
    mirror::table_begin(financing, {tr("estimate.table.term"), tr("estimate.table.monthly")}, " ");
    Json monthly_shown = Json::object();
    for (const Json& term : field(f, "terms")) {
      const Json& mo = field(term, "monthly");
      std::string value;
      if (field(mo, "low").is_number() && field(mo, "high").is_number()) {
        value = fill(tr("estimate.cost.per_month"), {{"range", money_range(money, mo, MoneyPrecision::exact)}});
      } else if (field(mo, "high").is_number()) {
        value = fill(tr("estimate.cost.per_month_up_to"), {{"amount", money(num(mo, "high"), MoneyPrecision::exact)}});
      } else {
        value = fill(tr("estimate.cost.from_amount"), {{"amount", money(num(f, "min_amount"))}});
      }
      std::string label = term.value("promotion", false)
                              ? fill(tr("estimate.cost.promotion"), {{"n", number_text(num(term, "months"))},
                                                                     {"apr", format_percent(num(term, "apr_percent"), money.locale())}})
                              : fill(tr("estimate.cost.months"), {{"n", number_text(num(term, "months"))}});
      monthly_shown[(term.value("promotion", false) ? "promo." : "") + number_text(num(term, "months"))] = value;
      money_fact(st, label.c_str(), value, "");
    }
    mirror::table_end();
    ds.shown["monthly"] = monthly_shown;
    text(fill(tr("estimate.cost.financing_note"), {{"amount", money(num(f, "min_amount"))}}).c_str(), FontRole::Small, p.ink_muted);
  }
  gap(6);
  if (c.contains("area_note")) text(str(c, "area_note").c_str(), FontRole::Small, p.warning);
  if (c.contains("unit_note")) text(str(c, "unit_note").c_str(), FontRole::Small, p.ink_muted);
  if (str(c, "price_source") != "clinic") text(tr("estimate.cost.published"), FontRole::Small, p.warning);
  text(tr("estimate.cost.note"), FontRole::Small, p.ink_muted);
  card_end(card);
  gap(16);
}

// The cumulative cost over three years: a band from the low to the high case with the usual case as a line, and the
// same figures as a table for screen readers.
void cost_over_time(AppState& st, const Json& e) {
  const Json& c = field(e, "costs");
  const std::string currency = str(c, "currency");
  const MoneyFormat money = clinic_money(st, currency);
  CardScope card;
  card_begin(card);
  const std::string title = tr("estimate.chart.title");
  text(title.c_str(), FontRole::H2);
  text(fill(tr("estimate.chart.lead"), {{"currency", currency}}).c_str(), FontRole::Body, palette().ink_muted);
  gap(8);
  // The JSON has every third month; the chart steps between them (payments fall on dates within the quarter).
  CostChartData d = cost_chart_words(money);
  for (const Json& point : field(c, "cumulative")) {
    const CostPoint cp{num(point, "low"), num(point, "typical"), num(point, "high")};
    while (static_cast<double>(d.months.size()) < num(point, "month")) d.months.push_back(d.months.empty() ? cp : d.months.back());
    d.months.push_back(cp);
  }
  mirror::table_begin(title + " (" + currency + ")",
                      {tr("estimate.chart.month"), tr("estimate.chart.low"), tr("estimate.chart.typical"), tr("estimate.chart.high")}, " ");
  Json chart_shown = Json::array();
  for (const Json& point : field(c, "cumulative")) {
    const int m = static_cast<int>(num(point, "month"));
    if (m % 6 != 0) continue;
    const std::string label = m == 0 ? std::string(tr("estimate.chart.start")) : fill(tr("estimate.chart.month_n"), {{"n", std::to_string(m)}});
    mirror::table_row({label, money(num(point, "low")), money(num(point, "typical")), money(num(point, "high"))});
    chart_shown.push_back({{"month", m}, {"low", money(num(point, "low"))}, {"typical", money(num(point, "typical"))}, {"high", money(num(point, "high"))}});
  }
  mirror::table_end();
  st.decision.shown["chart"] = chart_shown;
  if (d.months.size() > 1) cost_chart("cost_chart", title.c_str(), d, ImGui::GetContentRegionAvail().x);
  card_end(card);
  gap(16);
}

}  // namespace

void draw_estimate(AppState& st) {
  decision_screen_begin(st, "estimate.title", "estimate.lead");
  treatment_picker(st);
  const Json& e = decision_estimate(st);
  st.decision.shown = Json::object();
  if (!timing_notice(st, e, false)) {
    screen_footer(st);
    return;
  }
  if (estimate_failed(st, e, true)) return;
  offered_note(e);
  summary(st, e);
  what_if(st, e);
  calendar(st, e);
  maintenance(st, e);
  costs(st, e);
  cost_over_time(st, e);
  const bool is_phone = phone(st);
  if (button(tr("estimate.to_plan"), ButtonKind::Primary, is_phone ? -1.0f : 0.0f, st.layout.target_h)) st.go(Screen::Plan);
  if (!is_phone) ImGui::SameLine(0, 12);
  if (button(tr("estimate.to_compare"), ButtonKind::Secondary, is_phone ? -1.0f : 0.0f, st.layout.target_h)) st.go(Screen::Compare);
  screen_footer(st);
}

}  // namespace mn::ui
