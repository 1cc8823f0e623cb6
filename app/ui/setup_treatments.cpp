// The setup editor's treatments (setup.html): which the clinic offers (also one the file does not list yet), the
// price of a session (or of a syringe, or of toxin by area or by the unit), and under "More settings" the clinic's own
// course length, the wait after isotretinoin, the price of each area of skin, units of toxin per area and syringes
// of filler per concern and grade.
#include <cmath>
#include <string>

#include "core/catalog.hpp"
#include "core/content.hpp"
#include "core/pricing.hpp"
#include "core/string_table.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "ui/decision.hpp"
#include "ui/setup_fields.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"

namespace mn::ui::setup {
namespace {

std::string area_name(Lang lang, std::string_view area) {
  return StringTable::compare().get(lang, "estimate.area." + std::string(area));
}

// Each area of skin besides the face: not offered, its own price, or a multiple of the face's price.
void surface_areas(ClinicDraft& d, const std::string& base, Lang lang) {
  subheading(tr("setup.areas.title"));
  text(tr("setup.areas.lead"), FontRole::Small, palette().ink_muted);
  const char* ways[3] = {tr("setup.areas.none"), tr("setup.areas.own"), tr("setup.areas.times")};
  for (std::string_view area : kSurfaceAreaIds) {
    if (area == "face") continue;
    const std::string own = base + "/areas/" + std::string(area), times = base + "/area_multipliers/" + std::string(area);
    const int way = d.at(own) ? 1 : d.at(times) ? 2 : 0;
    gap(12);
    const std::string name = area_name(lang, area);
    text(name.c_str(), FontRole::Body);
    const int pressed = segmented(own.c_str(), ways, 3, way, 38.0f, 460.0f);
    if (pressed >= 0 && pressed != way) {
      if (pressed == 1) {  // starts at the face's price (a larger area may not cost less)
        const Json* face = d.at(base + "/price");
        d.set(own, face ? *face : Json::object());
        d.erase(times);
      } else if (pressed == 2) {
        d.set(times, 1.0);
        d.erase(own);
      } else {
        d.erase(own);
        d.erase(times);
      }
    }
    ImGui::Indent(20.0f);
    if (d.at(own)) quantity_field(d, "", own, name);
    if (d.at(times)) {
      gap(6);
      number_field(d, tr("setup.areas.times_face"), times, kFigureWidth, (name + ": " + tr("setup.areas.times_face")).c_str());
      field_issues(d, times);
    }
    ImGui::Unindent(20.0f);
  }
}

// Neurotoxin by the area (price is per area) or by the unit (unit_price, and units per area; the label's dose where
// none is given).
void toxin_pricing(ClinicDraft& d, const std::string& base, const std::string& treatment, Lang lang) {
  const bool by_unit = d.at(base + "/unit_price") != nullptr;
  const char* ways[2] = {tr("setup.toxin.by_area"), tr("setup.toxin.by_unit")};
  field_label(tr("setup.toxin.priced_by"));
  const int pressed = segmented((base + "/pricing").c_str(), ways, 2, by_unit ? 1 : 0, 40.0f, 420.0f);
  if (pressed == 1 && !by_unit) d.set(base + "/unit_price", Json::object());
  if (pressed == 0 && by_unit) {
    d.erase(base + "/unit_price");
    d.erase(base + "/units");
  }
  if (!d.at(base + "/unit_price")) {
    quantity_field(d, tr("setup.field.price_toxin_area"), base + "/price", treatment);
    return;
  }
  quantity_field(d, tr("setup.field.unit_price"), base + "/unit_price", treatment + ", " + tr("setup.field.unit_price"));
  subheading(tr("setup.toxin.units"));
  for (std::string_view area : kToxinAreaIds) {
    const auto label_dose = reference_toxin_units(area);
    const std::string name = area_name(lang, area);
    quantity_field(d, name.c_str(), base + "/units/" + std::string(area), "", false);
    if (label_dose && !d.at(base + "/units/" + std::string(area)))
      text(fill(tr("setup.toxin.label_dose"), {{"count", std::to_string(static_cast<int>(label_dose->typical))}}).c_str(),
           FontRole::Small, palette().ink_muted);
  }
}

// HA filler: syringes per visit, per concern it treats and grade.
void filler_syringes(ClinicDraft& d, const std::string& base, Lang lang) {
  subheading(tr("setup.syringes.title"));
  text(tr("setup.syringes.lead"), FontRole::Small, palette().ink_muted);
  const Treatment* t = Content::builtin().treatment("dermal_filler_ha");
  if (!t) return;
  for (std::string_view concern : kConcernIds) {
    const auto suits = t->suits.find(concern);
    if (suits == t->suits.end() || suits->second == 0) continue;
    const Concern* c = Content::builtin().concern(lang, concern);
    gap(10);
    text(c ? c->name.c_str() : std::string(concern).c_str(), FontRole::Body);
    const std::string at = base + "/syringes/" + std::string(concern);
    ImGui::Indent(20.0f);
    const std::string concern_name = c ? c->name : std::string(concern);
    for (int grade = 0; grade < 3; ++grade) {
      const std::string grade_name = severity_name(grade + 1);
      quantity_field(d, grade_name.c_str(), at + "/" + std::string(kSeverityGrades[grade]), concern_name + ", " + grade_name, false);
    }
    field_issues(d, at, true);
    ImGui::Unindent(20.0f);
  }
}

// The clinic's own course length and the wait after isotretinoin, then the treatment's kind of pricing.
void more_settings(ClinicDraft& d, const std::string& id, const std::string& base, Lang lang) {
  const Treatment* t = Content::builtin().treatment(id);
  Json sessions = Json::object();
  if (t)  // the content's usual course, to start from
    sessions = Json{{"low", t->sessions.low},
                    {"typical", std::round(t->sessions.typical.value_or((t->sessions.low + t->sessions.high) / 2))},
                    {"high", t->sessions.high}};
  if (optional_block(d, tr("setup.sessions.own"), base + "/sessions", sessions)) {
    ImGui::Indent(28.0f);
    quantity_field(d, tr("setup.sessions.label"), base + "/sessions", std::string(tr("setup.sessions.label")) + ", " + treatment_name(lang, id));
    ImGui::Unindent(28.0f);
  }
  text(tr("setup.sessions.lead"), FontRole::Small, palette().ink_muted);
  field_label(tr("setup.field.isotretinoin"));
  number_field(d, tr("setup.unit.months"), base + "/isotretinoin_wait_months", kFigureWidth, tr("setup.field.isotretinoin"));
  text(tr("setup.isotretinoin.lead"), FontRole::Small, palette().ink_muted);
  field_issues(d, base + "/isotretinoin_wait_months");
  switch (area_kind_of_treatment(id)) {
    case AreaKind::surface: surface_areas(d, base, lang); break;
    case AreaKind::none: filler_syringes(d, base, lang); break;
    case AreaKind::toxin: break;  // its areas are priced above
  }
}

}  // namespace

void treatments_section(SetupState& s, Lang lang) {
  ClinicDraft& d = s.draft;
  section("setup.section.treatments", "setup.treatments.lead");
  text(tr("setup.field.number_hint"), FontRole::Small, palette().ink_muted);
  for (std::string_view id_view : kTreatmentIds) {
    const std::string id(id_view), base = "/treatments/" + id;
    const Json* entry = d.at(base);
    const Json* enabled = d.at(base + "/enabled");
    bool offered = entry && !(enabled && enabled->is_boolean() && !enabled->get<bool>());
    const std::string name = treatment_name(lang, id);
    gap(16);
    if (checkbox(name, "offered." + id, offered)) {
      if (!entry) d.set(base, Json::object());  // not listed yet: offered, its prices to be typed
      else if (offered) d.erase(base + "/enabled");
      else d.set(base + "/enabled", false);
    }
    if (!offered) {
      field_issues(d, base, true);
      continue;
    }
    ImGui::Indent(28.0f);
    const AreaKind kind = area_kind_of_treatment(id);
    if (kind == AreaKind::toxin) toxin_pricing(d, base, name, lang);
    else quantity_field(d, tr(kind == AreaKind::none ? "setup.field.price_syringe" : "setup.field.price"), base + "/price", name);
    field_issues(d, base, true);
    const bool open = s.more.count(id) > 0;
    gap(4);
    ImGui::PushID(base.c_str());
    if (button(fill(tr(open ? "setup.more.close" : "setup.more.open"), {{"treatment", name}}).c_str(), ButtonKind::Quiet, 0.0f, 36.0f)) {
      if (open) s.more.erase(id);
      else s.more.insert(id);
    }
    ImGui::PopID();
    if (open) more_settings(d, id, base, lang);
    ImGui::Unindent(28.0f);
  }
}

}  // namespace mn::ui::setup
