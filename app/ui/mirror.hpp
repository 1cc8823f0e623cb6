#pragma once
// The accessibility mirror: what each frame shows, as a list a screen reader can use (headings, text, and
// controls with their state). The platform turns it into hidden HTML with real buttons; activating one
// of those presses the same widget in the app (take_activation). Screens feed it through widgets.hpp.
#include <cstdint>
#include <string>
#include <vector>

namespace mn::ui::mirror {

enum class Role { heading1, heading2, heading3, text, button, checkbox, radio };

struct Node {
  Role role = Role::text;
  std::string text;
  std::uint32_t id = 0;  // ImGui id of a control
  bool checked = false;  // checkbox and radio
};

void begin_frame();
void add_text(Role role, const char* text);
void add_control(Role role, std::uint32_t id, const char* label, bool checked = false);
// The last complete frame's nodes, and a hash that changes when they do.
const std::vector<Node>& nodes();
std::uint64_t version();
void end_frame();

// The HTML side asked to activate control `id` (it is pressed on the next frame it is drawn).
void request_activation(std::uint32_t id);
// True once for the control the HTML side activated.
bool take_activation(std::uint32_t id);

// {"version":…, "nodes":[{"role":"button","text":"Next","id":123,"checked":false}, …]}
std::string json();

}  // namespace mn::ui::mirror
