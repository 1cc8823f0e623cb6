#pragma once
// The languages the app is written in.
#include <array>
#include <optional>
#include <string_view>

namespace mn {

enum class Lang { en, es };

// Every language, English (the fallback language) first.
inline constexpr std::array<Lang, 2> kLanguages = {Lang::en, Lang::es};

// "en", "es".
std::string_view lang_code(Lang lang);
// The language for a code such as "es"; nullopt for anything else.
std::optional<Lang> parse_lang(std::string_view code);

}  // namespace mn
