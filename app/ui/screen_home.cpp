// Home: what the tool is, the five ways in, and the privacy promise.
#include <array>

#include "ui/screens.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"

namespace mn::ui {

void draw_home(AppState& st) {
  const Layout& l = st.layout;
  heading(tr("home.title"), FontRole::H1);
  gap(8);
  text(tr("home.lead"), FontRole::Body, palette().ink_muted);
  gap(22);

  struct Entry { Screen screen; const char* title; const char* body; Icon icon; };
  const std::array<Entry, 5> entries = {{
      {Screen::Learn, "home.card.learn.title", "home.card.learn.body", Icon::learn},
      {Screen::Candidacy, "home.card.candidacy.title", "home.card.candidacy.body", Icon::candidacy},
      {Screen::Compare, "home.card.compare.title", "home.card.compare.body", Icon::compare},
      {Screen::Estimate, "home.card.estimate.title", "home.card.estimate.body", Icon::estimate},
      {Screen::Plan, "home.card.plan.title", "home.card.plan.body", Icon::plan},
  }};
  const float spacing = 16.0f;
  float width = ImGui::GetContentRegionAvail().x;
  int cols = l.columns;
  float card_w = (width - spacing * static_cast<float>(cols - 1)) / static_cast<float>(cols);
  float card_h = l.form == FormFactor::Phone ? 0.0f : 150.0f;  // phone: height follows the text
  for (size_t i = 0; i < entries.size(); ++i) {
    if (i % static_cast<size_t>(cols) != 0) ImGui::SameLine(0, spacing);
    if (card(tr(entries[i].title), tr(entries[i].title), tr(entries[i].body), ImVec2(card_w, card_h),
             entries[i].icon))
      st.go(entries[i].screen);
    if (i % static_cast<size_t>(cols) == static_cast<size_t>(cols - 1) || i + 1 == entries.size()) gap(spacing - 12);
  }
  gap(16);
  callout(tr("home.privacy"), palette().primary);
  gap(4);
  if (button(tr("privacy.more"), ButtonKind::Secondary, l.form == FormFactor::Phone ? -1.0f : 0.0f, l.target_h)) open_privacy(st);
  screen_footer(st);
}

}  // namespace mn::ui
