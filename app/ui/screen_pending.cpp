// Shown in place of Learn, Am I a candidate?, Compare, Estimate and My plan while the content they read has not
// arrived: the web app compiles in only the English UI strings and fetches the rest just after its first frame
// (core/content.hpp, language_available), and each other language when it is first wanted. Usually this is on screen
// for a moment; offline, with the content never cached, it says so and offers to try again.
#include "ui/screens.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"

namespace mn::ui {

bool screen_needs_content(Screen s) { return s != Screen::Home && s != Screen::Privacy && s != Screen::Count; }

void draw_pending(AppState& st) {
  const Palette& p = palette();
  const bool phone = st.layout.form == FormFactor::Phone;
  heading(tr(nav_key(st.screen)), FontRole::H1);
  gap(6);
  if (!st.content_failed) {
    callout(tr("pending.loading"), p.primary);
  } else {
    callout(tr("pending.failed"), p.warning);
    gap(14);
    if (button(tr("pending.retry"), ButtonKind::Primary, phone ? -1.0f : 0.0f, st.layout.target_h)) {
      st.content_failed = false;
      want_language(st.lang);
    }
  }
  gap(10);
  if (button(tr("pending.home"), ButtonKind::Secondary, phone ? -1.0f : 0.0f, st.layout.target_h)) st.go(Screen::Home);
  screen_footer(st);
}

}  // namespace mn::ui
