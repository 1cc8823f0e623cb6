#include "core/lang.hpp"

namespace mn {

std::string_view lang_code(Lang lang) { return lang == Lang::es ? "es" : "en"; }

std::optional<Lang> parse_lang(std::string_view code) {
  for (Lang lang : kLanguages)
    if (lang_code(lang) == code) return lang;
  return std::nullopt;
}

}  // namespace mn
