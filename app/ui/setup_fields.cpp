#include "ui/setup_fields.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/catalog.hpp"
#include "core/content.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "imgui_stdlib.h"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"

namespace mn::ui::setup {
namespace {

std::string id_for(const std::string& pointer, const char* what = "") { return std::string("##") + what + pointer; }

// A number as typed back into its field: 1100, 9.99, 0.5.
std::string figure(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return buffer;
}

// What a number field holds: the number, or the text that was typed and is not one.
std::string shown_number(const Json* now) {
  if (now && now->is_number()) return figure(now->get<double>());
  if (now && now->is_string()) return now->get<std::string>();
  return {};
}

// The value typed into a number field: a finite number, or the text itself (the validator says what is wrong).
Json typed_number(const std::string& typed) {
  char* end = nullptr;
  const double number = std::strtod(typed.c_str(), &end);
  if (!typed.empty() && end && *end == '\0' && std::isfinite(number)) return Json(number);
  return Json(typed);
}

// What a number field takes: digits, a sign, an exponent and a decimal point, which a decimal comma becomes ("9,5"
// as Spanish writes it is 9.5).
int figure_chars(ImGuiInputTextCallbackData* data) {
  if (data->EventChar == ',') data->EventChar = '.';
  const ImWchar c = data->EventChar;
  const bool ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
  return ok ? 0 : 1;
}

// Writes a typed string (cleared: the key goes).
void write_text(ClinicDraft& d, const std::string& pointer, const std::string& value) {
  if (value.empty()) d.erase(pointer, true);
  else d.set(pointer, value, true);
}

constexpr const char* kRangeKeys[3] = {"low", "typical", "high"};
constexpr const char* kRangeWords[3] = {"setup.price.low", "setup.price.typical", "setup.price.high"};

}  // namespace

std::string pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::string money_label(const ClinicDraft& d) {
  const Json* c = d.at("/currency");
  if (c && c->is_string()) {
    const std::string code = c->get<std::string>();
    if (code.size() == 3 && std::all_of(code.begin(), code.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; })) return code;
  }
  return tr("setup.unit.amount");
}

std::string treatment_name(Lang lang, std::string_view id) {
  const TreatmentText* t = Content::builtin().treatment_text(lang, id);
  return t ? t->name : std::string(id);
}

std::vector<std::string> offered_treatments(const ClinicDraft& d) {
  std::vector<std::string> out;
  for (std::string_view id : kTreatmentIds) {
    const Json* t = d.at("/treatments/" + std::string(id));
    if (!t || !t->is_object()) continue;
    const auto enabled = t->find("enabled");
    if (enabled != t->end() && enabled->is_boolean() && !enabled->get<bool>()) continue;
    out.emplace_back(id);
  }
  return out;
}

void section(const char* title_key, const char* lead_key) {
  gap(36);
  heading(tr(title_key), FontRole::H2);
  if (*lead_key) {
    gap(2);
    text(tr(lead_key), FontRole::Body, palette().ink_muted);
  }
  gap(4);
}

void subheading(const char* label) {
  gap(18);
  heading(label, FontRole::H3);
}

void field_label(const char* label) {
  gap(10);
  text(label, FontRole::Small, palette().ink_muted);
  gap(2);
}

void field_issues(const ClinicDraft& draft, const std::string& pointer, bool exact) {
  for (const Issue& issue : draft.issues_at(pointer))
    if (!exact || issue.pointer == pointer)
    text(issue.message.c_str(), FontRole::Small, issue.severity == Severity::error ? palette().danger : palette().ink_muted);
}

void text_field(ClinicDraft& d, const char* label, const std::string& pointer, float width) {
  field_label(label);
  const Json* now = d.at(pointer);
  std::string value = now && now->is_string() ? now->get<std::string>() : std::string();
  ImGui::SetNextItemWidth(std::min(width, ImGui::GetContentRegionAvail().x));
  if (ImGui::InputText(id_for(pointer).c_str(), &value)) write_text(d, pointer, value);
  if (const auto typed = name_textbox(ImGui::GetItemID(), label, value)) write_text(d, pointer, *typed);
  field_issues(d, pointer);
}

void number_field(ClinicDraft& d, const char* label, const std::string& pointer, float width, const char* name) {
  std::string value = shown_number(d.at(pointer));
  ImGui::SetNextItemWidth(width);
  const std::string id = std::string(label) + id_for(pointer);
  const auto write = [&](const std::string& typed) {
    if (typed.empty()) d.erase(pointer, true);
    else d.set(pointer, typed_number(typed), true);
  };
  if (ImGui::InputText(id.c_str(), &value, ImGuiInputTextFlags_CallbackCharFilter, figure_chars)) write(value);
  const char* end = ImGui::FindRenderedTextEnd(label);
  if (const auto typed = name_textbox(ImGui::GetItemID(), name ? name : std::string(label, end).c_str(), value)) {
    std::string figure_text = *typed;  // a decimal comma, as the field itself takes it
    std::replace(figure_text.begin(), figure_text.end(), ',', '.');
    write(figure_text);
  }
}

void figure_field(ClinicDraft& d, const char* label, const char* unit, const std::string& pointer) {
  field_label(label);
  number_field(d, unit, pointer, kFigureWidth, label);
  field_issues(d, pointer);
}

void quantity_field(ClinicDraft& d, const char* label, const std::string& pointer, const std::string& context,
                    bool missing_as_range) {
  if (*label) field_label(label);
  const Json* now = d.at(pointer);
  const bool single = now ? !now->is_object() : !missing_as_range;
  const std::string whose = context.empty() ? std::string(label) : context;
  const auto name = [&](const char* word) { return whose.empty() ? std::string(word) : whose + ": " + word; };
  if (single) {
    number_field(d, tr("setup.price.one"), pointer, kFigureWidth, name(tr("setup.price.one")).c_str());
  } else {
    // Three fields with their words in one row, and the button to use one figure after them where it fits: as
    // wide as the column leaves them (70–110 px).
    float words = 0;
    for (const char* w : kRangeWords) words += ImGui::CalcTextSize(tr(w)).x + ImGui::GetStyle().ItemInnerSpacing.x;
    const float room = ImGui::GetContentRegionAvail().x - words - 2 * 16.0f - 20.0f - button_width(tr("setup.quantity.to_one"));
    const float width = std::clamp(room / 3.0f, 70.0f, kFigureWidth);
    for (int i = 0; i < 3; ++i) {
      if (i) ImGui::SameLine(0, 16);
      number_field(d, tr(kRangeWords[i]), pointer + "/" + kRangeKeys[i], width, name(tr(kRangeWords[i])).c_str());
    }
  }
  // One figure ↔ a range: the range starts as low = usual = high = that figure; one figure keeps the usual.
  const char* toggle = tr(single ? "setup.quantity.to_range" : "setup.quantity.to_one");
  same_line_if_room(button_width(toggle), 20);
  ImGui::PushID(pointer.c_str());
  if (button(toggle, ButtonKind::Quiet, 0.0f, 34.0f)) {
    if (single && now) {
      const Json v = *now;
      d.set(pointer, Json{{"low", v}, {"typical", v}, {"high", v}});
    } else if (single) {
      d.set(pointer, Json::object());
    } else {
      const Json* typical = d.at(pointer + "/typical");
      if (typical && typical->is_number()) d.set(pointer, *typical);
      else d.erase(pointer);
    }
  }
  ImGui::PopID();
  field_issues(d, pointer);
}

bool checkbox(const std::string& label, const std::string& id, bool& on) {
  bool flipped = ImGui::Checkbox((label + "##" + id).c_str(), &on);
  if (name_item(ImGui::GetItemID(), label.c_str(), mirror::Role::checkbox, on)) {
    on = !on;
    flipped = true;
  }
  return flipped;
}

void bool_field(ClinicDraft& d, const char* label, const std::string& pointer, bool fallback) {
  const Json* now = d.at(pointer);
  bool value = now && now->is_boolean() ? now->get<bool>() : fallback;
  gap(8);
  if (checkbox(label, pointer, value)) d.set(pointer, value);
  field_issues(d, pointer);
}

void choice_field(ClinicDraft& d, const char* label, const std::string& pointer, const std::vector<Option>& options,
                  std::string_view fallback) {
  field_label(label);
  const Json* now = d.at(pointer);
  const std::string value = now && now->is_string() ? now->get<std::string>() : std::string(fallback);
  std::vector<const char*> labels;
  int selected = -1;
  for (const Option& o : options) {
    if (o.value == value) selected = static_cast<int>(labels.size());
    labels.push_back(o.label);
  }
  float width = 0;
  for (const char* l : labels) width = std::max(width, ImGui::CalcTextSize(l).x + 40.0f);
  const int pressed = segmented(id_for(pointer).c_str(), labels.data(), static_cast<int>(labels.size()), selected, 44.0f,
                                width * static_cast<float>(labels.size()));
  if (pressed >= 0) d.set(pointer, std::string(options[static_cast<std::size_t>(pressed)].value));
  field_issues(d, pointer);
}

void localized_field(ClinicDraft& d, const char* label, const std::string& pointer, float width) {
  field_label(label);
  const Json* now = d.at(pointer);
  ImGui::PushID(pointer.c_str());
  if (now && now->is_string()) {  // one text for every language
    std::string value = now->get<std::string>();
    ImGui::SetNextItemWidth(std::min(width, ImGui::GetContentRegionAvail().x));
    const std::string id = std::string(tr("setup.lang.all")) + id_for(pointer);
    if (ImGui::InputText(id.c_str(), &value)) write_text(d, pointer, value);
    if (const auto typed = name_textbox(ImGui::GetItemID(), (std::string(label) + ", " + tr("setup.lang.all")).c_str(), value))
      write_text(d, pointer, *typed);
    same_line_if_room(button_width(tr("setup.lang.split")), 16);
    if (button(tr("setup.lang.split"), ButtonKind::Quiet, 0.0f, 34.0f)) {
      const Json v = *now;
      d.set(pointer, Json{{"en", v}, {"es", v}});
    }
  } else {
    const float each = std::min(width, (ImGui::GetContentRegionAvail().x - 16.0f) / 2.0f);
    const ImVec2 top = ImGui::GetCursorPos();
    for (Lang lang : {Lang::en, Lang::es}) {
      // Side by side: placed, not continued with SameLine (which would lower the second's words to the baseline of
      // the first one's field).
      if (lang == Lang::es) ImGui::SetCursorPos(ImVec2(top.x + each + 16.0f, top.y));
      const std::string key(lang_code(lang));
      const std::string at = pointer + "/" + key;
      const Json* v = d.at(at);
      std::string value = v && v->is_string() ? v->get<std::string>() : std::string();
      const std::string language = tr(("lang.name." + key).c_str());
      ImGui::BeginGroup();
      text(language.c_str(), FontRole::Small, palette().ink_muted);
      ImGui::SetNextItemWidth(each);
      if (ImGui::InputText(id_for(at).c_str(), &value)) write_text(d, at, value);
      if (const auto typed = name_textbox(ImGui::GetItemID(), (std::string(label) + ", " + language).c_str(), value))
        write_text(d, at, *typed);
      ImGui::EndGroup();
    }
  }
  ImGui::PopID();
  field_issues(d, pointer);
}

void treatments_field(ClinicDraft& d, const char* label, const std::string& pointer, Lang lang) {
  field_label(label);
  const Json* now = d.at(pointer);
  std::vector<std::string> picked;
  if (now && now->is_array())
    for (const Json& v : *now)
      if (v.is_string()) picked.push_back(v.get<std::string>());
  for (const std::string& id : offered_treatments(d)) {
    bool on = std::find(picked.begin(), picked.end(), id) != picked.end();
    const std::string name = treatment_name(lang, id);
    if (!checkbox(name, pointer + "/" + id, on)) continue;
    // In catalogue order, the others kept as they were (also ids this editor does not offer).
    Json next = Json::array();
    for (const std::string& p : picked)
      if (p != id) next.push_back(p);
    if (on) next.push_back(id);
    d.set(pointer, next);
  }
  field_issues(d, pointer);
}

void treatment_pick(ClinicDraft& d, const char* label, const std::string& pointer, Lang lang) {
  field_label(label);
  const Json* now = d.at(pointer);
  const std::string value = now && now->is_string() ? now->get<std::string>() : std::string();
  const std::string shown = value.empty() ? std::string() : treatment_name(lang, value);
  ImGui::SetNextItemWidth(std::min(kFieldWidth, ImGui::GetContentRegionAvail().x));
  const std::string id = id_for(pointer);
  const ImGuiID combo = ImGui::GetID(id.c_str());
  const bool open = ImGui::BeginCombo(id.c_str(), shown.c_str());
  // Named as its label and choice; pressed from the accessibility mirror, it opens its list (ImGui's combo popup).
  if (name_item(combo, (std::string(label) + ": " + shown).c_str()) && !open) ImGui::OpenPopupEx(ImHashStr("##ComboPopup", 0, combo));
  if (open) {
    for (const std::string& t : offered_treatments(d)) {
      const std::string name = treatment_name(lang, t);
      if (ImGui::Selectable((name + id_for(pointer, t.c_str())).c_str(), t == value)) d.set(pointer, t);
      if (name_item(ImGui::GetItemID(), name.c_str(), mirror::Role::radio, t == value)) {
        d.set(pointer, t);
        ImGui::CloseCurrentPopup();
      }
    }
    ImGui::EndCombo();
  }
  field_issues(d, pointer);
}

void numbers_field(ClinicDraft& d, const char* label, const std::string& pointer, float width) {
  field_label(label);
  const Json* now = d.at(pointer);
  std::string value;
  if (now && now->is_array()) {
    for (const Json& v : *now) {
      if (!value.empty()) value += ", ";
      value += v.is_number() ? figure(v.get<double>()) : v.dump();
    }
  } else if (now && now->is_string()) {
    value = now->get<std::string>();
  }
  ImGui::SetNextItemWidth(std::min(width, ImGui::GetContentRegionAvail().x));
  const auto write = [&](const std::string& typed) {
    // "6, 12, 24" → [6, 12, 24]; a trailing comma while typing is fine; anything else stays text.
    Json list = Json::array();
    bool numbers = true;
    std::string item;
    for (std::size_t i = 0; i <= typed.size() && numbers; ++i) {
      if (i == typed.size() || typed[i] == ',') {
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        if (!item.empty()) {
          const Json n = typed_number(item);
          if (n.is_number()) list.push_back(n);
          else numbers = false;
        }
        item.clear();
      } else {
        item += typed[i];
      }
    }
    if (typed.find_first_not_of(" ,") == std::string::npos) d.erase(pointer, true);
    else d.set(pointer, numbers ? list : Json(typed), true);
  };
  if (ImGui::InputText(id_for(pointer).c_str(), &value)) write(value);
  if (const auto typed = name_textbox(ImGui::GetItemID(), label, value)) write(*typed);
  field_issues(d, pointer);
}

bool optional_block(ClinicDraft& d, const char* label, const std::string& pointer, const Json& start) {
  bool on = d.at(pointer) != nullptr;
  gap(8);
  if (checkbox(label, pointer + "/on", on)) {
    if (on) d.set(pointer, start);
    else d.erase(pointer);
  }
  return d.at(pointer) != nullptr;
}

void list_editor(ClinicDraft& d, const std::string& pointer, const char* add_label, const Json& fresh,
                 const std::function<std::string(const Json& entry)>& title,
                 const std::function<void(const std::string& entry_pointer, const Json& entry)>& entry) {
  const Json* list = d.at(pointer);
  const std::size_t count = list && list->is_array() ? list->size() : 0;
  std::optional<std::size_t> remove;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string at = pointer + "/" + std::to_string(i);
    const Json item = (*d.at(pointer))[i];  // a copy: the fields below may change the document
    ImGui::PushID(at.c_str());
    gap(18);
    const std::string name = title(item);
    const char* remove_label = tr("setup.list.remove");
    const float remove_w = button_width(remove_label);
    const float title_top = ImGui::GetCursorPosY();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::max(120.0f, ImGui::GetContentRegionAvail().x - remove_w - 24.0f));
    heading(name.c_str(), FontRole::H3);
    ImGui::PopTextWrapPos();
    const float after_title = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - remove_w, title_top - 4.0f));
    if (button(remove_label, ButtonKind::Quiet, 0.0f, 34.0f)) remove = i;
    ImGui::SetCursorPosY(std::max(after_title, ImGui::GetCursorPosY()));
    ImGui::Indent(20.0f);
    if (item.is_object()) entry(at, item);
    field_issues(d, at, true);
    ImGui::Unindent(20.0f);
    ImGui::PopID();
    gap(10);
    divider();
  }
  if (remove) d.erase(pointer + "/" + std::to_string(*remove));
  gap(14);
  ImGui::PushID(pointer.c_str());
  if (button(add_label, ButtonKind::Secondary, 0.0f, 44.0f)) {
    Json next = fresh;
    if (next.contains("id") && next["id"].is_string()) {  // "package-2": unique among the list's ids
      const std::string base = next["id"].get<std::string>();
      for (int n = static_cast<int>(count) + 1;; ++n) {
        const std::string id = base + "-" + std::to_string(n);
        bool taken = false;
        if (const Json* l = d.at(pointer); l && l->is_array())
          for (const Json& e : *l) taken = taken || (e.is_object() && e.value("id", Json()) == id);
        if (!taken) {
          next["id"] = id;
          break;
        }
      }
    }
    if (!list || !list->is_array()) d.set(pointer, Json::array({next}));
    else d.set(pointer + "/-", next);
  }
  ImGui::PopID();
  field_issues(d, pointer);
}

}  // namespace mn::ui::setup
