#include "ui/strings.hpp"

#include "core/content.hpp"

namespace mn::ui {
namespace {
Lang g_lang = Lang::en;
}

void (*on_language_wanted)(Lang lang) = nullptr;

bool want_language(Lang lang) {
  if (language_available(lang)) return true;
  if (on_language_wanted) {
    if (!language_available(Lang::en)) on_language_wanted(Lang::en);  // every language needs English's files too
    if (lang != Lang::en) on_language_wanted(lang);
  }
  return false;
}

void set_language(Lang lang) {
  g_lang = lang;
  want_language(lang);
}

Lang language() { return g_lang; }

const char* tr(std::string_view key) { return Content::builtin().tr(g_lang, key).c_str(); }

}  // namespace mn::ui
