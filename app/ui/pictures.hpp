#pragma once
// Pictures drawn by the app with ImDrawList, crisp at any pixel ratio: the skin and where needles reach, the healing
// stages over time, skin-tone swatches and the navigation icons. Each picture's words come from the content (both
// languages) and name the picture in the accessibility mirror, so a screen reader hears what it shows.
#include <string>
#include <vector>

#include "core/content.hpp"
#include "imgui.h"
#include "ui/icons.hpp"

namespace mn::ui {

// A Learn figure (a `figure` block): `labels` as kFigureLabels describes, `caption` drawn under it. Takes the
// content column's width and registers an image item named by the labels. Returns true while the figure moves (the
// needles going in, the first time they are in view, unless the person asked for reduced motion): the caller keeps
// frames coming until it rests.
bool learn_figure(const char* id, Figure figure, const std::vector<std::string>& labels, const std::string& caption);

// What the mirror says for a figure: its title, then every label, then the caption.
std::string figure_description(const std::string& title, const std::vector<std::string>& labels,
                               const std::string& caption);

// A typical skin tone for Fitzpatrick type 1–6 (an illustration; the type is about how skin reacts to sun).
ImU32 skin_tone(int type);

}  // namespace mn::ui
