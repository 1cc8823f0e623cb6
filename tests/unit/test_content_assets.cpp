// The real content in assets/content: these fail when a writer's file breaks docs/content-format.md.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/assets.hpp"
#include "core/catalog.hpp"
#include "core/content.hpp"
#include "core/json_parse.hpp"

using namespace mn;

namespace {

Json embedded_json(const std::string& path) {
  const auto text = embedded_asset(path);
  REQUIRE_MESSAGE(text, path << " is not built in");
  ParsedJson parsed = parse_json(*text);
  REQUIRE_MESSAGE(parsed.ok(), path << ": " << parsed.error);
  return parsed.value;
}

}  // namespace

TEST_CASE("the built-in content has no errors and no warnings") {
  const Content& content = Content::builtin();
  for (const Issue& issue : content.issues()) FAIL_CHECK(format_issue(issue));
  CHECK(content.issues().empty());
}

TEST_CASE("English and Spanish files have exactly the same keys") {
  for (std::string_view file : kLanguageFiles) {
    INFO(file);
    const auto en = leaf_pointers(embedded_json(language_file(Lang::en, file)));
    const auto es = leaf_pointers(embedded_json(language_file(Lang::es, file)));
    CHECK(!en.empty());
    for (const std::string& p : en)
      if (!std::binary_search(es.begin(), es.end(), p)) FAIL_CHECK(("es lacks " + p));
    for (const std::string& p : es)
      if (!std::binary_search(en.begin(), en.end(), p)) FAIL_CHECK(("en lacks " + p));
  }
}

TEST_CASE("every catalogue id has its numbers and its text in every language") {
  const Content& content = Content::builtin();
  for (std::string_view id : kTreatmentIds) {
    INFO(id);
    CHECK(content.treatment(id));
    for (Lang lang : kLanguages) CHECK(content.treatment_text(lang, id));
  }
  for (std::string_view id : kConcernIds) {
    INFO(id);
    for (Lang lang : kLanguages) CHECK(content.concern(lang, id));
  }
  for (Lang lang : kLanguages) {
    const auto& sections = content.education(lang);
    REQUIRE(sections.size() == kEducationSectionIds.size());
    for (std::size_t i = 0; i < sections.size(); ++i) CHECK(sections[i].id == kEducationSectionIds[i]);
  }
}

TEST_CASE("Spanish is a translation, not a copy of English") {
  const Content& content = Content::builtin();
  for (std::string_view id : kTreatmentIds) {
    INFO(id);
    const TreatmentText* en = content.treatment_text(Lang::en, id);
    const TreatmentText* es = content.treatment_text(Lang::es, id);
    REQUIRE(en);
    REQUIRE(es);
    CHECK(en->mechanism != es->mechanism);
  }
}

TEST_CASE("content on disk is what the build embedded") {
  const Content from_disk = Content::load(directory_reader(std::string(MN_SOURCE_DIR) + "/assets"));
  CHECK(from_disk.issues().size() == Content::builtin().issues().size());
  CHECK(from_disk.treatments().size() == Content::builtin().treatments().size());
}

TEST_CASE("Learn shows patients only public documents of standing, and at least one under every section") {
  const Content& content = Content::builtin();
  for (Lang lang : kLanguages) {
    for (const EducationSection& section : content.education(lang)) {
      CAPTURE(lang_code(lang));
      CAPTURE(section.id);
      const std::vector<const Source*> shown = patient_sources(content, section);
      CHECK(!shown.empty());
      for (const Source* s : shown) {
        REQUIRE(s);
        CAPTURE(s->id);
        CHECK(!is_weak(s->strength));
        CHECK(s->file.empty());
        const std::string cite = patient_citation(*s);
        for (const char* internal : {"shared", "internal", "research note", "Domain research", "web article", "seeds/",
                                     "reference/", ".md", ".txt"})
          CHECK_MESSAGE(cite.find(internal) == std::string::npos, cite);
        CHECK((s->url.empty() || s->url.rfind("https://", 0) == 0 || s->url.rfind("http://", 0) == 0));
      }
      // Whatever weak source a block cites is left out.
      for (const EducationBlock& b : section.blocks)
        for (const std::string& id : b.sources)
          if (const Source* s = content.source(id); s && is_weak(s->strength))
            CHECK(std::find(shown.begin(), shown.end(), s) == shown.end());
    }
  }
}

TEST_CASE("a source reads as Title — Publisher, Year, once however many blocks cite it") {
  Source s;
  s.title = "A review";
  s.publisher = "Journal 1(2):3-4";
  s.year = 2018;
  CHECK(patient_citation(s) == "A review — Journal 1(2):3-4, 2018");
  s.year = 0;
  CHECK(patient_citation(s) == "A review — Journal 1(2):3-4");
  const Content& content = Content::builtin();
  const EducationSection& what = content.education(Lang::en).front();
  const std::vector<const Source*> shown = patient_sources(content, what);
  for (std::size_t i = 0; i < shown.size(); ++i)
    for (std::size_t j = i + 1; j < shown.size(); ++j) CHECK(shown[i] != shown[j]);
}

TEST_CASE("side effects: the emergency warning is a block of its own, apart from the routine reminder") {
  const Content& content = Content::builtin();
  for (Lang lang : kLanguages) {
    CAPTURE(lang_code(lang));
    const auto& sections = content.education(lang);
    const auto it = std::find_if(sections.begin(), sections.end(), [](const auto& s) { return s.id == "side_effects"; });
    REQUIRE(it != sections.end());
    std::vector<std::string> urgent, notes;
    for (const EducationBlock& b : it->blocks) {
      if (b.type == BlockType::urgent) urgent.push_back(b.text);
      if (b.type == BlockType::note) notes.push_back(b.text);
    }
    REQUIRE(urgent.size() == 1);
    CHECK(!notes.empty());
    for (const std::string& note : notes)  // the reminder alone: the warning is not folded into it
      CHECK(note.find(urgent[0].substr(0, 24)) == std::string::npos);
  }
}
