#pragma once
// Line icons for the navigation (the tab bar, the side bar) and Home's cards, drawn with ImDrawList (pictures.cpp).
#include "imgui.h"

namespace mn::ui {

enum class Icon { none, home, learn, candidacy, compare, estimate, plan };
// A line icon centred in a square of side `size`; Icon::none draws nothing.
void draw_icon(ImDrawList* dl, Icon icon, ImVec2 centre, float size, ImU32 colour);

}  // namespace mn::ui
