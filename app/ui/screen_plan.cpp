// Plan: filled in by its own issue; for now the screen states what it will offer.
#include "ui/screens.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"

namespace mn::ui {

void draw_plan(AppState& st) {
  screen_header("plan.title", "plan.lead");
  callout(tr("common.in_preparation"), palette().warning);
  screen_footer(st);
}

}  // namespace mn::ui
