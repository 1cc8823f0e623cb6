// The engine for JavaScript: the same JSON in, JSON out calls as the `navigator` CLI, for the app's tests and for
// clinics that want the engine in their own page (README: "JavaScript API"). The wrappers live in browser.js.
#include <emscripten.h>

#include <algorithm>
#include <optional>
#include <string>

#include "core/candidacy_json.hpp"
#include "core/civil_date.hpp"
#include "core/compare_json.hpp"
#include "core/estimate_json.hpp"
#include "core/plan.hpp"
#include "core/json_parse.hpp"
#include "core/profile_write.hpp"
#include "platform/browser.hpp"
#include "platform/runtime.hpp"
#include "ui/charts.hpp"
#include "ui/decision.hpp"
#include "ui/strings.hpp"

namespace {
// Keeps the last reply alive for JavaScript to read.
const char* reply(std::string text) {
  static std::string last;
  last = std::move(text);
  return last.c_str();
}

mn::Lang lang_or_app(const char* code) {
  auto lang = mn::parse_lang(code ? code : "");
  return lang ? *lang : mn::platform::current_app_state().lang;
}

// The reply for a language whose content has not arrived yet (web builds load it on demand): asks for it, and says
// so, instead of answering in English.
std::optional<std::string> not_loaded(mn::Lang lang) {
  if (mn::ui::want_language(lang)) return std::nullopt;
  const std::string code(mn::lang_code(lang));
  return mn::Json{{"errors", {"the " + code + " content is still loading: await MicroneedlingNavigator.loadLanguage('" +
                                  code + "') first"}}}.dump(-1, ' ', false, mn::Json::error_handler_t::replace);
}
}  // namespace

extern "C" {

// 1 when `code`'s content is loaded, 0 while it is on its way (asked for here), -1 for a code that is no language.
EMSCRIPTEN_KEEPALIVE int mn_language_ready(const char* code) {
  const auto lang = mn::parse_lang(code ? code : "");
  if (!lang) return -1;
  return mn::ui::want_language(*lang) ? 1 : 0;
}

// assess(profile JSON, "en"|"es"|"") → the assessment JSON, or {"errors": [...]} for a malformed profile.
EMSCRIPTEN_KEEPALIVE const char* mn_api_assess(const char* profile_json, const char* lang) {
  if (auto wait = not_loaded(lang_or_app(lang))) return reply(*wait);
  return reply(mn::assess_json(profile_json ? profile_json : "", lang_or_app(lang), mn::platform::current_app_state().clinic).json);
}

// The results the candidacy screen shows now ("null" before the questionnaire is finished).
EMSCRIPTEN_KEEPALIVE const char* mn_api_shown_results() {
  const auto& cs = mn::platform::current_app_state().candidacy;
  if (!cs.show_results || !cs.results_lang) return reply("null");
  return reply(mn::safe_dump(mn::assessment_json(cs.assessment, *cs.results_lang, mn::CandidacyRules::builtin(), mn::Content::builtin())));
}

// The profile the questionnaire's answers describe so far, in the shared contract.
EMSCRIPTEN_KEEPALIVE const char* mn_api_answers_profile() {
  return reply(mn::safe_dump(mn::profile_json(mn::platform::current_app_state().candidacy.answers.profile())));
}

}  // extern "C"

// ---------------------------------------------------------------- Compare, Estimate and My plan
// The same JSON as `navigator compare` and `navigator estimate`, the plan's share link, what those screens show now
// (for tests), and the browser services the screens use (ui/decision.hpp: date, print, clipboard, new tab).
extern "C" {
void mn_wake();                                          // main_web.cpp: resume drawing
char* mn_js_today_new();                                 // browser.js: "YYYY-MM-DD", the device's local date
char* mn_js_page_address_new();                          // browser.js: location.href without its fragment
void mn_js_print_plan(const char* html, const char* extra);  // browser.js: print a DOM copy of the plan
void mn_js_copy_text(const char* text);                  // browser.js: clipboard; answers with mn_api_copy_done
int mn_js_can_share();                                    // browser.js: navigator.share exists
void mn_js_share_link(const char* title, const char* url);  // browser.js: share sheet; mn_api_share_done or copy_done
void mn_js_open_url(const char* url);                    // browser.js: a new tab, noopener
}

namespace {

using OJson = nlohmann::ordered_json;

const bool g_decision_platform = [] {
  mn::ui::DecisionPlatform& p = mn::ui::decision_platform();
  p.today = [] { return mn::platform::adopt_js_string(mn_js_today_new()); };
  p.page_address = [] { return mn::platform::adopt_js_string(mn_js_page_address_new()); };
  p.print = [](const std::string& html, const std::string& extra) { mn_js_print_plan(html.c_str(), extra.c_str()); };
  p.copy = [](const std::string& text) { mn_js_copy_text(text.c_str()); };
  p.can_share = [] { return mn_js_can_share() != 0; };
  p.share = [](const std::string& title, const std::string& url) { mn_js_share_link(title.c_str(), url.c_str()); };
  p.open = [](const std::string& url) { mn_js_open_url(url.c_str()); };
  return true;
}();

OJson what_if_json(const mn::WhatIf& w) {
  OJson severity = OJson::array();
  for (const auto& c : w.severities) severity.push_back({{"id", c.id}, {"severity", c.severity}});
  OJson concern_areas = OJson::object();
  for (const auto& c : w.concern_areas) concern_areas[c.concern] = c.areas;
  return {{"severity", severity},  {"package", w.package.text()},
          {"addons", w.addons},    {"maintenance_years", w.maintenance_years},
          {"areas", w.areas},      {"concern_areas", std::move(concern_areas)}};
}

OJson parsed(const std::string& text) {
  mn::ParsedJson j = mn::parse_json(text);
  return j.ok() ? std::move(j.value) : OJson(nullptr);
}

const char* link_status_name(mn::ui::PlanLinkStatus::Kind kind) {
  switch (kind) {
    case mn::ui::PlanLinkStatus::Kind::restored: return "restored";
    case mn::ui::PlanLinkStatus::Kind::refused: return "refused";
    case mn::ui::PlanLinkStatus::Kind::none: break;
  }
  return "none";
}

const char* copy_status_name(mn::ui::DecisionState::Copy copy) {
  switch (copy) {
    case mn::ui::DecisionState::Copy::pending: return "pending";
    case mn::ui::DecisionState::Copy::copied: return "copied";
    case mn::ui::DecisionState::Copy::failed: return "failed";
    case mn::ui::DecisionState::Copy::none: break;
  }
  return "none";
}

}  // namespace

extern "C" {

// compare(profile JSON, lang, concern) → the same JSON as `navigator compare`, or {"errors": [...]}.
EMSCRIPTEN_KEEPALIVE const char* mn_api_compare(const char* profile_json, const char* lang, const char* concern) {
  if (auto wait = not_loaded(lang_or_app(lang))) return reply(*wait);
  return reply(mn::compare_json(profile_json ? profile_json : "", lang_or_app(lang), mn::platform::current_app_state().clinic,
                                concern ? concern : "")
                   .json);
}

// estimate(profile JSON, treatment, start YYYY-MM-DD ("" = the earliest the answers allow), lang, what-if JSON) → `navigator estimate`'s JSON.
EMSCRIPTEN_KEEPALIVE const char* mn_api_estimate(const char* profile_json, const char* treatment, const char* start,
                                                 const char* lang, const char* what_if) {
  std::string error;
  auto w = mn::parse_what_if(what_if ? what_if : "", error);
  if (!w) return reply(error);
  if (auto wait = not_loaded(lang_or_app(lang))) return reply(*wait);
  const std::string day = mn::platform::adopt_js_string(mn_js_today_new());
  const mn::Date today = mn::parse_iso_date(day).value_or(mn::platform::current_app_state().decision.today);
  return reply(mn::estimate_json(profile_json ? profile_json : "", treatment ? treatment : "", start ? start : "", today,
                                 lang_or_app(lang), mn::platform::current_app_state().clinic, *w)
                   .json);
}

// The current plan's share link: {"fragment": "p1.….…", "url": "<page>#plan=…", "plan": {…}}.
EMSCRIPTEN_KEEPALIVE const char* mn_api_plan_link() {
  mn::ui::AppState& st = mn::platform::mutable_app_state();
  mn::ui::decision_estimate(st);  // the plan starts when the estimate says
  const mn::Plan plan = mn::ui::decision_plan(st);
  return reply(OJson{{"fragment", mn::encode_plan(plan)}, {"url", mn::ui::plan_link(st)}, {"plan", mn::plan_to_json(plan)}}.dump(-1, ' ', false, OJson::error_handler_t::replace));
}

// What Compare shows now: the profile it ranked, the filter, and compare_json()'s reply ("null" before it was drawn).
EMSCRIPTEN_KEEPALIVE const char* mn_api_shown_compare() {
  const mn::ui::DecisionState& ds = mn::platform::current_app_state().decision;
  if (ds.compare_key.empty()) return reply("null");
  return reply(OJson{{"profile", parsed(ds.compare_profile)},
                     {"concern", ds.concern_filter.empty() ? OJson(nullptr) : OJson(ds.concern_filter)},
                     {"compare", ds.compare}}
                   .dump(-1, ' ', false, OJson::error_handler_t::replace));
}

// What Estimate (and My plan) show now: the request (profile, treatment, start (the first session, after any move to
// the earliest date the answers allow), the start the person picked (null: the earliest), today, lang, what-if),
// estimate_json()'s reply, and the formatted figures drawn.
EMSCRIPTEN_KEEPALIVE const char* mn_api_shown_estimate() {
  const mn::ui::AppState& st = mn::platform::current_app_state();
  const mn::ui::DecisionState& ds = st.decision;
  if (ds.estimate_key.empty()) return reply("null");
  return reply(OJson{{"profile", parsed(ds.estimate_profile)},
                     {"treatment", ds.treatment},
                     {"start", mn::iso_date(mn::ui::decision_start(st))},  // after any move to the earliest date
                     {"requested_start", ds.start ? OJson(mn::iso_date(*ds.start)) : OJson(nullptr)},
                     {"today", mn::iso_date(ds.today)},
                     {"lang", std::string(mn::lang_code(st.lang))},
                     {"what_if", what_if_json(mn::ui::decision_what_if_for(st))},
                     {"estimate", ds.estimate},
                     {"shown", ds.shown}}
                   .dump(-1, ' ', false, OJson::error_handler_t::replace));
}

// What My plan holds: the plan, its link and QR code size, what became of an opened link, and the plan as text.
EMSCRIPTEN_KEEPALIVE const char* mn_api_shown_plan() {
  mn::ui::AppState& st = mn::platform::mutable_app_state();
  if (auto wait = not_loaded(st.lang)) return reply(*wait);
  mn::ui::decision_estimate(st);  // the plan starts when the estimate says
  const mn::Plan plan = mn::ui::decision_plan(st);
  const std::string url = mn::ui::plan_link(st);
  mn::PlanEstimate pe = mn::estimate_plan(plan, st.clinic);
  OJson left_out = mn::ui::link_ids_left_out(st);
  return reply(OJson{{"plan", mn::plan_to_json(plan)},
                     {"fragment", mn::encode_plan(plan)},
                     {"url", url},
                     {"qr_modules", mn::ui::qr_modules(url)},
                     {"link", {{"status", link_status_name(st.decision.link.kind)},
                               {"code", st.decision.link.code},
                               {"left_out", left_out}}},
                     {"booking_url", mn::ui::booking_address(st)},
                     {"copy", copy_status_name(st.decision.copy)},
                     {"share_sheet", mn_js_can_share() != 0},
                     {"text", pe.estimate ? mn::plan_text(plan, *pe.estimate, st.clinic) : std::string()}}
                   .dump(-1, ' ', false, OJson::error_handler_t::replace));
}

// Opens a share link's plan (the text after "#plan="): called by browser.js at start-up and on hashchange.
EMSCRIPTEN_KEEPALIVE const char* mn_api_open_plan_link(const char* fragment) {
  mn::ui::AppState& st = mn::platform::mutable_app_state();
  mn::ui::open_plan_link(st, fragment ? fragment : "");
  mn_wake();
  return reply(OJson{{"status", link_status_name(st.decision.link.kind)}, {"code", st.decision.link.code}}.dump(-1, ' ', false, OJson::error_handler_t::replace));
}

// Back or forward in the browser's history (browser.js, popstate): goes to the place the fragment names.
EMSCRIPTEN_KEEPALIVE const char* mn_api_go_place(const char* place) {
  const bool ok = mn::platform::mutable_app().go_to_place(place ? place : "");
  mn_wake();
  return reply(ok ? "{\"ok\": true}" : "{\"ok\": false}");
}

// The clipboard's answer to mn_js_copy_text.
EMSCRIPTEN_KEEPALIVE void mn_api_copy_done(int ok) {
  mn::ui::copy_finished(mn::platform::mutable_app_state(), ok != 0);
  mn_wake();
}

// The share sheet of mn_js_share_link closed: shared or cancelled.
EMSCRIPTEN_KEEPALIVE void mn_api_share_done() {
  mn::ui::share_finished(mn::platform::mutable_app_state());
  mn_wake();
}

}  // extern "C"
