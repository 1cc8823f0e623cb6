#include "core/string_table.hpp"

#include <algorithm>

#include "core/assets.hpp"
#include "core/json_reader.hpp"

namespace mn {

StringTable StringTable::load(const AssetReader& read, std::string_view file) {
  return load(read, file, {kLanguages.begin(), kLanguages.end()});
}

StringTable StringTable::load(const AssetReader& read, std::string_view file, const std::vector<Lang>& languages) {
  StringTable table;
  for (Lang lang : kLanguages) {
    if (lang != Lang::en && std::find(languages.begin(), languages.end(), lang) == languages.end()) continue;
    const std::string path = language_file(lang, file);
    IssueLog log(path);
    if (const auto text = read(path)) {
      const ParsedJson parsed = parse_json(*text);
      if (parsed.ok()) {
        ObjectReader root(Node(&parsed.value, "", log));
        const Node strings = root["strings"];
        if (!strings.present()) {
          strings.missing();
        } else {
          for (const auto& [key, node] : strings.members())
            if (auto value = node.text({400, false, false})) table.languages_[static_cast<std::size_t>(lang)][key] = *value;
        }
        root.finish();
      } else {
        log.add(Severity::error, parsed.pointer, parsed.error);
      }
    } else {
      log.add(Severity::error, "", "the file is missing");
    }
    for (Issue& issue : log.take()) table.issues_.push_back(std::move(issue));
  }
  return table;
}

const StringTable& StringTable::compare() {
  static LoadedFromAssets<StringTable> table;
  return table.get([] { return load(embedded_reader(), kCompareStringsFile, available_languages()); });
}

const StringTable& StringTable::plan() {
  static LoadedFromAssets<StringTable> table;
  return table.get([] { return load(embedded_reader(), kPlanStringsFile, available_languages()); });
}

std::string StringTable::get(Lang lang, std::string_view key) const {
  for (Lang l : {lang, Lang::en}) {
    const auto& strings = languages_[static_cast<std::size_t>(l)];
    if (const auto it = strings.find(key); it != strings.end()) return it->second;
  }
  return std::string(key);
}

std::string StringTable::get(Lang lang, std::string_view key, const std::vector<Placeholder>& values) const {
  return fill(get(lang, key), values);
}

bool StringTable::has(Lang lang, std::string_view key) const {
  return strings(lang).count(key) > 0;
}

}  // namespace mn
