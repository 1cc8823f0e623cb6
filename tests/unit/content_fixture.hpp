#pragma once
// A complete, valid set of content files built in memory from the catalogue ids, so loader tests can break one
// thing at a time. Texts carry their language ("en: ...", "es: ...") so fallbacks are visible.
#include <map>
#include <string>

#include "core/catalog.hpp"
#include "core/content.hpp"
#include "core/json_parse.hpp"

namespace mn::test {

class ContentFixture {
 public:
  ContentFixture() {
    files_[std::string(kSourcesFile)] = Json::parse(R"({"sources": [
      {"id": "src_a", "title": "Article A", "kind": "article", "file": "seeds/a.txt", "publisher": "a web site",
       "strength": "article", "covers": {"treatments": ["*"], "topics": []}},
      {"id": "src_b", "title": "Reference B", "kind": "reference", "file": "reference/b.md", "cites": "Journal B",
       "publisher": "Journal B", "year": 2020, "strength": "review", "covers": {"treatments": ["*"], "topics": ["b"]}}]})");
    Json& numbers = files_[std::string(kTreatmentsFile)]["treatments"];
    for (std::string_view id : kTreatmentIds) numbers.push_back(treatment_numbers(id));
    for (Lang lang : kLanguages) {
      const std::string code(lang_code(lang));
      Json& prose = files_[language_file(lang, "treatments.json")]["treatments"];
      for (std::string_view id : kTreatmentIds) {
        Json& t = prose[std::string(id)];
        for (const char* key : {"name", "short", "mechanism", "good_for", "downtime", "results", "caution"})
          t[key] = code + ": " + key + " of " + std::string(id);
        t["sources"] = {"src_a"};
      }
      Json& concerns = files_[language_file(lang, "concerns.json")]["concerns"];
      for (std::string_view id : kConcernIds)
        concerns[std::string(id)] = {{"name", code + ": " + std::string(id)},
                                     {"explain", code + ": explain"},
                                     {"severity", {code + ": mild", code + ": moderate", code + ": severe"}},
                                     {"scale", ""},
                                     {"sources", {"src_b"}}};
      Json& sections = files_[language_file(lang, "education.json")]["sections"];
      for (std::string_view id : kEducationSectionIds)
        sections.push_back(
            {{"id", id}, {"title", code + ": title"}, {"lead", code + ": lead"}, {"blocks", every_block(code)}});
      files_[language_file(lang, "ui.json")]["strings"] = {{"nav.learn", code + ": Learn"},
                                                           {"plan.sessions", code + ": {count} sessions of {name}"}};
    }
  }

  Json& operator[](const std::string& path) { return files_.at(path); }
  void set(const std::string& path, Json json) { files_[path] = std::move(json); }
  void remove(const std::string& path) { files_.erase(path); }
  void replace_text(const std::string& path, std::string text) { raw_[path] = std::move(text); }

  Content load() const { return Content::load(reader()); }
  // English and `languages` only.
  Content load(const std::vector<Lang>& languages) const { return Content::load(reader(), languages); }

  AssetReader reader() const {
    return [this](const std::string& path) -> std::optional<std::string> {
      if (const auto raw = raw_.find(path); raw != raw_.end()) return raw->second;
      const auto it = files_.find(path);
      return it == files_.end() ? std::nullopt : std::optional<std::string>(it->second.dump());
    };
  }

 private:
  static Json treatment_numbers(std::string_view id) {
    Json t = Json::parse(R"({
      "family": "microneedling",
      "sessions": {"low": 1, "typical": 2, "high": 3},
      "sessions_by_severity": {"mild": {"low": 1, "typical": 1, "high": 2}, "moderate": {"low": 1, "typical": 2, "high": 3},
                               "severe": {"low": 2, "typical": 3, "high": 4}},
      "interval_days": {"low": 28, "high": 42}, "downtime_days": {"low": 1, "high": 3},
      "onset_days": {"low": 14, "high": 28}, "duration_months": {"low": 6, "high": 12},
      "maintenance_months": {"low": 0, "high": 0}, "pain": 2,
      "pih_risk": ["low", "low", "low", "moderate", "moderate", "high"],
      "price_usd": {"low": 100, "typical": 200, "high": 300}, "price_unit": "session",
      "phases": [{"key": "redness", "from_day": 0, "to_day": 2}],
      "milestones": [{"key": "first_glow", "after_first_session_days": 7}, {"key": "full", "after_days": 90}],
      "suits": {"acne_scars": 3, "texture": 2}, "sources": ["src_a", "src_b"]})");
    t["id"] = id;
    return t;
  }

  static Json every_block(const std::string& code) {
    Json blocks = Json::parse(R"([
      {"type": "text", "text": "", "sources": ["src_a"]},
      {"type": "list", "title": "", "items": ["", ""], "sources": ["src_a"]},
      {"type": "steps", "items": [{"title": "", "when": "0–3", "text": ""}], "sources": ["src_a"]},
      {"type": "dodont", "do": [""], "dont": [""], "sources": ["src_a"]},
      {"type": "faq", "items": [{"q": "", "a": ""}], "sources": ["src_b"]},
      {"type": "note", "text": ""}])");
    fill_strings(blocks, code + ": text");
    return blocks;
  }

  // Sets every empty string in `j` to `text`.
  static void fill_strings(Json& j, const std::string& text) {
    if (j.is_string() && j.get_ref<const std::string&>().empty()) j = text;
    if (j.is_structured())
      for (Json& child : j) fill_strings(child, text);
  }

  std::map<std::string, Json> files_;
  std::map<std::string, std::string> raw_;
};

}  // namespace mn::test
