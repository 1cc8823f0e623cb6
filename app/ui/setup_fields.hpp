#pragma once
// The setup editor's fields (setup.html): each is bound to a value of the clinic.json being edited, by its JSON
// pointer, writes what is typed into the draft (typing into one field is one undo step; clearing a field removes its
// key), and shows the validator's messages for that value under it. Used by the screen_setup*.cpp files.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ui/screens.hpp"

namespace mn::ui::setup {

// The width of a usual text field, in CSS pixels.
inline constexpr float kFieldWidth = 420.0f;
// The width of a field for a figure (a price, a number of months).
inline constexpr float kFigureWidth = 110.0f;

// A heading for a part of the editor, with room above it, and an optional line under it (a string key, or "").
void section(const char* title_key, const char* lead_key = "");
// A heading inside a part (H3), with room above.
void subheading(const char* text);
// A field's label above it (small, muted), with room above.
void field_label(const char* text);
// The validator's messages for `pointer` and anything inside it (`exact`: for `pointer` itself only), in the danger
// colour for errors.
void field_issues(const ClinicDraft& draft, const std::string& pointer, bool exact = false);

// A string at `pointer`: `label` above the field; clearing it removes the key.
void text_field(ClinicDraft& d, const char* label, const std::string& pointer, float width = kFieldWidth);
// A number at `pointer`, `label` beside it (after ##: hidden), `width` wide. What is not a number is kept as typed
// (a string), so that the validator names it; clearing it removes the key.
// `name`: what the field is called for a screen reader and the tests, when `label` is only a unit ("%").
void number_field(ClinicDraft& d, const char* label, const std::string& pointer, float width = kFigureWidth,
                  const char* name = nullptr);
// A labelled figure: `label` above, the number field with `unit` beside it (named by `label`), the messages under.
void figure_field(ClinicDraft& d, const char* label, const char* unit, const std::string& pointer);
// A number or a {"low", "typical", "high"} range at `pointer` (prices, units, syringes): one field or three in a
// row, with a quiet button to switch between the two forms. The fields are named
// "<context>: Lowest" (`context` "": the label) for a screen reader and the tests.
// `missing_as_range`: a missing value is shown as three fields (a price to fill in), else as one (an optional figure).
void quantity_field(ClinicDraft& d, const char* label, const std::string& pointer, const std::string& context = "",
                    bool missing_as_range = true);
// A checkbox named `label` (its ImGui id: `label` + `id`), pressed with the pointer or from the accessibility mirror:
// true when it was flipped (`on` then holds the new state).
bool checkbox(const std::string& label, const std::string& id, bool& on);
// A boolean at `pointer` as a checkbox; `fallback` when it is missing.
void bool_field(ClinicDraft& d, const char* label, const std::string& pointer, bool fallback);
// A choice of strings at `pointer` as a segmented row; `fallback` when it is missing or not one of them.
struct Option {
  std::string_view value;
  const char* label;  // shown (already translated)
};
void choice_field(ClinicDraft& d, const char* label, const std::string& pointer, const std::vector<Option>& options,
                  std::string_view fallback);
// A localized text ("one text" or {"en": …, "es": …}) at `pointer`: one field per language (or one for every
// language, with a button to write it per language).
void localized_field(ClinicDraft& d, const char* label, const std::string& pointer, float width = kFieldWidth);
// A list of treatment ids at `pointer`, as a checkbox per treatment the clinic offers (in catalogue order).
void treatments_field(ClinicDraft& d, const char* label, const std::string& pointer, Lang lang);
// One treatment id at `pointer`, picked from those the clinic offers (a drop-down).
void treatment_pick(ClinicDraft& d, const char* label, const std::string& pointer, Lang lang);
// A list of whole numbers at `pointer`, typed as "6, 12, 24"; what does not read as one is kept as typed.
void numbers_field(ClinicDraft& d, const char* label, const std::string& pointer, float width = kFieldWidth * 0.6f);
// An optional object at `pointer` switched on and off by a checkbox: on writes `start` (the fields then follow);
// off removes it. Returns whether it is there.
bool optional_block(ClinicDraft& d, const char* label, const std::string& pointer, const Json& start);

// A list of objects at `pointer` (packages, add-ons, …): each drawn by `entry` as a card with a Remove button, then
// an Add button that appends `fresh` (its "id" numbered to be unique). `title(i)` names entry i on its card.
void list_editor(ClinicDraft& d, const std::string& pointer, const char* add_label, const Json& fresh,
                 const std::function<std::string(const Json& entry)>& title,
                 const std::function<void(const std::string& entry_pointer, const Json& entry)>& entry);

// The clinic's name of treatment `id` in `lang` (the content's name).
std::string treatment_name(Lang lang, std::string_view id);
// The treatments the clinic offers in the document being edited (listed, and not "enabled": false).
std::vector<std::string> offered_treatments(const ClinicDraft& d);
// The word beside a money field: the clinic's currency code ("CAD"), or "amount" while it is not one.
std::string money_label(const ClinicDraft& d);
// A JSON pointer token for a key ("~" and "/" escaped).
std::string pointer_token(std::string_view key);

// The editor's parts beside screen_setup.cpp: treatments and their prices (setup_treatments.cpp); packages,
// add-ons, memberships, financing, the consultation fee and tax (setup_offers.cpp).
void treatments_section(SetupState& s, Lang lang);
void offers_sections(ClinicDraft& d, Lang lang);

}  // namespace mn::ui::setup
