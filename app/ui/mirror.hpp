#pragma once
// The accessibility mirror: what each frame shows, as a list a screen reader can use (headings, text, and
// controls with their state). The platform turns it into hidden HTML with real buttons; activating one
// of those presses the same widget in the app (take_activation). Screens feed it through widgets.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mn::ui::mirror {

enum class Role { heading1, heading2, heading3, text, button, checkbox, radio, table, image, textbox };

struct Node {
  Role role = Role::text;
  std::string text;      // a table's caption
  std::uint32_t id = 0;  // ImGui id of a control
  bool checked = false;  // checkbox and radio
  std::string value;     // a textbox's text
  // A table: column headings, and rows whose first cell names the row (a cell's lines are separated by '\n').
  std::vector<std::string> head;
  std::vector<std::vector<std::string>> rows;
  std::string announce;  // what the live region says when this table changes ("" = the caption)
};

void begin_frame();
void add_text(Role role, const char* text);
void add_control(Role role, std::uint32_t id, const char* label, bool checked = false);
// A text field: its label and the text it holds (HTML: an <input> a screen reader can edit).
void add_textbox(std::uint32_t id, const char* label, const std::string& value);
// Gives the control added last a fuller name than its visible label (e.g. "English" for "EN", or "Estimate this:
// Microneedling" for one of many "Estimate this" buttons).
void name_last_control(const std::string& name);

// A results table (<table> with a caption and column headings) at this point of the screen. Rows follow with
// table_row() until table_end(); the first cell of each row is its heading.
void table_begin(const std::string& caption, std::vector<std::string> head, const std::string& announce = {});
void table_row(std::vector<std::string> cells);
void table_end();
bool in_table();
// Text added between mute_begin() and mute_end() (they nest) is left out: a table says the same. Controls stay.
void mute_begin();
void mute_end();
// The last complete frame's nodes, and a hash that changes when they do.
const std::vector<Node>& nodes();
std::uint64_t version();
void end_frame();

// The HTML side asked to activate control `id` (it is pressed on the next frame it is drawn).
void request_activation(std::uint32_t id);
// True once for the control the HTML side activated.
bool take_activation(std::uint32_t id);
// The HTML side changed text field `id` to `text` (a screen reader's edit, committed).
void request_text(std::uint32_t id, std::string text);
// Once, the text the HTML side gave text field `id`; nullopt otherwise.
std::optional<std::string> take_text(std::uint32_t id);

// {"version":…, "nodes":[{"role":"button","text":"Next","id":123,"checked":false}, …]}; a table node has
// "head", "rows" and "announce" too, a textbox node "value".
std::string json();

}  // namespace mn::ui::mirror
