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
  callout(tr(st.content_failed ? "pending.failed" : "pending.loading"), st.content_failed ? p.warning : p.primary);
  gap(14);
  // Phone: full-width buttons, one above the other; wider screens: side by side.
  const float width = phone ? -1.0f : 0.0f;
  if (st.content_failed) {
    if (button(tr("pending.retry"), ButtonKind::Primary, width, st.layout.target_h)) {
      st.content_failed = false;
      want_language(st.lang);
    }
    if (phone) gap(4);
    else ImGui::SameLine(0.0f, 12.0f);
  }
  if (button(tr("pending.home"), ButtonKind::Secondary, width, st.layout.target_h)) st.go(Screen::Home);
  screen_footer(st);
}

}  // namespace mn::ui
