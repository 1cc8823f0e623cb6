// The setup editor's offers (setup.html): packages of sessions, add-ons, memberships, financing with its
// promotions, the consultation fee and sales tax. A new entry starts with what cannot be guessed left empty, so the
// validator's message under it says what to fill in (a clinic's terms are never made up here).
#include <string>

#include "core/catalog.hpp"
#include "imgui.h"
#include "ui/setup_fields.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"

namespace mn::ui::setup {
namespace {

// A localized text's words in `lang` (or in the other language, or "").
std::string words_of(const Json& entry, const char* key, Lang lang) {
  const auto it = entry.find(key);
  if (it == entry.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (!it->is_object()) return {};
  for (std::string_view code : {lang_code(lang), lang_code(lang == Lang::en ? Lang::es : Lang::en)}) {
    const auto w = it->find(std::string(code));
    if (w != it->end() && w->is_string() && !w->get<std::string>().empty()) return w->get<std::string>();
  }
  return {};
}

// An entry's title on its card: its name, else what it is (a package: its treatment and sessions).
std::string entry_title(const Json& entry, Lang lang, const char* fallback_key) {
  std::string name = entry.is_object() ? words_of(entry, "name", lang) : std::string();
  return name.empty() ? std::string(tr(fallback_key)) : name;
}

// Two keys of which an entry takes one (percent_off or amount_off, …): a segmented choice that moves the figure.
void one_of(ClinicDraft& d, const std::string& at, const char* label, const char* first_key, const char* first_label,
            const char* second_key, const char* second_label) {
  field_label(label);
  const bool second = d.at(at + "/" + second_key) != nullptr;
  const char* labels[2] = {first_label, second_label};
  const int pressed = segmented((at + "/one_of").c_str(), labels, 2, second ? 1 : 0, 40.0f, 460.0f);
  if (pressed >= 0 && (pressed == 1) != second) {
    const std::string from = at + "/" + (second ? second_key : first_key), to = at + "/" + (second ? first_key : second_key);
    const Json* value = d.at(from);
    const Json moved = value && value->is_number() ? *value : Json();
    d.erase(from);
    if (!moved.is_null()) d.set(to, moved);
  }
}

void packages(ClinicDraft& d, Lang lang) {
  section("setup.section.packages", "setup.packages.lead");
  const Json fresh = {{"id", "package"}, {"sessions", 3}, {"percent_off", 10}};
  list_editor(
      d, "/packages", tr("setup.packages.add"), fresh,
      [lang](const Json& e) {
        std::string name = words_of(e, "name", lang);
        if (!name.empty()) return name;
        const auto t = e.find("treatment");
        const auto n = e.find("sessions");
        if (t == e.end() || !t->is_string()) return std::string(tr("setup.packages.untitled"));
        return fill(tr("setup.packages.composed"),
                    {{"treatment", treatment_name(lang, t->get<std::string>())},
                     {"count", n != e.end() && n->is_number() ? std::to_string(n->get<int>()) : std::string("?")}});
      },
      [&d, lang](const std::string& at, const Json&) {
        treatment_pick(d, tr("setup.field.treatment"), at + "/treatment", lang);
        figure_field(d, tr("setup.field.sessions"), tr("setup.unit.sessions"), at + "/sessions");
        one_of(d, at, tr("setup.field.discount"), "percent_off", tr("setup.discount.percent"), "amount_off",
               tr("setup.discount.amount"));
        for (const char* key : {"percent_off", "amount_off"})
          if (d.at(at + "/" + key)) {
            number_field(d, key[0] == 'p' ? tr("setup.unit.percent") : money_label(d).c_str(), at + "/" + key, kFigureWidth,
                         tr(key[0] == 'p' ? "setup.discount.percent" : "setup.discount.amount"));
            field_issues(d, at + "/" + key);
          }
        localized_field(d, tr("setup.field.package_name"), at + "/name");
      });
}

void addons(ClinicDraft& d, Lang lang) {
  section("setup.section.addons", "setup.addons.lead");
  const Json fresh = {{"id", "addon"}};
  list_editor(
      d, "/addons", tr("setup.addons.add"), fresh,
      [lang](const Json& e) { return entry_title(e, lang, "setup.addons.untitled"); },
      [&d, lang](const std::string& at, const Json&) {
        localized_field(d, tr("setup.field.addon_name"), at + "/name");
        quantity_field(d, tr("setup.field.addon_price"), at + "/price");
        treatments_field(d, tr("setup.field.addon_treatments"), at + "/treatments", lang);
      });
}

void memberships(ClinicDraft& d, Lang lang) {
  section("setup.section.memberships", "setup.memberships.lead");
  const Json fresh = {{"id", "membership"}, {"min_months", 3}};
  list_editor(
      d, "/memberships", tr("setup.memberships.add"), fresh,
      [lang](const Json& e) { return entry_title(e, lang, "setup.memberships.untitled"); },
      [&d, lang](const std::string& at, const Json&) {
        localized_field(d, tr("setup.field.membership_name"), at + "/name");
        figure_field(d, tr("setup.field.monthly_fee"), money_label(d).c_str(), at + "/monthly_fee");
        figure_field(d, tr("setup.field.min_months"), tr("setup.unit.months"), at + "/min_months");
        // Percent off listed treatments, or a member's price per treatment.
        field_label(tr("setup.field.member_discount"));
        const bool prices = d.at(at + "/member_prices") != nullptr;
        const char* ways[2] = {tr("setup.member.percent"), tr("setup.member.prices")};
        const int pressed = segmented((at + "/way").c_str(), ways, 2, prices ? 1 : 0, 40.0f, 460.0f);
        if (pressed == 1 && !prices) {
          d.erase(at + "/percent_off");
          d.erase(at + "/treatments");
          d.set(at + "/member_prices", Json::object());
        } else if (pressed == 0 && prices) {
          d.erase(at + "/member_prices");
        }
        if (d.at(at + "/member_prices")) {
          text(tr("setup.member.prices_lead"), FontRole::Small, palette().ink_muted);
          for (const std::string& id : offered_treatments(d)) {
            const std::string name = treatment_name(lang, id);
            figure_field(d, name.c_str(), money_label(d).c_str(), at + "/member_prices/" + id);
          }
          field_issues(d, at + "/member_prices");
        } else {
          number_field(d, tr("setup.unit.percent"), at + "/percent_off", kFigureWidth, tr("setup.member.percent"));
          field_issues(d, at + "/percent_off");
          treatments_field(d, tr("setup.field.member_treatments"), at + "/treatments", lang);
        }
      });
}

void financing(ClinicDraft& d, Lang lang) {
  section("setup.section.financing", "setup.financing.lead");
  if (!optional_block(d, tr("setup.financing.on"), "/financing", Json::object())) return;
  ImGui::Indent(28.0f);
  figure_field(d, tr("setup.field.apr"), tr("setup.unit.percent"), "/financing/apr_percent");
  numbers_field(d, tr("setup.field.terms"), "/financing/terms_months");
  figure_field(d, tr("setup.field.min_amount"), money_label(d).c_str(), "/financing/min_amount");
  field_issues(d, "/financing", true);
  field_label(tr("setup.financing.promotions"));
  list_editor(
      d, "/financing/promotions", tr("setup.promotions.add"), Json::object(),
      [lang](const Json& e) { return entry_title(e, lang, "setup.promotions.untitled"); },
      [&d](const std::string& at, const Json&) {
        figure_field(d, tr("setup.field.promotion_months"), tr("setup.unit.months"), at + "/months");
        figure_field(d, tr("setup.field.apr"), tr("setup.unit.percent"), at + "/apr_percent");
        figure_field(d, tr("setup.field.min_amount"), money_label(d).c_str(), at + "/min_amount");
        localized_field(d, tr("setup.field.promotion_name"), at + "/name");
      });
  ImGui::Unindent(28.0f);
}

void consultation(ClinicDraft& d) {
  section("setup.section.consultation");
  if (!optional_block(d, tr("setup.consultation.on"), "/consultation", Json::object())) return;
  ImGui::Indent(28.0f);
  figure_field(d, tr("setup.field.fee"), money_label(d).c_str(), "/consultation/fee");
  bool_field(d, tr("setup.field.credited"), "/consultation/credited", false);
  field_issues(d, "/consultation", true);
  ImGui::Unindent(28.0f);
}

void tax(ClinicDraft& d) {
  section("setup.section.tax");
  if (!optional_block(d, tr("setup.tax.on"), "/tax", Json{{"included", false}})) return;
  ImGui::Indent(28.0f);
  figure_field(d, tr("setup.field.tax_rate"), tr("setup.unit.percent"), "/tax/rate_percent");
  field_label(tr("setup.field.tax_included"));
  const Json* included = d.at("/tax/included");
  const int now = included && included->is_boolean() ? (included->get<bool>() ? 1 : 0) : -1;
  const char* ways[2] = {tr("setup.tax.added"), tr("setup.tax.included")};
  if (const int pressed = segmented("/tax/included", ways, 2, now, 40.0f, 520.0f); pressed >= 0) d.set("/tax/included", pressed == 1);
  field_issues(d, "/tax/included");
  localized_field(d, tr("setup.field.tax_name"), "/tax/name", 200.0f);
  field_issues(d, "/tax", true);
  ImGui::Unindent(28.0f);
}

}  // namespace

void offers_sections(ClinicDraft& d, Lang lang) {
  packages(d, lang);
  addons(d, lang);
  memberships(d, lang);
  financing(d, lang);
  consultation(d);
  tax(d);
}

}  // namespace mn::ui::setup
