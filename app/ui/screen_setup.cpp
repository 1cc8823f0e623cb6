// The clinic setup editor (issue 19; setup.html): every setting of clinic.json, each checked as it is typed, with
// the messages of `navigator validate` under the field they concern; Save downloads clinic.json and is refused while
// anything is wrong; undo and redo; a file can be opened (picked or dropped on the page), and unsaved work is kept by
// the browser across a reload until it is saved or discarded. The editing itself is core's ClinicDraft; this file
// draws the frame, the toolbar and the clinic's own details; setup_treatments.cpp and setup_offers.cpp the rest.
#include <algorithm>
#include <cstdio>
#include <string>

#include "core/color.hpp"
#include "core/glyphs.hpp"
#include "imgui.h"
#include "ui/screens.hpp"
#include "ui/setup_fields.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"

namespace mn::ui {
namespace {

using namespace setup;

SetupPlatform g_setup_platform;

void open_now(SetupState& s, const std::string& name, const std::string& text) {
  if (const auto refused = s.draft.open(text)) {
    s.notice = fill(tr("setup.open.refused"), {{"file", name}, {"reason", *refused}});
    s.notice_error = true;
  } else {
    s.notice = fill(tr("setup.open.done"), {{"file", name}});
    s.notice_error = false;
    s.restored = false;
  }
}

void clinic_section(ClinicDraft& d) {
  section("setup.section.clinic");
  text_field(d, tr("setup.field.name"), "/clinic/name");
  text_field(d, tr("setup.field.phone"), "/clinic/phone");
  text_field(d, tr("setup.field.email"), "/clinic/email");
  text_field(d, tr("setup.field.address"), "/clinic/address", kFieldWidth * 1.5f);
  text_field(d, tr("setup.field.booking_url"), "/clinic/booking_url", kFieldWidth * 1.5f);
  text_field(d, tr("setup.field.currency"), "/currency", 120.0f);
  text_field(d, tr("setup.field.locale"), "/locale", 120.0f);
}

// How the app starts: its language, its mode, the kiosk's pause, the earliest first session.
void start_section(ClinicDraft& d) {
  section("setup.section.start");
  choice_field(d, tr("setup.field.default_language"), "/default_language",
               {{"en", tr("lang.name.en")}, {"es", tr("lang.name.es")}}, "en");
  choice_field(d, tr("setup.field.default_mode"), "/default_mode",
               {{"patient", tr("setup.mode.patient")}, {"consult", tr("setup.mode.consult")}, {"kiosk", tr("setup.mode.kiosk")}},
               "patient");
  text(tr("setup.mode.explain"), FontRole::Small, palette().ink_muted);
  figure_field(d, tr("setup.field.kiosk_idle_seconds"), tr("setup.unit.seconds"), "/kiosk_idle_seconds");
  figure_field(d, tr("setup.field.first_session_after_days"), tr("setup.unit.days"), "/first_session_after_days");
}

// The brand colour with a swatch and its contrast against white text (WCAG AA asks for 4.5:1).
void look_section(ClinicDraft& d, Lang lang) {
  section("setup.section.look");
  text_field(d, tr("setup.field.logo_text"), "/brand/logo_text");
  text_field(d, tr("setup.field.logo"), "/brand/logo");
  text_field(d, tr("setup.field.primary"), "/brand/primary", 140.0f);
  const Json* primary = d.at("/brand/primary");
  if (const auto rgb = primary && primary->is_string() ? parse_hex_color(primary->get<std::string>()) : std::nullopt) {
    gap(6);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(at, ImVec2(at.x + 140, at.y + 40), IM_COL32(rgb->r, rgb->g, rgb->b, 255), 8.0f);
    ImFont* f = font(FontRole::Button);
    add_text(dl, f, f->FontSize, ImVec2(at.x + 16, at.y + 9), IM_COL32_WHITE, "Aa");
    ImGui::Dummy(ImVec2(140, 40));
    const double ratio = contrast_ratio(*rgb, kWhite);
    char figure[16];
    std::snprintf(figure, sizeof figure, "%.1f:1", ratio);
    if (lang == Lang::es)  // "7,1:1", as the sentence around it writes 4,5:1
      for (char& c : figure)
        if (c == '.') c = ',';
    text(fill(tr(ratio >= 4.5 ? "setup.contrast.ok" : "setup.contrast.low"), {{"ratio", figure}}).c_str(), FontRole::Small,
         ratio >= 4.5 ? palette().ink_muted : palette().danger);
  }
  text_field(d, tr("setup.field.accent"), "/brand/accent", 140.0f);
}

// An action that would replace unsaved changes, asked once: what it replaces, Replace or Keep editing.
void confirm_row(SetupState& s) {
  if (s.confirm == SetupState::Confirm::none) return;
  gap(10);
  const char* what = s.confirm == SetupState::Confirm::open_file ? "setup.confirm.open"
                     : s.confirm == SetupState::Confirm::demo    ? "setup.confirm.demo"
                                                                 : "setup.confirm.discard";
  callout(fill(tr(what), {{"file", s.offered_name}}).c_str(), palette().warning);
  gap(8);
  if (button(tr("setup.confirm.yes"), ButtonKind::Primary, 0.0f, 44.0f)) {
    switch (s.confirm) {
      case SetupState::Confirm::open_file: open_now(s, s.offered_name, s.offered_text); break;
      case SetupState::Confirm::demo:
        s.draft.start_from_demo();
        s.notice.clear();
        s.restored = false;
        break;
      case SetupState::Confirm::discard:
        if (s.site_text.empty() || s.draft.open(s.site_text)) {
          s.draft.start_from_demo();
          s.notice = tr("setup.discarded.demo");
        } else {
          s.notice = tr("setup.discarded");
        }
        s.notice_error = false;
        s.restored = false;
        break;
      case SetupState::Confirm::none: break;
    }
    s.confirm = SetupState::Confirm::none;
    s.offered_text.clear();
  }
  ImGui::SameLine(0, 12);
  if (button(tr("setup.confirm.no"), ButtonKind::Secondary, 0.0f, 44.0f)) {
    s.confirm = SetupState::Confirm::none;
    s.offered_text.clear();
  }
}

void toolbar(SetupState& s) {
  const float h = 44.0f;
  ImGui::BeginDisabled(!s.draft.can_undo());
  if (button(tr("setup.undo"), ButtonKind::Secondary, 0.0f, h)) s.draft.undo();
  ImGui::EndDisabled();
  ImGui::SameLine(0, 10);
  ImGui::BeginDisabled(!s.draft.can_redo());
  if (button(tr("setup.redo"), ButtonKind::Secondary, 0.0f, h)) s.draft.redo();
  ImGui::EndDisabled();
  ImGui::SameLine(0, 10);
  if (button(tr("setup.demo"), ButtonKind::Quiet, 0.0f, h)) {
    if (s.draft.dirty()) s.confirm = SetupState::Confirm::demo;
    else s.draft.start_from_demo();
  }
  if (s.draft.dirty()) {
    ImGui::SameLine(0, 10);
    if (button(tr("setup.discard"), ButtonKind::Quiet, 0.0f, h)) s.confirm = SetupState::Confirm::discard;
  }
  ImGui::SameLine(0, 24);
  ImGui::BeginDisabled(!s.draft.saveable());
  if (button(tr("setup.save"), ButtonKind::Primary, 0.0f, h))
    if (const auto text_out = s.draft.save(); text_out && g_setup_platform.download) {
      g_setup_platform.download("clinic.json", *text_out);
      s.restored = false;
    }
  ImGui::EndDisabled();
  gap(8);
  std::size_t errors = 0;
  for (const Issue& i : s.draft.issues()) errors += i.severity == Severity::error;
  if (errors == 0) {
    text(tr(s.draft.dirty() ? "setup.status.ready" : "setup.status.saved"), FontRole::Small, palette().ink_muted);
  } else {
    text(fill(tr("setup.status.problems"), {{"count", std::to_string(errors)}}).c_str(), FontRole::Small, palette().danger);
  }
  if (!s.notice.empty()) text(s.notice.c_str(), FontRole::Small, s.notice_error ? palette().danger : palette().ink_muted);
  if (s.draft.dirty())
    text(tr(s.restored ? "setup.kept.restored" : "setup.kept"), FontRole::Small, palette().ink_muted);
  confirm_row(s);
}

// Every problem, as `navigator validate` lists them (also those of keys this editor does not show).
void problems_section(SetupState& s) {
  if (s.draft.issues().empty()) return;
  section("setup.section.problems");
  for (const Issue& i : s.draft.issues())
    text((i.pointer + ": " + i.message).c_str(), FontRole::Small, i.severity == Severity::error ? palette().danger : palette().ink_muted);
}

}  // namespace

SetupPlatform& setup_platform() { return g_setup_platform; }

void setup_offer_file(SetupState& s, std::string name, std::string text) {
  if (name.empty()) name = "clinic.json";
  if (s.draft.dirty()) {
    s.confirm = SetupState::Confirm::open_file;
    s.offered_name = std::move(name);
    s.offered_text = std::move(text);
  } else {
    open_now(s, name, text);
  }
}

void setup_restore(SetupState& s, const std::string& text) {
  if (!s.draft.open(text, true)) s.restored = true;
}

void draw_setup(AppState& st) {
  const Layout& l = st.layout;
  SetupState& s = st.setup;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(l.display);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, palette().background);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(40, 32));
  // Named "content" like the patient app's scrolling window: the platform reads its scroll (an iframe passes wheel and
  // touch scrolling on to the page only at its ends).
  ImGui::Begin("content", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(ImGui::GetContentRegionAvail().x, 860.0f));
  heading(tr("setup.title"), FontRole::H1);
  gap(4);
  text(tr("setup.lead"), FontRole::Body, palette().ink_muted);
  gap(16);
  toolbar(s);
  clinic_section(s.draft);
  start_section(s.draft);
  look_section(s.draft, st.lang);
  treatments_section(s, st.lang);
  offers_sections(s.draft, st.lang);
  problems_section(s);
  gap(40);
  ImGui::PopTextWrapPos();
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  // The preview beside the editor (setup.html) shows the clinic as the app would read this document; unsaved work
  // is kept by the browser until it is saved or discarded.
  std::string now = s.draft.document().dump(-1, ' ', false, Json::error_handler_t::replace);
  if (now != s.shown || s.draft.dirty() != s.shown_unsaved) {
    if (now != s.shown) s.glyphs = glyphs_beyond_base(s.draft.document());
    s.shown = std::move(now);
    s.shown_unsaved = s.draft.dirty();
    if (g_setup_platform.changed) g_setup_platform.changed(s.shown, s.shown_unsaved);
  }
}

}  // namespace mn::ui
