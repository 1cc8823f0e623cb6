#include "core/content.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

#include "core/assets.hpp"
#include "core/candidacy_rules.hpp"
#include "core/json_parse.hpp"
#include "core/string_table.hpp"

namespace mn {

AssetReader embedded_reader() {
  return [](const std::string& path) -> std::optional<std::string> {
    const auto data = asset(path);
    return data ? std::optional<std::string>(*data) : std::nullopt;
  };
}

std::string language_file(Lang lang, std::string_view file) {
  return "content/" + std::string(lang_code(lang)) + "/" + std::string(file);
}

std::vector<Lang> available_languages() {
  std::vector<Lang> out;
  for (Lang lang : kLanguages)
    if (language_available(lang)) out.push_back(lang);
  return out;
}

namespace {
bool has_language_files(Lang lang) {
  for (std::string_view file : kLanguageFiles)
    if (!asset(language_file(lang, file))) return false;
  for (std::string_view file : {kCandidacyMessagesFile, kCompareStringsFile, kPlanStringsFile})
    if (!asset(language_file(lang, file))) return false;
  return true;
}
}  // namespace

bool language_available(Lang lang) {
  // Asked every frame (which screen to draw) and by every API call; the answer changes only when a pack adds files.
  static std::uint64_t checked_at = ~std::uint64_t{0};
  static std::array<bool, kLanguages.size()> available{};
  if (checked_at != assets_version()) {
    checked_at = assets_version();
    bool shared = true;
    for (std::string_view file : {kSourcesFile, kTreatmentsFile, kCandidacyRulesFile}) shared = shared && asset(file);
    const bool english = shared && has_language_files(Lang::en);
    for (Lang l : kLanguages)
      available[static_cast<std::size_t>(l)] = english && (l == Lang::en || has_language_files(l));
  }
  return available[static_cast<std::size_t>(lang)];
}

bool language_strings_available(Lang lang) { return asset(language_file(lang, "ui.json")).has_value(); }

const Content& Content::builtin() {
  static LoadedFromAssets<Content> content;
  return content.get([] {
    if (language_available(Lang::en)) return load(embedded_reader(), available_languages());
    std::vector<Lang> with_strings;
    for (Lang lang : kLanguages)
      if (lang != Lang::en && language_strings_available(lang)) with_strings.push_back(lang);
    return load_strings(embedded_reader(), with_strings);
  });
}

const std::string& Content::tr(Lang lang, std::string_view key) const {
  const auto& strings = in(lang).strings;  // holds the English strings the language lacks
  if (const auto it = strings.find(key); it != strings.end()) return it->second;
  if (const auto it = missing_keys_.find(key); it != missing_keys_.end()) return it->second;
  return missing_keys_.emplace(std::string(key), std::string(key)).first->second;
}

std::string Content::tr(Lang lang, std::string_view key, const std::vector<Placeholder>& values) const {
  return fill(tr(lang, key), values);
}

const Treatment* Content::treatment(std::string_view id) const {
  const auto it = std::find_if(treatments_.begin(), treatments_.end(), [&](const Treatment& t) { return t.id == id; });
  return it == treatments_.end() ? nullptr : &*it;
}

const TreatmentText* Content::treatment_text(Lang lang, std::string_view id) const {
  const auto& texts = in(lang).treatments;
  const auto it = texts.find(id);
  return it == texts.end() ? nullptr : &it->second;
}

const Concern* Content::concern(Lang lang, std::string_view id) const {
  const auto& concerns = in(lang).concerns;
  const auto it = concerns.find(id);
  return it == concerns.end() ? nullptr : &it->second;
}

const Source* Content::source(std::string_view id) const {
  const auto it = std::find_if(sources_.begin(), sources_.end(), [&](const Source& s) { return s.id == id; });
  return it == sources_.end() ? nullptr : &*it;
}

}  // namespace mn

namespace mn {

bool Source::covers(std::string_view treatment) const {
  return std::any_of(covers_treatments.begin(), covers_treatments.end(),
                     [&](const std::string& t) { return t == "*" || t == treatment; });
}

std::vector<const Source*> patient_sources(const Content& content, const EducationSection& section) {
  std::vector<const Source*> out;
  for (const EducationBlock& b : section.blocks)
    for (const std::string& id : b.sources) {
      const Source* s = content.source(id);
      if (!s || is_weak(s->strength) || std::find(out.begin(), out.end(), s) != out.end()) continue;
      out.push_back(s);
    }
  return out;
}

std::string patient_citation(const Source& source) {
  std::string out = source.title;
  if (!source.publisher.empty()) out += " — " + source.publisher;
  if (source.year) out += (source.publisher.empty() ? " — " : ", ") + std::to_string(source.year);
  return out;
}

}  // namespace mn
