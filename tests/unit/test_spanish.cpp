// The Spanish content (assets/content/es/*.json) avoids known false friends and keeps one register and one
// regional form: neutral Latin American Spanish, formal "usted", "fototipo" for the Fitzpatrick skin type.
#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

#include "core/assets.hpp"
#include "core/json_parse.hpp"

using namespace mn;

namespace {

// Every string value of `j`, with its JSON pointer.
void strings_of(const Json& j, const std::string& pointer, std::vector<std::pair<std::string, std::string>>& out) {
  if (j.is_string()) out.emplace_back(pointer, j.get<std::string>());
  if (j.is_object())
    for (const auto& [key, value] : j.items()) strings_of(value, pointer + "/" + key, out);
  if (j.is_array())
    for (std::size_t i = 0; i < j.size(); ++i) strings_of(j[i], pointer + "/" + std::to_string(i), out);
}

struct Banned {
  const char* pattern;  // ECMAScript regex, matched case-insensitively
  const char* why;
};

// What a medical translator would strike out, and why. The files are UTF-8 and std::regex matches bytes, so an
// accented letter is written as an alternative "(o|ó)", never inside a bracket class.
const Banned kBanned[] = {
    {"manchas claras", "'light (faint) marks' are 'marcas leves'; 'manchas claras' means pale patches"},
    {"tipos? de piel", "for the Fitzpatrick type say 'fototipo'; 'tipo de piel' means oily, dry or mixed skin"},
    {"bol(i|í)grafo", "a microneedling pen is a 'dispositivo tipo pluma' (dermapen), not a ballpoint"},
    {"morat(o|ó)n", "one regional form: 'moretón', 'moretones'"},
    {"\\bcostes?\\b", "one regional form: 'costo', 'costos'"},
    {"\\b(vosotros|vuestr[oa]s?|pod(e|é)is|ten(e|é)is|quer(e|é)is)\\b", "neutral Latin American Spanish: 'ustedes'"},
    {"\\b(tu|tus|tienes|puedes|quieres|eres)\\b|\\b(tú|estás)", "formal 'usted' throughout: 'su', 'tiene', 'puede'"},
    {"ordenador|m(o|ó)vil\\b", "Latin American usage: 'computadora', 'celular' or 'teléfono'"},
};

}  // namespace

TEST_CASE("Spanish content has none of the known false friends, one register and one regional form") {
  const char* files[] = {"candidacy.json", "compare.json", "concerns.json", "education.json",
                         "plan.json",      "treatments.json", "ui.json"};
  std::size_t checked = 0;
  for (const char* file : files) {
    const std::string path = std::string("content/es/") + file;
    const auto text = embedded_asset(path);
    REQUIRE_MESSAGE(text, path << " is not built in");
    ParsedJson parsed = parse_json(*text);
    REQUIRE(parsed.ok());
    std::vector<std::pair<std::string, std::string>> strings;
    strings_of(parsed.value, "", strings);
    for (const auto& [pointer, value] : strings) {
      ++checked;
      for (const Banned& b : kBanned)
        if (std::regex_search(value, std::regex(b.pattern, std::regex::ECMAScript | std::regex::icase)))
          FAIL_CHECK(path << pointer << ": \"" << value << "\": " << b.why);
      // "castaño" is an eye or hair colour, never a skin colour (skin: "morena", "trigueña").
      if ((pointer.rfind("/strings/q.skin.type.", 0) == 0 || pointer.rfind("/strings/q.quiz.3.", 0) == 0) &&
          value.find("casta") != std::string::npos)
        FAIL_CHECK(path << pointer << ": \"" << value << "\": skin is 'morena', not 'castaña'");
    }
  }
  CHECK(checked > 500);
}

TEST_CASE("the false-friend check bites") {
  // The same patterns on known-bad sentences, so that a broken regex cannot pass silently.
  const char* bad[] = {"Quedan manchas claras.", "Su tipo de piel es III.", "Un bolígrafo con agujas.",
                       "Pueden salir moratones.", "El coste total.", "Vosotros podéis.", "Tu piel está roja.",
                       "Use el ordenador."};
  for (std::size_t i = 0; i < std::size(bad); ++i) {
    INFO(bad[i]);
    CHECK(std::regex_search(std::string(bad[i]), std::regex(kBanned[i].pattern, std::regex::ECMAScript | std::regex::icase)));
  }
}
