#pragma once
// The app's own widgets on top of ImGui: wrapped text in the type scale, buttons, cards, callouts.
#include <optional>
#include <string>

#include "imgui.h"
#include "ui/icons.hpp"
#include "ui/mirror.hpp"
#include "ui/theme.hpp"

namespace mn::ui {

enum class ButtonKind { Primary, Secondary, Quiet };

// Text wrapped to the current content width.
void text(const char* s, FontRole role = FontRole::Body, ImU32 colour = 0);
// ImDrawList::AddText in `font`, drawn with that font's texture: each font role has an atlas of its own (theme.hpp),
// and the draw list otherwise keeps the texture of the window's current font.
void add_text(ImDrawList* dl, const ImFont* font, float size, ImVec2 pos, ImU32 colour, const char* begin,
              const char* end = nullptr, float wrap_width = 0.0f);
void heading(const char* s, FontRole role = FontRole::H1);
// `s` as it fits in `max_width` at `size` in `font`: whole, or cut at a letter and ended with "…".
std::string fit_text(const ImFont* font, float size, const std::string& s, float max_width);
// Vertical space in CSS pixels.
void gap(float px);
// A thin horizontal rule across the content column.
void divider();

// A button at least `min_height` tall; width 0 = fit the label, < 0 = fill the row.
bool button(const char* label, ButtonKind kind = ButtonKind::Primary, float width = 0.0f, float min_height = 48.0f);

// The width button() gives `label` when it fits the label (width 0).
float button_width(const char* label);
// Continues the line after the last item when `width` more (after `spacing`) fits in the content column; otherwise
// the next item starts a new line. For a button beside fields that must wrap on a narrow screen.
void same_line_if_room(float width, float spacing);

// A large navigation card: an optional icon, a title and a line of description. Returns true when activated.
bool card(const char* id, const char* title, const char* body, ImVec2 size, Icon icon = Icon::none);

// A full-width answer row: a radio dot (or a checkbox when `multi`), a title and an optional line of detail.
// `id` must be unique in the window; the visible title names the item for tests and the accessibility mirror.
// A non-zero `swatch` shows that colour as a disc at the row's end (an illustration, e.g. a skin tone).
bool choice_row(const char* id, const char* title, const char* detail, bool selected, bool multi, float min_height,
                ImU32 swatch = 0);

// A full-width row that leads somewhere: a coloured dot, a title, an optional line of detail and a chevron.
// The mirror shows it as a button named by its title.
bool link_row(const char* id, const char* title, const char* detail, ImU32 dot, float min_height);

// A row of equal segments (e.g. mild / moderate / severe); returns the index pressed, or -1. `width` 0: the row's.
int segmented(const char* id, const char* const* labels, int count, int selected, float height, float width = 0.0f);

// A thin progress bar with a caption such as "Step 2 of 9".
void progress_bar(float fraction, const char* caption);

// A small rounded label in a colour (e.g. a verdict).
void badge(const char* label, ImU32 fill, ImU32 ink);

// A callout box with a coloured edge (information, caution).
void callout(const char* s, ImU32 edge);

// The first layout defect of this frame that a person would see (a label wider than its button), or "": the UI
// tests fail on it at every screen size they walk. Cleared by begin_layout_checks() at the start of a frame.
void begin_layout_checks();
const std::string& layout_problem();

// True when the person asked for less motion (prefers-reduced-motion): no fades, no inertia. The platform sets
// the query; without one (native builds) motion is allowed.
bool reduce_motion();
void set_motion_query(bool (*query)());

// Tells the test bridge and the accessibility mirror what a custom-drawn item is called and what it is.
// Returns true when the mirror (a screen reader's button) activated it: callers treat that as a press.
// Set in a named item's status flags when it cannot be pressed (a picture: Role::image). The test bridge reports such
// items as not pressable, beside disabled ones.
inline constexpr int kItemStatusPicture = 1 << 28;
bool name_item(ImGuiID id, const char* label, mirror::Role role = mirror::Role::button, bool checked = false);
// Set in a text field's status flags (name_textbox): Tab starts editing it, as it does an HTML text box.
inline constexpr int kItemStatusTextbox = 1 << 27;
// Names a text field (ImGui::InputText) for the test bridge and the mirror, where it is an <input> holding `value`.
// Returns the text a screen reader committed there (the caller writes it as if typed), once.
std::optional<std::string> name_textbox(ImGuiID id, const char* label, const std::string& value);

}  // namespace mn::ui
