#include "ui/decision.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <utility>

#include "core/catalog.hpp"
#include "core/civil_date.hpp"
#include "core/compare_json.hpp"
#include "core/content.hpp"
#include "core/profile_write.hpp"
#include "core/string_table.hpp"
#include "core/text.hpp"
#include "core/timing.hpp"
#include "imgui_internal.h"
#include "ui/charts.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"

namespace mn::ui {
namespace {

// Used only where no browser tells the date (native compile checks): any date the estimator accepts.
constexpr Date kFallbackToday{2027, 1, 4};
// How often the date is asked for again, so that "today" moves on at midnight in a page left open.
constexpr long long kTodayRecheckSeconds = 30;

Date read_today() {
  const DecisionPlatform& p = decision_platform();
  std::optional<Date> today = p.today ? parse_iso_date(p.today()) : std::nullopt;
  return today && today->year >= kMinStartYear && today->year <= kMaxStartYear ? *today : kFallbackToday;
}

bool addon_allowed(const ClinicConfig& clinic, const std::string& treatment, const std::string& id) {
  for (const AddOn& a : clinic.addons)
    if (a.id == id) return std::find(a.treatments.begin(), a.treatments.end(), treatment) != a.treatments.end();
  return false;
}

bool package_allowed(const ClinicConfig& clinic, const std::string& treatment, const PackageChoice& choice) {
  if (choice.kind != PackageChoice::Kind::specific) return true;
  for (const Package& p : clinic.packages)
    if (p.id == choice.id) return p.treatment == treatment;
  return false;
}

std::vector<std::string> usable_addons(const AppState& st) {
  std::vector<std::string> out;
  for (const std::string& id : st.decision.addons)
    if (addon_allowed(st.clinic, st.decision.treatment, id) && std::find(out.begin(), out.end(), id) == out.end())
      out.push_back(id);
  return out;
}

// The picked areas for the current treatment that this clinic prices, without overlaps (a later pick that overlaps
// an earlier one is left out); empty: the estimate uses the defaults for the concerns.
std::vector<std::string> usable_areas(const AppState& st) {
  std::vector<std::string> out;
  const auto it = st.decision.areas.find(st.decision.treatment);
  const Treatment* t = Content::builtin().treatment(st.decision.treatment);
  if (it == st.decision.areas.end() || !t) return out;
  for (const std::string& a : it->second) {
    const bool clash = std::any_of(out.begin(), out.end(), [&](const std::string& b) { return b == a || price_areas_overlap(a, b); });
    if (!clash && area_priced(*t, st.clinic, a) && out.size() < kMaxAreas) out.push_back(a);
  }
  return out;
}

PackageChoice usable_package(const AppState& st) {
  return package_allowed(st.clinic, st.decision.treatment, st.decision.package) ? st.decision.package : PackageChoice{};
}

// Chip-row layout state (chips_begin … chips_end).
struct ChipRow {
  float left = 0, right = 0, next_x = 0, line_y = 0, line_h = 0;
  bool first = true;
} g_chips;

}  // namespace

const nlohmann::ordered_json& field(const nlohmann::ordered_json& j, const char* key) {
  static const nlohmann::ordered_json null_value;
  if (!j.is_object()) return null_value;
  auto it = j.find(key);
  return it != j.end() ? *it : null_value;
}

const nlohmann::ordered_json& field(const nlohmann::ordered_json& j, const std::string& key) { return field(j, key.c_str()); }

const nlohmann::ordered_json& item(const nlohmann::ordered_json& j, std::size_t index) {
  static const nlohmann::ordered_json null_value;
  return j.is_array() && index < j.size() ? j[index] : null_value;
}

double num(const nlohmann::ordered_json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<double>() : 0.0;
}

std::string str(const nlohmann::ordered_json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

DecisionPlatform& decision_platform() {
  static DecisionPlatform platform;
  return platform;
}

// ---------------------------------------------------------------- the choice and the engines

void decision_prepare(AppState& st) {
  DecisionState& ds = st.decision;
  // One clock read a call; the browser is asked for the date only every kTodayRecheckSeconds.
  const long long now = static_cast<long long>(std::time(nullptr));
  if (ds.today_read_at < 0 || now - ds.today_read_at >= kTodayRecheckSeconds || now < ds.today_read_at) {
    ds.today_read_at = now;
    ds.today = read_today();  // no start chosen: the earliest moves on with it
  }
  // Only against the whole content: before it has arrived (web), no treatment is known yet.
  if (const Content& content = Content::builtin(); content.complete() && !content.treatment(ds.treatment))
    ds.treatment = "microneedling";
  ds.maintenance_years = std::clamp(ds.maintenance_years, 0, kMaxMaintenanceYears);
}

std::string answers_profile_json(const AppState& st) { return profile_json(st.candidacy.answers.profile()).dump(); }

std::vector<ConcernAnswer> effective_concerns(const AppState& st) {
  std::vector<ConcernAnswer> out = with_overrides(st.candidacy.answers.profile().concerns, st.decision.severities);
  for (ConcernAnswer& c : out) {
    const auto it = st.decision.concern_areas.find(c.id);
    if (it != st.decision.concern_areas.end() && !check_concern_areas(c.id, it->second)) c.areas = it->second;
  }
  return out;
}

std::string compare_profile_json(const AppState& st) {
  Profile p = st.candidacy.answers.profile();
  p.concerns = effective_concerns(st);
  return profile_json(p).dump();
}

WhatIf decision_what_if_for(const AppState& st) {
  WhatIf w;
  w.severities = st.decision.severities;
  w.package = usable_package(st);
  w.addons = usable_addons(st);
  w.maintenance_years = st.decision.maintenance_years;
  w.areas = usable_areas(st);
  for (const ConcernAnswer& c : effective_concerns(st))
    if (!c.areas.empty()) w.concern_areas.push_back({c.id, c.areas});
  return w;
}

const nlohmann::ordered_json& decision_compare(AppState& st) {
  DecisionState& ds = st.decision;
  std::string profile = compare_profile_json(st);
  std::string key = profile + '|' + std::string(lang_code(st.lang)) + '|' + ds.concern_filter + '|' + to_json(st.clinic);
  if (key != ds.compare_key) {
    ds.compare_key = std::move(key);
    ds.compare_profile = profile;
    AssessReply reply = compare_json(profile, st.lang, st.clinic, ds.concern_filter);
    ds.compare = nlohmann::ordered_json::parse(reply.json, nullptr, false);
  }
  return ds.compare;
}

const nlohmann::ordered_json& decision_estimate(AppState& st) {
  decision_prepare(st);
  DecisionState& ds = st.decision;
  const WhatIf w = decision_what_if_for(st);
  std::string profile = answers_profile_json(st);
  const std::string start = ds.start ? iso_date(*ds.start) : std::string();  // "": the earliest the answers allow
  std::string key = profile + '|' + ds.treatment + '|' + start + '|' + iso_date(ds.today) + '|' + std::string(lang_code(st.lang)) + '|' +
                    w.package.text() + '|' + std::to_string(w.maintenance_years) + '|';
  for (const std::string& a : w.addons) key += a + ',';
  key += '|';
  for (const std::string& a : w.areas) key += a + ',';
  key += '|';
  for (const ConcernAnswer& c : w.severities) key += c.id + '=' + std::to_string(c.severity) + ',';
  key += '|';
  for (const WhatIf::ConcernAreas& c : w.concern_areas) {
    key += c.concern + '=';
    for (const std::string& a : c.areas) key += a + '+';
    key += ',';
  }
  key += '|' + to_json(st.clinic);
  if (key != ds.estimate_key) {
    ds.estimate_key = std::move(key);
    ds.estimate_profile = profile;
    AssessReply reply = estimate_json(profile, ds.treatment, start, ds.today, st.lang, st.clinic, w);
    ds.estimate_ok = reply.ok();
    ds.estimate = nlohmann::ordered_json::parse(reply.json, nullptr, false);
  }
  return ds.estimate;
}

bool decision_dated(const AppState& st) {
  const std::string kind = str(field(st.decision.estimate, "timing"), "kind");
  return kind != "wait_open" && kind != "not_advised";
}

Date decision_start(const AppState& st) {
  const DecisionState& ds = st.decision;
  if (auto shown = parse_iso_date(str(ds.estimate, "start")); shown && ds.estimate_ok) return *shown;
  const Date earliest = earliest_without_answers(ds.today, st.clinic.first_session_after_days);
  return ds.start && days_between(*ds.start, earliest) <= 0 ? *ds.start : earliest;
}

// ---------------------------------------------------------------- what the three screens start with

void decision_screen_begin(AppState& st, const char* title_key, const char* lead_key) {
  decision_prepare(st);
  screen_header(title_key, lead_key);
}

bool estimate_failed(AppState& st, const nlohmann::ordered_json& e, bool details) {
  if (st.decision.estimate_ok && e.contains("sessions")) return false;
  std::string body = tr("estimate.failed");
  if (details && e.contains("errors"))
    for (const auto& err : field(e, "errors")) body += "\n" + str(err, "pointer") + ": " + str(err, "message");
  callout(body.c_str(), palette().danger);
  screen_footer(st);
  return true;
}

void bullets(const std::vector<std::string>& items, ImU32 marker, float spacing) {
  for (const std::string& item : items) {
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(pos.x + 7, pos.y + font_px(FontRole::Body) * 0.62f), 3.5f, marker);
    ImGui::Indent(22.0f);
    text(item.c_str());
    ImGui::Unindent(22.0f);
    gap(spacing);
  }
}

bool timing_notice(AppState& st, const nlohmann::ordered_json& e, bool on_plan) {
  const Palette& p = palette();
  const nlohmann::ordered_json& t = field(e, "timing");
  const std::string kind = str(t, "kind");
  const std::string name = str(e, "name");
  std::vector<std::string> reasons;
  for (const auto& r : field(t, "reasons")) reasons.push_back(str(r, "message"));
  auto why = [&](ImU32 marker) {
    if (reasons.empty()) return;
    gap(8);
    text(tr("timing.why"), FontRole::H3);
    bullets(reasons, marker, 4.0f);
  };
  if (kind == "wait_open" || kind == "not_advised") {
    const bool advised_against = kind == "not_advised";
    const ImU32 edge = advised_against ? p.danger : p.focus;
    CardScope card;
    card_begin(card, 20.0f, 0, edge);
    text(fill(tr("timing.none.title"), {{"treatment", name}}).c_str(), FontRole::H2);
    gap(4);
    text(fill(tr(advised_against ? "timing.not_advised.body" : "timing.wait_open.body"), {{"treatment", name}}).c_str());
    why(edge);
    if (on_plan) {
      gap(6);
      text(fill(tr("timing.none.plan"), {{"clinic", st.clinic.clinic.name}}).c_str(), FontRole::Body, p.ink_muted);
    }
    gap(10);
    const bool is_phone = st.layout.form == FormFactor::Phone;
    if (button(tr("timing.compare"), ButtonKind::Secondary, is_phone ? -1.0f : 0.0f, st.layout.target_h)) st.go(Screen::Compare);
    if (st.candidacy.show_results || !st.candidacy.answers.concerns.empty()) {
      if (!is_phone) ImGui::SameLine(0, 12);
      if (button(tr("timing.results"), ButtonKind::Quiet, is_phone ? -1.0f : 0.0f, st.layout.target_h))
        st.go(Place{Screen::Candidacy, st.candidacy.page, true});
    }
    card_end(card);
    gap(16);
    return false;
  }
  if (kind != "wait") {
    if (t.contains("requested_start")) {  // moved to after the consultation
      callout(fill(tr("timing.moved_consult"), {{"asked", date_text(st, str(t, "requested_start"))},
                                                {"date", date_text(st, str(t, "earliest_start"))}}).c_str(), p.focus);
      gap(12);
    }
    return true;
  }
  CardScope card;
  card_begin(card, 20.0f, 0, p.focus);
  text(tr("timing.wait.title"), FontRole::H3);
  gap(2);
  text(fill(tr("timing.wait.body"), {{"treatment", name}, {"date", date_text(st, str(t, "earliest_start"))}}).c_str());
  if (t.value("wait_up_to", false)) {
    gap(4);
    text(tr("timing.wait.up_to"), FontRole::Body, p.ink_muted);
  }
  if (t.contains("requested_start")) {
    gap(4);
    text(fill(tr("timing.moved"), {{"asked", date_text(st, str(t, "requested_start"))}}).c_str(), FontRole::Body, p.ink_muted);
  }
  why(p.focus);
  card_end(card);
  gap(16);
  return true;
}

// ---------------------------------------------------------------- the plan

Plan decision_plan(const AppState& st) {
  const DecisionState& ds = st.decision;
  Plan plan;
  plan.treatment = ds.treatment;
  plan.concerns = effective_concerns(st);
  plan.start = decision_start(st);
  plan.package = usable_package(st);
  plan.addons = usable_addons(st);
  plan.maintenance_years = ds.maintenance_years;
  plan.lang = st.lang;
  plan.areas = usable_areas(st);
  return plan;
}

std::string plan_link(const AppState& st) {
  const DecisionPlatform& p = decision_platform();
  return (p.page_address ? p.page_address() : std::string()) + "#plan=" + encode_plan(decision_plan(st));
}

// The choices a plan is made of, put on the decision screens (a link's, or the defaults after a refused link).
static void apply_choice(DecisionState& ds, std::string treatment, std::vector<ConcernAnswer> severities,
                         PackageChoice package, std::vector<std::string> addons, int maintenance_years) {
  ds.treatment = std::move(treatment);
  ds.severities = std::move(severities);
  ds.package = std::move(package);
  ds.addons = std::move(addons);
  ds.maintenance_years = maintenance_years;
}

void open_plan_link(AppState& st, std::string_view fragment) {
  decision_prepare(st);
  DecisionState& ds = st.decision;
  const bool shown_from_link = ds.link.kind == PlanLinkStatus::Kind::restored;
  ds.link = PlanLinkStatus{};
  PlanRead read = decode_plan(fragment);
  if (!read.ok()) {
    ds.link.kind = PlanLinkStatus::Kind::refused;
    ds.link.code = std::string(plan_error_name(read.error->code));
    // The refusal says the plan below starts on the earliest date: so it must. A plan an earlier link put on screen is not
    // this person's and goes; choices the person made here stay, except the start date.
    if (shown_from_link) {
      const DecisionState d;
      apply_choice(ds, d.treatment, d.severities, d.package, d.addons, d.maintenance_years);
      ds.concern_areas.clear();
    }
    ds.start.reset();  // the earliest the answers allow
  } else {
    const Plan& plan = read.plan;
    std::vector<ConcernAnswer> severities = plan.concerns;
    ds.concern_areas.clear();
    for (ConcernAnswer& c : severities)
      if (!c.areas.empty()) ds.concern_areas[c.id] = std::exchange(c.areas, {});
    apply_choice(ds, plan.treatment, std::move(severities), plan.package, plan.addons, plan.maintenance_years);
    ds.start = plan.start;
    ds.areas[plan.treatment] = plan.areas;
    ds.link.kind = PlanLinkStatus::Kind::restored;
    // Ids a link names are checked against the clinic when drawn (its configuration may still be loading).
    if (plan.package.kind == PackageChoice::Kind::specific) ds.link.dropped.push_back(plan.package.id);
    for (const std::string& a : plan.addons) ds.link.dropped.push_back(a);
    if (!st.lang_chosen) {  // the link carries the language it was made in, like ?lang=
      st.lang = plan.lang;
      st.lang_chosen = true;
      set_language(plan.lang);
    }
  }
  st.go(Screen::Plan);
}

// The ids of a restored link that this clinic does not offer for the plan's treatment.
std::vector<std::string> link_ids_left_out(const AppState& st) {
  std::vector<std::string> out;
  for (const std::string& id : st.decision.link.dropped) {
    bool is_package = false;
    for (const Package& p : st.clinic.packages)
      if (p.id == id) is_package = p.treatment == st.decision.treatment;
    if (!is_package && !addon_allowed(st.clinic, st.decision.treatment, id)) out.push_back(id);
  }
  return out;
}

std::string booking_address(const AppState& st) {
  const std::string& base = st.clinic.clinic.booking_url;
  if (base.empty()) return {};
  const Plan plan = decision_plan(st);
  if (!st.clinic.offers(plan.treatment)) return {};  // switched off at this clinic: nothing to book
  std::string sessions;
  const auto& e = st.decision.estimate;
  if (st.decision.estimate_ok && e.contains("sessions")) sessions = number_text(num(field(e, "sessions"), "typical"));
  std::string query = "treatment=" + plan.treatment;
  if (!sessions.empty()) query += "&sessions=" + sessions;
  // No date when the answers give none (advised against, or a wait of unknown length): a consultation first.
  if (decision_dated(st)) query += "&start=" + iso_date(plan.start);
  const std::size_t hash = base.find('#');
  std::string head = base.substr(0, hash), tail = hash == std::string::npos ? std::string() : base.substr(hash);
  const char joiner = head.find('?') == std::string::npos ? '?' : (head.back() == '?' || head.back() == '&' ? '\0' : '&');
  if (joiner) head += joiner;
  return head + query + tail;
}

void copy_finished(AppState& st, bool ok) {
  st.decision.copy = ok ? DecisionState::Copy::copied : DecisionState::Copy::failed;
  st.decision.copy_since = -1;
}

void share_finished(AppState& st) {
  if (st.decision.copy == DecisionState::Copy::pending) st.decision.copy = DecisionState::Copy::none;
}

// ---------------------------------------------------------------- words and numbers

std::string treatment_name(const AppState& st, std::string_view id) {
  return treatment_display_name(Content::builtin(), st.lang, id);
}

std::string concern_name(const AppState& st, std::string_view id) {
  const Concern* c = Content::builtin().concern(st.lang, id);
  return c ? c->name : std::string(id);
}

std::string severity_name(int severity) { return tr("q.severity." + std::to_string(std::clamp(severity, 1, 3))); }

std::string severity_words(int severity) {
  return StringTable::compare().get(language(), "severity." + std::to_string(std::clamp(severity, 1, 3)));
}

std::string roman(int number) {
  static const char* const kRoman[] = {"I", "II", "III", "IV", "V", "VI"};
  return number >= 1 && number <= 6 ? kRoman[number - 1] : std::to_string(number);
}

std::string date_text(const AppState& st, const Date& date) { return format_date(date, st.lang, st.clinic.locale); }

std::string date_text(const AppState& st, const std::string& iso) {
  auto d = parse_iso_date(iso);
  return d ? date_text(st, *d) : iso;
}

std::string compare_string(const AppState& st, std::string_view key) { return StringTable::compare().get(st.lang, key); }

MoneyFormat clinic_money(const AppState& st, const std::string& currency) {
  return MoneyFormat(currency.empty() ? st.clinic.currency : currency, st.clinic.locale);
}

std::string money_range(const MoneyFormat& money, const nlohmann::ordered_json& a, MoneyPrecision precision) {
  return money.range(num(a, "low"), num(a, "high"), precision);
}

CostChartData cost_chart_words(const MoneyFormat& money) {
  CostChartData d;
  d.year_label = tr("estimate.chart.year_n");
  d.start_label = tr("estimate.chart.start");
  d.low_label = tr("estimate.chart.low");
  d.typical_label = tr("estimate.chart.typical");
  d.high_label = tr("estimate.chart.high");
  d.money = [money](double v) { return money(v); };
  return d;
}

std::string money_usually(const MoneyFormat& money, const nlohmann::ordered_json& a, MoneyPrecision precision) {
  return fill(tr("estimate.usually"), {{"amount", money(num(a, "typical"), precision)}});
}

std::string number_range(const nlohmann::ordered_json& r) {
  const double lo = num(r, "low"), hi = num(r, "high");
  return lo == hi ? number_text(lo) : number_text(lo) + "–" + number_text(hi);
}

std::string days_text(const nlohmann::ordered_json& r) {
  if (!r.is_object()) return tr("compare.not_applicable");
  const double lo = num(r, "low"), hi = num(r, "high");
  if (lo == 0 && hi == 0) return tr("compare.none");
  auto whole_weeks = [](double d) { return d > 0 && std::fmod(d, 7.0) == 0.0; };
  if (hi >= 14 && whole_weeks(hi) && (lo == 0 || whole_weeks(lo))) {
    const double wl = lo / 7, wh = hi / 7;
    std::string n = wl == wh ? number_text(wl) : number_text(wl) + "–" + number_text(wh);
    return fill(tr("unit.weeks"), {{"n", n}});
  }
  std::string n = number_range(r);
  return fill(tr(lo == hi && hi == 1 ? "unit.day" : "unit.days"), {{"n", n}});
}

std::string months_text(const nlohmann::ordered_json& r) {
  if (!r.is_object()) return tr("compare.not_applicable");
  const double lo = num(r, "low"), hi = num(r, "high");
  if (lo == 0 && hi == 0) return tr("compare.none");
  return fill(tr(lo == hi && hi == 1 ? "unit.month" : "unit.months"), {{"n", number_range(r)}});
}

// ---------------------------------------------------------------- drawing helpers

float font_px(FontRole role) { return font(role)->FontSize * ImGui::GetIO().FontGlobalScale; }

ImVec2 measure(FontRole role, std::string_view s, float wrap) {
  ImFont* f = font(role);
  return f->CalcTextSizeA(font_px(role), FLT_MAX, wrap, s.data(), s.data() + s.size());
}

float button_need(std::string_view label) {
  return measure(FontRole::Button, label).x + ImGui::GetStyle().FramePadding.x * 2.0f + 8.0f;
}

ImVec2 draw_text(ImDrawList* dl, FontRole role, ImVec2 pos, ImU32 colour, std::string_view s, float wrap) {
  ImFont* f = font(role);
  add_text(dl, f, font_px(role), pos, colour, s.data(), s.data() + s.size(), wrap);
  return measure(role, s, wrap);
}

void chips_begin() {
  ImVec2 p = ImGui::GetCursorScreenPos();
  g_chips = ChipRow{};
  g_chips.left = g_chips.next_x = p.x;
  g_chips.right = p.x + ImGui::GetContentRegionAvail().x;
  g_chips.line_y = p.y;
}

bool chip(const char* id, const char* label, bool selected, float height, mirror::Role role) {
  const Palette& pal = palette();
  const float spacing = 8.0f, pad = 16.0f;
  const float max_w = g_chips.right - g_chips.left;
  ImVec2 ts = measure(FontRole::Body, label);
  const bool wraps = ts.x + pad * 2 > max_w;  // a long label (a package's name) takes a row and wraps
  if (wraps) ts = measure(FontRole::Body, label, max_w - pad * 2);
  float w = wraps ? max_w : ts.x + pad * 2;
  height = std::max(height, ts.y + 16.0f);
  const float radius = std::min(height * 0.5f, 22.0f);
  if (!g_chips.first && g_chips.next_x + w > g_chips.right + 0.5f) {
    g_chips.line_y += g_chips.line_h + spacing;
    g_chips.next_x = g_chips.left;
    g_chips.line_h = 0;
  }
  g_chips.first = false;
  ImVec2 pos(g_chips.next_x, g_chips.line_y);
  ImGui::SetCursorScreenPos(pos);
  bool pressed = ImGui::InvisibleButton(id, ImVec2(w, height));
  std::string name = std::string(label) + "##" + id;
  pressed |= name_item(ImGui::GetItemID(), name.c_str(), role, selected);  // the test bridge and the accessibility mirror
  bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 max(pos.x + w, pos.y + height);
  dl->AddRectFilled(pos, max, selected ? pal.primary : hovered ? pal.surface_alt : pal.surface, radius);
  dl->AddRect(pos, max, selected ? pal.primary : pal.border, radius, 0, 1.2f);
  draw_text(dl, FontRole::Body, ImVec2(wraps ? pos.x + pad : pos.x + (w - ts.x) * 0.5f, pos.y + (height - ts.y) * 0.5f),
            selected ? pal.on_primary : pal.ink, label, wraps ? max_w - pad * 2 : 0.0f);
  g_chips.next_x = pos.x + w + spacing;
  g_chips.line_h = std::max(g_chips.line_h, height);
  return pressed;
}

void chips_end() {
  ImGui::SetCursorScreenPos(ImVec2(g_chips.left, g_chips.line_y + g_chips.line_h));
  ImGui::Dummy(ImVec2(g_chips.right - g_chips.left, 0.0f));
}

std::optional<std::vector<std::string>> area_chips(AppState& st, const std::string& id_prefix,
                                                   const std::vector<std::string>& offered,
                                                   const std::vector<std::string>& current) {
  const float h = st.layout.touch ? 44.0f : 36.0f;
  std::optional<std::vector<std::string>> out;
  chips_begin();
  for (const std::string& id : offered) {
    const bool on = std::find(current.begin(), current.end(), id) != current.end();
    const std::string chip_id = id_prefix + id;
    if (!chip(chip_id.c_str(), compare_string(st, "estimate.area." + id).c_str(), on, h, mirror::Role::checkbox)) continue;
    std::vector<std::string> next;
    if (on) {
      for (const std::string& a : current)
        if (a != id) next.push_back(a);
      if (next.empty()) continue;  // at least one area: the last one stays
    } else {
      for (const std::string& a : current)
        if (!price_areas_overlap(a, id)) next.push_back(a);
      next.push_back(id);
    }
    out = std::move(next);
  }
  chips_end();
  return out;
}


void card_begin(CardScope& c, float pad, ImU32 fill, ImU32 edge) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  c.layers.Split(dl, 2);
  c.layers.SetCurrentChannel(dl, 1);
  c.top = ImGui::GetCursorScreenPos();
  c.width = ImGui::GetContentRegionAvail().x;
  c.pad = pad;
  c.fill = fill ? fill : palette().surface;
  c.edge = edge;
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  c.saved_work_max = window->WorkRect.Max.x;
  ImGui::SetCursorScreenPos(ImVec2(c.top.x + pad, c.top.y + pad));
  ImGui::BeginGroup();
  window->ContentRegionRect.Max.x = window->WorkRect.Max.x = c.top.x + c.width - pad;
  ImGui::PushTextWrapPos(c.top.x + c.width - pad - window->Pos.x + window->Scroll.x);
}

void card_end(CardScope& c) {
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  window->ContentRegionRect.Max.x = window->WorkRect.Max.x = c.saved_work_max;
  float bottom = ImGui::GetItemRectMax().y + c.pad;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  c.layers.SetCurrentChannel(dl, 0);
  const Palette& p = palette();
  ImVec2 max(c.top.x + c.width, bottom);
  dl->AddRectFilled(ImVec2(c.top.x, c.top.y + 2), ImVec2(max.x, max.y + 2), IM_COL32(30, 43, 47, 12), 14.0f);
  dl->AddRectFilled(c.top, max, c.fill, 14.0f);
  dl->AddRect(c.top, max, p.border, 14.0f);
  if (c.edge) dl->AddRectFilled(ImVec2(c.top.x, c.top.y + 16), ImVec2(c.top.x + 4, bottom - 16), c.edge, 2.0f);
  c.layers.Merge(dl);
  ImGui::SetCursorScreenPos(ImVec2(c.top.x, bottom));
  ImGui::Dummy(ImVec2(c.width, 0.0f));
}

void column_begin(ColumnScope& c, float x, float y, float width) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  c.saved_work_max = window->WorkRect.Max.x;
  c.saved_content_max = window->ContentRegionRect.Max.x;
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  ImGui::BeginGroup();
  window->ContentRegionRect.Max.x = window->WorkRect.Max.x = x + width;
  ImGui::PushTextWrapPos(x + width - window->Pos.x + window->Scroll.x);
}

float column_end(ColumnScope& c) {
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  window->WorkRect.Max.x = c.saved_work_max;
  window->ContentRegionRect.Max.x = c.saved_content_max;
  return ImGui::GetItemRectMax().y;
}

void fact(const char* label, const std::string& value, ImU32 value_colour) {
  text(label, FontRole::Small, palette().ink_muted);
  text(value.c_str(), FontRole::Body, value_colour);
}

void fact_row(const char* label, const std::string& value, float value_x, FontRole value_role, const std::string& note) {
  ImVec2 start = ImGui::GetCursorScreenPos();
  float w = ImGui::GetContentRegionAvail().x;
  ColumnScope c;
  column_begin(c, start.x, start.y + 2.0f, value_x - 16.0f);
  text(label, FontRole::Body, palette().ink_muted);
  float bottom_left = column_end(c);
  column_begin(c, start.x + value_x, start.y + 2.0f, w - value_x);
  text(value.c_str(), value_role);
  if (!note.empty()) text(note.c_str(), FontRole::Small, palette().ink_muted);
  float bottom_right = column_end(c);
  ImGui::SetCursorScreenPos(ImVec2(start.x, std::max(bottom_left, bottom_right) + 6.0f));
  ImGui::Dummy(ImVec2(w, 0.0f));
}

ToneStyle verdict_tone(std::string_view v) {
  const Palette& p = palette();
  if (v == "suitable") return {IM_COL32(0xDD, 0xEF, 0xE3, 0xFF), p.success};
  if (v == "suitable_with_precautions") return {IM_COL32(0xF6, 0xEA, 0xD2, 0xFF), p.warning};
  if (v == "defer") return {IM_COL32(0xDE, 0xE8, 0xF5, 0xFF), p.focus};
  if (v == "not_recommended") return {IM_COL32(0xF6, 0xDE, 0xDE, 0xFF), p.danger};
  return {p.surface_alt, p.ink};
}

ToneStyle pih_tone(std::string_view risk) {
  const Palette& p = palette();
  if (risk == "low") return {IM_COL32(0xDD, 0xEF, 0xE3, 0xFF), p.success};
  if (risk == "moderate") return {IM_COL32(0xF6, 0xEA, 0xD2, 0xFF), p.warning};
  if (risk == "high" || risk == "very_high") return {IM_COL32(0xF6, 0xDE, 0xDE, 0xFF), p.danger};
  return {p.surface_alt, p.ink_muted};
}

void pill(const std::string& label, ToneStyle tone) {
  const float pad_x = 12.0f, pad_y = 5.0f;
  float avail = ImGui::GetContentRegionAvail().x;
  ImVec2 one_line = measure(FontRole::Button, label);
  if (one_line.x + pad_x * 2 <= avail) {
    badge(label.c_str(), tone.fill, tone.ink);
    return;
  }
  ImVec2 size = measure(FontRole::Button, label, avail - pad_x * 2);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + size.x + pad_x * 2, pos.y + size.y + pad_y * 2), tone.fill, 12.0f);
  draw_text(dl, FontRole::Button, ImVec2(pos.x + pad_x, pos.y + pad_y), tone.ink, label, avail - pad_x * 2);
  ImGui::Dummy(ImVec2(size.x + pad_x * 2, size.y + pad_y * 2));
}

void rule(float above, float below) {
  gap(above);
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddLine(p, ImVec2(p.x + ImGui::GetContentRegionAvail().x, p.y), palette().border);
  gap(below);
}

}  // namespace mn::ui
