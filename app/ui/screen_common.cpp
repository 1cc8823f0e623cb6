// Pieces every screen shares: the header and the footer with the medical disclaimer.
#include <string>

#include "core/text.hpp"
#include "ui/screens.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"

namespace mn::ui {

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
