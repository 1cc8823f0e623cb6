// Pieces every screen shares: the in-app back, the header and the footer with the medical disclaimer.
#include <optional>
#include <string>

#include "core/text.hpp"
#include "imgui_internal.h"
#include "ui/decision.hpp"
#include "ui/screens.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"

namespace mn::ui {

std::optional<Place> parent_place(const AppState& st) {
  switch (st.screen) {
    case Screen::Home:
    case Screen::Count:
      return std::nullopt;
    case Screen::Privacy:  // its own "Back" returns to where it was opened from
      return std::nullopt;
    case Screen::Candidacy:
      if (st.candidacy.show_results || st.candidacy.review) return Place{Screen::Candidacy, st.candidacy.page, false};
      if (st.candidacy.page > 0) return Place{Screen::Candidacy, st.candidacy.page - 1, false};
      return Place{};
    case Screen::Estimate:
      return Place{Screen::Compare};
    case Screen::Plan:
      return Place{Screen::Estimate};
    case Screen::Learn:
    case Screen::Compare:
      return Place{};
  }
  return std::nullopt;
}

void back_link(AppState& st) {
  const std::optional<Place> parent = parent_place(st);
  if (!parent || (st.mode == Mode::kiosk && st.attract)) return;
  std::string where;
  if (st.screen == Screen::Candidacy && (st.candidacy.show_results || st.candidacy.review)) where = tr("nav.back.answers");
  else if (st.screen == Screen::Candidacy && parent->screen == Screen::Candidacy) where = tr("nav.back.question");
  else where = tr(nav_key(parent->screen));
  // A chevron drawn beside the words (the fonts' subset has no arrow); a screen reader hears "Back to …".
  const Palette& p = palette();
  const ImVec2 ts = measure(FontRole::Button, where);
  const float h = st.layout.touch ? 44.0f : 36.0f, chevron = 18.0f;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const std::string label = fill(tr("nav.back.to"), {{"place", where}}) + "##back";
  bool pressed = ImGui::InvisibleButton("##back", ImVec2(chevron + ts.x + 8.0f, h));
  pressed |= name_item(ImGui::GetItemID(), label.c_str());
  const ImU32 ink = ImGui::IsItemHovered() ? p.primary_hover : p.primary;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float cy = pos.y + h * 0.5f;
  dl->AddLine(ImVec2(pos.x + 9, cy - 6), ImVec2(pos.x + 3, cy), ink, 2.2f);
  dl->AddLine(ImVec2(pos.x + 3, cy), ImVec2(pos.x + 9, cy + 6), ink, 2.2f);
  draw_text(dl, FontRole::Button, ImVec2(pos.x + chevron, cy - ts.y * 0.5f), ink, where);
  if (pressed) st.go(*parent);
  gap(8);
}

void screen_header(const char* title_key, const char* lead_key) {
  heading(tr(title_key), FontRole::H1);
  text(tr(lead_key), FontRole::Body, palette().ink_muted);
  gap(18);
}

void screen_footer(AppState& st) {
  gap(28);
  divider();
  gap(10);
  text(tr("common.disclaimer"), FontRole::Small, palette().ink_muted);
  if (st.screen != Screen::Privacy && st.screen != Screen::Home) {  // home has its own, larger way in
    gap(2);
    if (button(tr("privacy.link"), ButtonKind::Quiet, 0.0f, st.layout.touch ? 44.0f : 36.0f)) open_privacy(st);
  }
}

void open_privacy(AppState& st) {
  if (st.screen == Screen::Privacy) return;
  st.privacy_back = st.screen;
  st.go(Screen::Privacy);
}

}  // namespace mn::ui

namespace mn::ui {

void config_banner(AppState& st) {
  if (st.config_issues.empty() || st.config_banner_hidden) return;
  const Palette& p = palette();
  const bool errors = has_errors(st.config_issues);
  std::string body = std::string(tr(errors ? "config.banner.errors" : "config.banner.warnings")) + " (" +
                     st.config_source + ")\n";
  constexpr size_t kShown = 8;
  for (size_t i = 0; i < st.config_issues.size() && i < kShown; ++i)
    body += "\n" + display_pointer(st.config_issues[i].pointer) + ": " + st.config_issues[i].message;
  if (st.config_issues.size() > kShown)
    body += "\n" + fill(tr("config.banner.more"), {{"count", std::to_string(st.config_issues.size() - kShown)}});
  callout(body.c_str(), errors ? p.danger : p.warning);
  gap(4);
  if (button(tr("config.banner.hide"), ButtonKind::Quiet, 0.0f, st.layout.target_h)) st.config_banner_hidden = true;
  gap(12);
}

}  // namespace mn::ui

namespace mn::ui {

void crash_notice(AppState& st) {
  if (!st.crash.shown) return;
  const Palette& p = palette();
  heading(tr("crash.title"), FontRole::H3);
  callout(tr("crash.body"), p.warning);
  gap(4);
  const bool phone = st.layout.form == FormFactor::Phone;
  const std::string retry = std::string(tr("crash.retry")) + "##crash", dismiss = std::string(tr("crash.dismiss")) + "##crash";
  if (button(retry.c_str(), ButtonKind::Primary, phone ? -1.0f : 0.0f, st.layout.target_h)) {
    const Place again = st.crash.where;
    st.crash = CrashNotice{};
    st.go(again);
  }
  if (!phone) ImGui::SameLine(0, 12.0f);
  if (button(dismiss.c_str(), ButtonKind::Quiet, phone ? -1.0f : 0.0f, st.layout.target_h)) st.crash = CrashNotice{};
  gap(12);
}

}  // namespace mn::ui
