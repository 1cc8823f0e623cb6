#pragma once
// Flat per-language string files beside ui.json: content/<lang>/compare.json (comparison reasons and estimate
// labels) and content/<lang>/plan.json (the plan as text and as a page). Format: {"strings": {"key": "text"}},
// `{name}` placeholders filled by the caller; a key missing in a language falls back to English, then to the key.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.hpp"
#include "core/issues.hpp"
#include "core/lang.hpp"
#include "core/text.hpp"

namespace mn {

inline constexpr std::string_view kCompareStringsFile = "compare.json";
inline constexpr std::string_view kPlanStringsFile = "plan.json";

class StringTable {
 public:
  // Reads content/<lang>/<file> for every language (or English and `languages`). Never throws; problems are in
  // issues().
  static StringTable load(const AssetReader& read, std::string_view file);
  static StringTable load(const AssetReader& read, std::string_view file, const std::vector<Lang>& languages);
  // The app's own compare.json and plan.json in every available language (loaded again when a language is added,
  // like Content::builtin(); references stay valid).
  static const StringTable& compare();
  static const StringTable& plan();

  const std::vector<Issue>& issues() const { return issues_; }
  // The text in `lang`, else English, else the key itself.
  std::string get(Lang lang, std::string_view key) const;
  std::string get(Lang lang, std::string_view key, const std::vector<Placeholder>& values) const;
  // Whether `lang` itself has the key (no fallback).
  bool has(Lang lang, std::string_view key) const;
  const std::map<std::string, std::string, std::less<>>& strings(Lang lang) const {
    return languages_[static_cast<std::size_t>(lang)];
  }

 private:
  std::vector<Issue> issues_;
  std::array<std::map<std::string, std::string, std::less<>>, kLanguages.size()> languages_;
};

}  // namespace mn
