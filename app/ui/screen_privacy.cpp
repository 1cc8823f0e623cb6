// Privacy: what the guide keeps and what it does not, in plain words (the README's privacy section says the same).
// Reachable from the home screen and every screen's footer, in every mode; it links nowhere outside the app.
#include <array>

#include "ui/screens.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"

namespace mn::ui {

void draw_privacy(AppState& st) {
  const Palette& p = palette();
  screen_header("privacy.title", "privacy.lead");
  struct Part { const char* title; const char* body; };
  const std::array<Part, 5> parts = {{
      {"privacy.answers.title", st.mode == Mode::consult ? "privacy.answers.consult"
                                : st.mode == Mode::kiosk ? "privacy.answers.kiosk"
                                                         : "privacy.answers.body"},
      {"privacy.remembered.title", "privacy.remembered.body"},
      {"privacy.sent.title", "privacy.sent.body"},
      {"privacy.clinic.title", "privacy.clinic.body"},
      {"privacy.sharing.title", "privacy.sharing.body"},
  }};
  for (const Part& part : parts) {
    heading(tr(part.title), FontRole::H3);
    text(tr(part.body), FontRole::Body, p.ink);
    gap(14);
  }
  const bool phone = st.layout.form == FormFactor::Phone;
  if (button(tr("privacy.back"), ButtonKind::Primary, phone ? -1.0f : 0.0f, st.layout.target_h)) st.go(st.privacy_back);
  screen_footer(st);
}

}  // namespace mn::ui
