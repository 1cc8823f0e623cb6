#pragma once
// Shared state of the screens and one draw function per screen (screen_*.cpp).
#include <string>

#include <vector>

#include "core/clinic_config.hpp"
#include "core/issues.hpp"
#include "core/lang.hpp"
#include "ui/layout.hpp"

namespace mn::ui {

enum class Screen { Home, Learn, Candidacy, Compare, Estimate, Plan, Count };

struct LearnState {
  std::string open_section = "what";  // the one open accordion section ("" = none)
  int open_faq = -1;
};

struct AppState {
  Screen screen = Screen::Home;
  Lang lang = Lang::en;
  bool lang_chosen = false;           // by the person (URL or remembered preference), not by the clinic default
  ClinicConfig clinic = builtin_clinic_config();
  std::vector<Issue> config_issues;   // problems in the clinic's own clinic.json, shown in a banner
  std::string config_source;          // where that configuration came from
  bool config_banner_hidden = false;
  LearnState learn;
  Layout layout;
  bool scroll_to_top = false;
  bool animating = false;

  void go(Screen s) {
    if (s != screen) scroll_to_top = true;
    screen = s;
  }
};

// Key of the screen's navigation label in ui.json ("nav.learn", …).
const char* nav_key(Screen s);

void draw_home(AppState& st);
void draw_learn(AppState& st);
void draw_candidacy(AppState& st);
void draw_compare(AppState& st);
void draw_estimate(AppState& st);
void draw_plan(AppState& st);

// A banner naming every problem in the clinic's configuration (drawn above every screen while there are any).
void config_banner(AppState& st);

// The title, lead and education disclaimer every screen opens with.
void screen_header(const char* title_key, const char* lead_key);
// The line at the foot of every screen: education, not medical advice.
void screen_footer(AppState& st);

}  // namespace mn::ui
