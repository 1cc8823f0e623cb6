#include "ui/strings.hpp"

#include "core/content.hpp"

namespace mn::ui {
namespace {
Lang g_lang = Lang::en;
}

void set_language(Lang lang) { g_lang = lang; }

Lang language() { return g_lang; }

const char* tr(std::string_view key) { return Content::builtin().tr(g_lang, key).c_str(); }

}  // namespace mn::ui
