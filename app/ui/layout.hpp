#pragma once
// Breakpoints and spacing for phone portrait, tablet and desktop.
#include "imgui.h"

namespace mn::ui {

enum class FormFactor { Phone, Tablet, Desktop };

struct Layout {
  FormFactor form = FormFactor::Desktop;
  ImVec2 display{};
  bool touch = false;
  float top_bar_h = 64;     // brand and language
  float bottom_nav_h = 0;   // phone: tab bar
  float action_bar_h = 0;   // a screen's actions pinned above the tab bar (the questionnaire's Back and Next)
  float sidebar_w = 0;      // tablet and desktop: navigation column
  float pad = 24;           // outer padding of the content area
  float content_max = 660;  // the reading column: body text (17 px) at most about 80 characters a line
  float wide_max = 760;     // screens of tables and charts (Compare, Estimate)
  float target_h = 48;      // minimum touch target height
  int columns = 1;          // card grid columns
};

// `consult`: a tablet held between clinician and patient: larger targets and type-friendly spacing.
inline Layout compute_layout(ImVec2 display, bool touch, bool consult = false) {
  Layout l;
  l.display = display;
  l.touch = touch;
  if (display.x < 640) {
    l.form = FormFactor::Phone;
    l.top_bar_h = 56;
    l.bottom_nav_h = 68;
    l.pad = 18;
    l.columns = 1;
  } else if (display.x < 1100) {
    l.form = FormFactor::Tablet;
    l.sidebar_w = 220;
    l.pad = 28;
    l.columns = 2;
  } else {
    l.form = FormFactor::Desktop;
    l.sidebar_w = 260;
    l.pad = 40;
    l.wide_max = 880;
    l.columns = 2;
  }
  l.target_h = consult ? 60 : touch ? 52 : 44;
  if (consult) {
    l.top_bar_h = 72;
    l.pad += 8;
  }
  return l;
}

}  // namespace mn::ui
