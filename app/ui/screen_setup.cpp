// The clinic setup editor (issue 19; setup.html): every change is checked as it is typed, with the messages of
// `navigator validate` under the field they concern; Save downloads clinic.json and is refused while anything is
// wrong; undo and redo. The editing itself is core's ClinicDraft; this file only draws it.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/catalog.hpp"
#include "core/color.hpp"
#include "core/content.hpp"
#include "core/pricing.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "imgui_stdlib.h"
#include "ui/screens.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"

namespace mn::ui {
namespace {

constexpr float kFieldWidth = 420.0f;

SetupPlatform g_setup_platform;

// The validator's messages for `pointer`, in the danger colour under the field.
void field_issues(const ClinicDraft& draft, const std::string& pointer) {
  for (const Issue& issue : draft.issues_at(pointer))
    text(issue.message.c_str(), FontRole::Small, issue.severity == Severity::error ? palette().danger : palette().ink_muted);
}

void field_label(const char* key) {
  gap(8);
  text(tr(key), FontRole::Small, palette().ink_muted);
  gap(2);
}

// A text field bound to a string at `pointer` (a missing value reads as "").
void text_field(SetupState& s, const char* label_key, const std::string& pointer, float width = kFieldWidth) {
  field_label(label_key);
  const Json* now = s.draft.at(pointer);
  std::string value = now && now->is_string() ? now->get<std::string>() : std::string();
  ImGui::SetNextItemWidth(width);
  const std::string id = "##field" + pointer;
  if (ImGui::InputText(id.c_str(), &value)) s.draft.set(pointer, value, true);
  name_item(ImGui::GetItemID(), tr(label_key));
  field_issues(s.draft, pointer);
}

// A number field bound to `pointer`; what is not a number is kept as typed (a string) so that the validator names it.
void number_field(SetupState& s, const std::string& label, const std::string& pointer, float width) {
  const Json* now = s.draft.at(pointer);
  std::string value;
  if (now && now->is_number()) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", now->get<double>());
    value = buffer;
  } else if (now && now->is_string()) {
    value = now->get<std::string>();
  }
  ImGui::SetNextItemWidth(width);
  const std::string id = label + "##field" + pointer;
  if (ImGui::InputText(id.c_str(), &value, ImGuiInputTextFlags_CharsScientific | ImGuiInputTextFlags_CharsNoBlank)) {
    char* end = nullptr;
    const double number = std::strtod(value.c_str(), &end);
    const bool whole_number = !value.empty() && end && *end == '\0' && std::isfinite(number);
    s.draft.set(pointer, whole_number ? Json(number) : Json(value), true);
  }
  name_item(ImGui::GetItemID(), label.c_str());
}

void section(const char* key) {
  gap(28);
  heading(tr(key), FontRole::H2);
  gap(4);
}

void clinic_section(SetupState& s) {
  section("setup.section.clinic");
  text_field(s, "setup.field.name", "/clinic/name");
  text_field(s, "setup.field.phone", "/clinic/phone");
  text_field(s, "setup.field.email", "/clinic/email");
  text_field(s, "setup.field.address", "/clinic/address", kFieldWidth * 1.5f);
  text_field(s, "setup.field.booking_url", "/clinic/booking_url", kFieldWidth * 1.5f);
  text_field(s, "setup.field.currency", "/currency", 120.0f);
  text_field(s, "setup.field.locale", "/locale", 120.0f);
}

// The brand colour with a swatch and its contrast against white text (WCAG AA asks for 4.5:1).
void look_section(SetupState& s, Lang lang) {
  section("setup.section.look");
  text_field(s, "setup.field.logo_text", "/brand/logo_text");
  text_field(s, "setup.field.primary", "/brand/primary", 140.0f);
  const Json* primary = s.draft.at("/brand/primary");
  if (const auto rgb = primary && primary->is_string() ? parse_hex_color(primary->get<std::string>()) : std::nullopt) {
    gap(6);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(at, ImVec2(at.x + 140, at.y + 40), IM_COL32(rgb->r, rgb->g, rgb->b, 255), 8.0f);
    ImFont* f = font(FontRole::Button);
    dl->AddText(f, f->FontSize, ImVec2(at.x + 16, at.y + 9), IM_COL32_WHITE, "Aa");
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
  text_field(s, "setup.field.accent", "/brand/accent", 140.0f);
}

// Which treatments the clinic offers, and the price of one session (of the face) as a range.
void treatments_section(SetupState& s, Lang lang) {
  section("setup.section.treatments");
  text(tr("setup.treatments.lead"), FontRole::Body, palette().ink_muted);
  const Content& content = Content::builtin();
  for (std::string_view id : kTreatmentIds) {
    const std::string base = "/treatments/" + std::string(id);
    if (!s.draft.at(base)) continue;  // not listed by this clinic: not offered (added from the file for now)
    gap(14);
    const TreatmentText* t = content.treatment_text(lang, id);
    const Json* enabled = s.draft.at(base + "/enabled");
    bool offered = !enabled || !enabled->is_boolean() || enabled->get<bool>();
    const std::string label = (t ? t->name : std::string(id)) + "##offered." + std::string(id);
    if (ImGui::Checkbox(label.c_str(), &offered)) s.draft.set(base + "/enabled", offered);
    name_item(ImGui::GetItemID(), t ? t->name.c_str() : std::string(id).c_str(), mirror::Role::checkbox, offered);
    const Json* price = s.draft.at(base + "/price");
    if (!offered || !price) {  // neurotoxin is priced by the unit: its units and prices are in the file for now
      field_issues(s.draft, base);
      continue;
    }
    ImGui::Indent(28.0f);
    field_label(area_kind_of_treatment(id) == AreaKind::none ? "setup.field.price_syringe" : "setup.field.price");
    if (price->is_object()) {
      const char* keys[3] = {"low", "typical", "high"};
      const char* words[3] = {"setup.price.low", "setup.price.typical", "setup.price.high"};
      // Three fields with their words in one row: as wide as the column leaves them (70–110 px).
      float labels = 0;
      for (const char* w : words) labels += ImGui::CalcTextSize(tr(w)).x + ImGui::GetStyle().ItemInnerSpacing.x;
      const float width = std::clamp((ImGui::GetContentRegionAvail().x - labels - 2 * 16.0f) / 3.0f, 70.0f, 110.0f);
      for (int i = 0; i < 3; ++i) {
        if (i) ImGui::SameLine(0, 16);
        number_field(s, tr(words[i]), base + "/price/" + keys[i], width);
      }
    } else {  // one figure (a clinic may write a single price)
      number_field(s, tr("setup.price.typical"), base + "/price", 110.0f);
    }
    field_issues(s.draft, base);
    ImGui::Unindent(28.0f);
  }
}

void toolbar(AppState& st) {
  SetupState& s = st.setup;
  const float h = 44.0f;
  ImGui::BeginDisabled(!s.draft.can_undo());
  if (button(tr("setup.undo"), ButtonKind::Secondary, 0.0f, h)) s.draft.undo();
  ImGui::EndDisabled();
  ImGui::SameLine(0, 10);
  ImGui::BeginDisabled(!s.draft.can_redo());
  if (button(tr("setup.redo"), ButtonKind::Secondary, 0.0f, h)) s.draft.redo();
  ImGui::EndDisabled();
  ImGui::SameLine(0, 10);
  if (button(tr("setup.demo"), ButtonKind::Quiet, 0.0f, h)) s.draft.start_from_demo();
  ImGui::SameLine(0, 24);
  ImGui::BeginDisabled(!s.draft.saveable());
  if (button(tr("setup.save"), ButtonKind::Primary, 0.0f, h))
    if (const auto text_out = s.draft.save(); text_out && g_setup_platform.download)
      g_setup_platform.download("clinic.json", *text_out);
  ImGui::EndDisabled();
  gap(8);
  std::size_t errors = 0;
  for (const Issue& i : s.draft.issues()) errors += i.severity == Severity::error;
  if (errors == 0) {
    text(tr(s.draft.dirty() ? "setup.status.ready" : "setup.status.saved"), FontRole::Small, palette().ink_muted);
  } else {
    text(fill(tr("setup.status.problems"), {{"count", std::to_string(errors)}}).c_str(), FontRole::Small, palette().danger);
  }
}

// Every problem, as `navigator validate` lists them (also those of fields this editor does not show yet).
void problems_section(SetupState& s) {
  if (s.draft.issues().empty()) return;
  section("setup.section.problems");
  for (const Issue& i : s.draft.issues())
    text((i.pointer + ": " + i.message).c_str(), FontRole::Small, i.severity == Severity::error ? palette().danger : palette().ink_muted);
}

}  // namespace

SetupPlatform& setup_platform() { return g_setup_platform; }

void draw_setup(AppState& st) {
  const Layout& l = st.layout;
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
  toolbar(st);
  clinic_section(st.setup);
  look_section(st.setup, st.lang);
  treatments_section(st.setup, st.lang);
  problems_section(st.setup);
  gap(40);
  ImGui::PopTextWrapPos();
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  // The preview beside the editor (setup.html) shows the clinic as the app would read this document.
  if (std::string now = st.setup.draft.document().dump(-1, ' ', false, Json::error_handler_t::replace); now != st.setup.shown) {
    st.setup.shown = std::move(now);
    if (g_setup_platform.changed) g_setup_platform.changed(st.setup.shown);
  }
}

}  // namespace mn::ui
