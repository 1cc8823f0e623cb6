#pragma once
// Every ImGui item of the last drawn frame (id, label, rectangle, state), collected through 1.86's
// item hooks (IMGUI_ENABLE_TEST_ENGINE). Browser tests find widgets by name through it, and the
// accessibility mirror is built from it.
#include <string>
#include <vector>

#include "imgui.h"

namespace mn::platform {

struct Item {
  ImGuiID id = 0;
  std::string label;   // as given to ImGui, "##..." suffix included
  std::string window;  // the window's name
  ImVec4 rect;         // x, y, w, h in CSS pixels, clipped to the window
  int flags = 0;       // ImGuiItemStatusFlags
  bool visible = true; // false: scrolled out of its window (rect is then the unclipped one)
  bool disabled = false;
  bool pressable() const;  // not disabled and not a picture (ui::kItemStatusPicture)
};

// Call once after ImGui::CreateContext().
void item_registry_enable();
// Call after ImGui::Render(): the frame's items become the published list.
void item_registry_publish();
const std::vector<Item>& published_items();
// The published list as JSON: [{"id":..,"label":..,"name":..,"window":..,"x":..,"y":..,"w":..,"h":..,
// "checkable":..,"checked":..,"visible":..,"pressable":..}] (pressable: not disabled, not a picture) — "name" is the label without its "##" suffix.
std::string published_items_json();

// Moves keyboard focus `steps` named controls forward (or back) in the order they were drawn, across windows,
// and scrolls the new one into view; a text field (ui::kItemStatusTextbox) starts being edited. Call between NewFrame
// and the UI's drawing.
void focus_next_item(int steps);

}  // namespace mn::platform
