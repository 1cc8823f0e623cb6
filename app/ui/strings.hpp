#pragma once
// UI text in the current language, from the built-in content (assets/content/<lang>/ui.json), with English
// as the fallback for a missing key.
#include <string_view>

#include "core/lang.hpp"

namespace mn::ui {

void set_language(Lang lang);
Lang language();
// The string for `key` in the current language (English if missing there, the key itself if missing in English).
const char* tr(std::string_view key);

}  // namespace mn::ui
