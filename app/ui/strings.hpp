#pragma once
// UI text in the current language, from the built-in content (assets/content/<lang>/ui.json), with English
// as the fallback for a missing key.
#include <string_view>

#include "core/lang.hpp"

namespace mn::ui {

// Shows the UI in `lang`. A language whose content is not loaded yet (core/assets.hpp: web builds load each language
// but English on demand) reads as English until it arrives; `on_language_wanted` is asked for it once.
void set_language(Lang lang);
Lang language();
// Set by the platform: fetch this language's content (the browser build: its asset pack).
extern void (*on_language_wanted)(Lang lang);
// Whether `lang`'s content is loaded; if not, asks for it (once the platform has it, it is used). For answering in
// a language without showing it (the JavaScript API).
bool want_language(Lang lang);
// The string for `key` in the current language (English if missing there, the key itself if missing in English).
const char* tr(std::string_view key);

}  // namespace mn::ui
