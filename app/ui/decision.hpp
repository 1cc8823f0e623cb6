#pragma once
// What Compare, Estimate and My plan share: the choice (treatment, start, what-if), the engines' JSON for it (the
// same calls as the CLI and the JavaScript API), the plan and its share link, text formatting, and a few widgets.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/estimate_json.hpp"
#include "core/format.hpp"
#include "core/plan.hpp"
#include "imgui.h"
#include "ui/mirror.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"

namespace mn::ui {

// What the decision screens need from the browser (set by app/platform/js_api.cpp; unset in native builds).
struct DecisionPlatform {
  std::string (*today)() = nullptr;         // "YYYY-MM-DD": the device's local date
  std::string (*page_address)() = nullptr;  // the page's address without its #fragment
  // Prints the plan: `html` is core's plan_html page, `extra` JSON {"sections": [{"title", "items": […]}]}.
  void (*print)(const std::string& html, const std::string& extra) = nullptr;
  void (*copy)(const std::string& text) = nullptr;  // answers later with copy_finished()
  // The system's share sheet (navigator.share: Safari on iPhone and iPad, Android, Windows): whether there is one, and
  // sharing a link through it; answers later with share_finished(), or, when the sheet fails, copies the link instead
  // and answers with copy_finished().
  bool (*can_share)() = nullptr;
  void (*share)(const std::string& title, const std::string& url) = nullptr;
  void (*open)(const std::string& url) = nullptr;   // a new tab, without access back to this page
};
DecisionPlatform& decision_platform();

// ---- the choice and the engines
// Keeps today's date current (asked for again every 30 s, so it moves on at midnight; a plan starting today moves
// with it), starts the plan today, and keeps the choices valid for the chosen treatment and clinic. Every frame.
void decision_prepare(AppState& st);
// The questionnaire's profile, as given to `navigator compare | estimate` (JSON text).
std::string answers_profile_json(const AppState& st);
// The profile the comparison ranks: the questionnaire's, with the what-if severities applied to its concerns.
std::string compare_profile_json(const AppState& st);
// The what-if options the engines get: the add-ons and package this clinic has for the treatment.
WhatIf decision_what_if_for(const AppState& st);
// The concerns in effect: the profile's with the what-if severities applied.
std::vector<ConcernAnswer> effective_concerns(const AppState& st);
// compare_json() / estimate_json() for the current choice, recomputed only when an input changed.
const nlohmann::ordered_json& decision_compare(AppState& st);
const nlohmann::ordered_json& decision_estimate(AppState& st);

// ---- what the three screens start with
// Keeps the choice valid (decision_prepare) and draws the screen's title and lead: the top of Compare, Estimate and
// My plan.
void decision_screen_begin(AppState& st, const char* title_key, const char* lead_key);
// When the estimate `e` (decision_estimate()) failed: says so (with the engine's errors when `details`) and draws the
// footer; the screen then ends. Returns true in that case.
bool estimate_failed(AppState& st, const nlohmann::ordered_json& e, bool details);
// A member of an engine's JSON: 0 or "" when it is missing or of another type.
// Reading the engines' JSON: a missing member, a member of a non-object or an element past the end reads as null
// (never undefined behaviour, never a throw: the web build has no exceptions, so a throw would abort the app).
const nlohmann::ordered_json& field(const nlohmann::ordered_json& j, const char* key);
const nlohmann::ordered_json& field(const nlohmann::ordered_json& j, const std::string& key);
const nlohmann::ordered_json& item(const nlohmann::ordered_json& j, std::size_t index);
double num(const nlohmann::ordered_json& j, const char* key);
std::string str(const nlohmann::ordered_json& j, const char* key);

// Whether the answers give the chosen treatment a date (not advised against, no wait of unknown length), by the
// estimate last computed (decision_estimate()).
bool decision_dated(const AppState& st);
// The first session: the start the person or a link chose, moved to the earliest the answers allow; that earliest
// when none was chosen. By the estimate last computed (decision_estimate()).
Date decision_start(const AppState& st);

// What the answers say about when the chosen treatment may begin, above the figures of Estimate and My plan (`e`:
// decision_estimate()): a wait (the date it allows, with its reasons; a start picked before it moved), or why there
// is no estimate and where to go instead. Returns false when there is no estimate: the screen draws no figures.
bool timing_notice(AppState& st, const nlohmann::ordered_json& e, bool on_plan);

// ---- the plan
// The plan of the current choice; its start is decision_start(): call decision_estimate() first.
Plan decision_plan(const AppState& st);
// "<page address>#plan=<encode_plan()>".
std::string plan_link(const AppState& st);
// Restores the plan of a share link (the fragment after "#plan="), or notes why it was refused; opens My plan.
void open_plan_link(AppState& st, std::string_view fragment);
// Package and add-on ids of an opened link that this clinic does not offer for its treatment (left out).
std::vector<std::string> link_ids_left_out(const AppState& st);
// The booking site's address with the plan's treatment, typical sessions and start date; "" without one.
std::string booking_address(const AppState& st);
// The clipboard's answer to a copy (called from JavaScript).
void copy_finished(AppState& st, bool ok);
// The share sheet closed (shared or cancelled): nothing more to say.
void share_finished(AppState& st);

// ---- words and numbers in the current language
std::string treatment_name(const AppState& st, std::string_view id);
std::string concern_name(const AppState& st, std::string_view id);
std::string severity_name(int severity);   // "Mild", "Moderate", "Severe": a label on its own
std::string severity_words(int severity);  // "mild", "moderate", "severe": inside a sentence
std::string roman(int number);             // skin types: 4 → "IV"
std::string date_text(const AppState& st, const Date& date);
std::string date_text(const AppState& st, const std::string& iso);
std::string compare_string(const AppState& st, std::string_view key);  // content/<lang>/compare.json
MoneyFormat clinic_money(const AppState& st, const std::string& currency);
// {"low", "typical", "high"} as "$810–$2,295" and "usually $1,388".
std::string money_range(const MoneyFormat& money, const nlohmann::ordered_json& amounts,
                        MoneyPrecision precision = MoneyPrecision::whole);
// A cost-over-time chart with its axis and legend words and `money` for the amounts (its series still to add).
struct CostChartData;
CostChartData cost_chart_words(const MoneyFormat& money);
std::string money_usually(const MoneyFormat& money, const nlohmann::ordered_json& amounts,
                          MoneyPrecision precision = MoneyPrecision::whole);
// "3–6" or "4" from {"low", "high"} numbers.
std::string number_range(const nlohmann::ordered_json& range);
// Days as days or weeks: "1–3 days", "4–6 weeks"; "none" for 0–0.
std::string days_text(const nlohmann::ordered_json& range);
std::string months_text(const nlohmann::ordered_json& range);

// ---- drawing helpers
float font_px(FontRole role);
// Text at a position, wrapped at `wrap` pixels (0: no wrap); returns its size.
ImVec2 draw_text(ImDrawList* dl, FontRole role, ImVec2 pos, ImU32 colour, std::string_view s, float wrap = 0.0f);
ImVec2 measure(FontRole role, std::string_view s, float wrap = 0.0f);
// The width a button needs to show `label` on one line with a little air around it: layouts that share a row between
// buttons compare it with the room they have, and take another row when it does not fit.
float button_need(std::string_view label);

// A rounded choice chip that flows on to the next line when the row is full. `id` must be unique.
// The mirror shows it as a radio (one of a row) unless `role` says otherwise (a button that only acts).
bool chip(const char* id, const char* label, bool selected, float height, mirror::Role role = mirror::Role::radio);
// Starts a row of chips (call before the first chip) and ends it.
void chips_begin();
void chips_end();
// A row of area chips (`offered`, pricing area ids) that toggle from `current`: the face, face and neck, and face,
// neck and chest replace one another; at least one stays picked. The new pick when one was tapped. Chip ids are
// `id_prefix` + area id.
std::optional<std::vector<std::string>> area_chips(AppState& st, const std::string& id_prefix,
                                                   const std::vector<std::string>& offered,
                                                   const std::vector<std::string>& current);

// A white card with a border around what is drawn between card_begin and card_end; `edge` marks its left side.
struct CardScope {
  ImDrawListSplitter layers;
  ImVec2 top;
  float width = 0, pad = 0, saved_work_max = 0;
  ImU32 fill = 0, edge = 0;
};
void card_begin(CardScope& c, float pad = 20.0f, ImU32 fill = 0, ImU32 edge = 0);
void card_end(CardScope& c);

// A column of wrapped content from `x` (screen) `width` wide; column_end returns its bottom.
struct ColumnScope {
  float saved_work_max = 0, saved_content_max = 0;
};
void column_begin(ColumnScope& c, float x, float y, float width);
float column_end(ColumnScope& c);

// A label in small muted type and its value below it, wrapped to the current column.
void fact(const char* label, const std::string& value, ImU32 value_colour = 0);
// A label and its value on one row (value column starting at `value_x` from the left), wrapped in both columns.
void fact_row(const char* label, const std::string& value, float value_x, FontRole value_role = FontRole::Body,
              const std::string& note = {});

// Small coloured "risk" and verdict styles.
struct ToneStyle { ImU32 fill, ink; };
ToneStyle verdict_tone(std::string_view verdict);
ToneStyle pih_tone(std::string_view risk);

// A rounded label in a colour that wraps onto more lines when the column is narrow (a badge otherwise).
void pill(const std::string& label, ToneStyle tone);

// A list with a dot of `marker`'s colour before each item, `spacing` pixels between items.
void bullets(const std::vector<std::string>& items, ImU32 marker, float spacing = 2.0f);

// A horizontal rule across the current column.
void rule(float space_above = 8.0f, float space_below = 8.0f);

}  // namespace mn::ui
