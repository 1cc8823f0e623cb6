#pragma once
// Charts drawn with ImDrawList: range bars (low to high with the typical value marked), the treatment calendar,
// the maintenance years, and the QR code of a share link.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/format.hpp"
#include "imgui.h"

namespace mn::ui {

// A non-interactive item covering a picture at `pos`, so layout, the accessibility mirror (an image named `name`)
// and tests know it is there.
void chart_item(const char* id, const char* name, ImVec2 pos, ImVec2 size);

// A "nice" upper end for an axis that must reach `value` (1, 2, 2.5 or 5 × 10^k).
double nice_axis_max(double value);

// A bar from `low` to `high` on a 0…`axis_max` scale inside [pos, pos + (width, height)], with `typical` marked;
// a range of one value shows as a dot.
void range_bar(ImDrawList* dl, ImVec2 pos, float width, float height, double low, double typical, double high,
               double axis_max, ImU32 colour);

// The colour of a healing phase ("redness", "glow", …) on the calendar and in its legend.
ImU32 phase_colour(const std::string& key);

struct TimelineVisit {
  int number = 1;
  Date date, earliest, latest;
  bool if_needed = false;  // beyond the typical course
};
struct TimelinePhase {
  int lane = 0;  // index into TimelineData::lanes
  Date from, to;  // inclusive
};
struct TimelineMilestone {
  std::string label;
  Date date;
};
struct TimelineData {
  Date today;
  std::vector<TimelineVisit> visits;
  std::vector<std::string> lanes, lane_labels;  // phase keys and their names, in order of first appearance
  std::vector<TimelinePhase> phases;
  std::vector<TimelineMilestone> milestones;
  std::vector<std::string> months;  // twelve short month names
  std::string sessions_label, results_label, today_label;
  bool lane_labels_left = true;  // names at the left of each row (wider screens); else only the legend names them
};

// The calendar of a course: months on top, sessions (with the earliest–latest spread), healing phases after each
// session, result milestones, today. Registers an item named `name` for the accessibility mirror.
void timeline_chart(const char* id, const char* name, const TimelineData& data, float width);

// The days after one session, zoomed in: one row per healing stage (redness, swelling, …) as a bar from its first to
// its last day, over a day axis that starts at the session (day 0). Readable at phone width where the course calendar
// has no room for stages a few days long.
struct DaysLane {
  std::string label;
  ImU32 colour = 0;
  int from = 0, to = 0;  // days after the session, inclusive
};
struct DaysData {
  std::vector<DaysLane> lanes;
  std::string axis_label;  // "Day"
};
void days_chart(const char* id, const char* name, const DaysData& data, float width);

struct MaintenanceData {
  Date start, course_end, today;
  std::optional<Date> lasts_low, lasts_high;  // results usually last until (a range)
  std::vector<Date> sessions;                 // maintenance dates (typical case)
  int years = 3;
  std::string course_label, lasts_label, session_label, year_label;  // year_label: "Year {n}"
};
// The years after the course: the course, how long results last, and maintenance sessions.
void maintenance_chart(const char* id, const char* name, const MaintenanceData& data, float width);

// What has been paid by the end of each month from the start (month 0: the course), per case: the low-to-high band
// with the usual case as a line, over `months.size() - 1` months.
struct CostPoint {
  double low = 0, typical = 0, high = 0;
};
// One line of a chart of several (Compare: one per treatment being weighed).
struct CostSeries {
  std::string label;  // named in the legend
  ImU32 colour = 0;
  std::vector<CostPoint> months;  // index = months from the start
};
struct CostChartData {
  std::vector<CostPoint> months;  // index = months from the start (one series: the Estimate screen)
  std::vector<CostSeries> series;  // several, each with its own colour and name: drawn instead of `months`
  std::string year_label;         // "Year {n}"
  std::string start_label;        // "Start"
  std::string low_label, typical_label, high_label;
  std::function<std::string(double)> money;  // formats an axis value (with the currency)
};
// The cumulative cost over time; readable at phone width (axis labels at the left, years below). Registers an
// item named `name` (the screen mirrors the figures as a table).
void cost_chart(const char* id, const char* name, const CostChartData& data, float width);

// The QR code of `text` (error correction level M) in a white square about `size` pixels wide with its quiet zone,
// pixel-aligned. Returns false (and draws nothing) when the text does not fit in a QR code.
bool qr_code(const char* id, const char* name, const std::string& text, float size);
// The number of modules per side of the code for `text` (0 when it does not fit): for tests.
int qr_modules(const std::string& text);

}  // namespace mn::ui
