// Content loading, checking and language fallback, on an in-memory fixture (core/content.hpp).
#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "content_fixture.hpp"
#include "core/content.hpp"

using namespace mn;
using mn::test::ContentFixture;

namespace {

const std::string kEnUi = "content/en/ui.json", kEsUi = "content/es/ui.json";
const std::string kEnProse = "content/en/treatments.json", kEsProse = "content/es/treatments.json";
const std::string kNumbers(kTreatmentsFile);

std::string lines(const std::vector<Issue>& issues) {
  std::string out;
  for (const Issue& i : issues) out += format_issue(i) + "\n";
  return out;
}

// The issues after `edit` breaks the fixture, as printed lines.
std::string issues_after(const std::function<void(ContentFixture&)>& edit) {
  ContentFixture fixture;
  edit(fixture);
  return lines(fixture.load().issues());
}

}  // namespace

TEST_CASE("a complete fixture loads without issues, in catalogue order") {
  const Content content = ContentFixture().load();
  INFO(lines(content.issues()));
  CHECK(content.issues().empty());
  REQUIRE(content.treatments().size() == kTreatmentIds.size());
  for (std::size_t i = 0; i < kTreatmentIds.size(); ++i) CHECK(content.treatments()[i].id == kTreatmentIds[i]);
  const Treatment* t = content.treatment("laser_ablative");
  REQUIRE(t);
  CHECK(t->sessions_by_severity[2].high == 4);
  CHECK(t->pih_risk[5] == PihRisk::high);
  CHECK(t->milestones.at(0).from_first_session);
  CHECK(content.treatment_text(Lang::es, "neurotoxin")->name == "es: name of neurotoxin");
  CHECK(content.concern(Lang::en, "melasma")->severity.size() == 3);
  CHECK(content.education(Lang::es).size() == kEducationSectionIds.size());
  CHECK(content.education(Lang::en)[0].blocks[2].steps[0].when == "0–3");
  CHECK(content.source("src_b")->cites == "Journal B");
  CHECK(content.source("nope") == nullptr);
}

TEST_CASE("tr: the language, else English, else the key itself") {
  ContentFixture fixture;
  fixture[kEsUi]["strings"].erase("nav.learn");
  fixture[kEnUi]["strings"]["only.english"] = "en: only";
  const Content content = fixture.load();
  CHECK(content.tr(Lang::en, "nav.learn") == "en: Learn");
  CHECK(content.tr(Lang::es, "nav.learn") == "en: Learn");
  CHECK(content.tr(Lang::es, "plan.sessions") == "es: {count} sessions of {name}");
  CHECK(content.tr(Lang::es, "no.such.key") == "no.such.key");
  CHECK(&content.tr(Lang::en, "no.such.key") == &content.tr(Lang::es, "no.such.key"));  // one stable string
  CHECK(content.tr(Lang::en, "plan.sessions", {{"count", "4"}, {"name", "Microneedling"}}) ==
        "en: 4 sessions of Microneedling");
  CHECK(lines(content.issues()) ==
        "warning: content/es/ui.json: /strings/nav.learn: is in en but missing in es: English is shown\n"
        "warning: content/es/ui.json: /strings/only.english: is in en but missing in es: English is shown\n");
}

TEST_CASE("a translation lacking a whole entry gets English and one warning for it") {
  ContentFixture fixture;
  fixture[kEsProse]["treatments"].erase("neurotoxin");
  fixture["content/es/education.json"]["sections"].erase(6);
  const Content content = fixture.load();
  CHECK(content.treatment_text(Lang::es, "neurotoxin")->name == "en: name of neurotoxin");
  REQUIRE(content.education(Lang::es).size() == kEducationSectionIds.size());
  CHECK(content.education(Lang::es)[6].title == "en: title");
  CHECK(content.education(Lang::es)[5].title == "es: title");
  CHECK(lines(content.issues()) ==  // per file, in loading order
        "warning: content/es/treatments.json: /treatments/neurotoxin: is in en but missing in es: English is shown\n"
        "error: content/es/education.json: /sections: must hold the sections what, healing, helps, procedure, "
        "aftercare, side_effects, faq, in this order\n"
        "warning: content/es/education.json: /sections/6: is in en but missing in es: English is shown\n");
}

TEST_CASE("a key only the translation has is reported") {
  CHECK(issues_after([](ContentFixture& f) { f[kEsProse]["treatments"]["microneedling"]["extra"] = "es: x"; }) ==
        "warning: content/es/treatments.json: /treatments/microneedling/extra: unknown key 'extra' is ignored\n"
        "warning: content/es/treatments.json: /treatments/microneedling/extra: is in es but not in en\n");
}

TEST_CASE("placeholders must match English") {
  CHECK(issues_after([](ContentFixture& f) { f[kEsUi]["strings"]["plan.sessions"] = "es: {n} sesiones de {name}"; }) ==
        "error: content/es/ui.json: /strings/plan.sessions: uses the placeholders {n}, {name} but English uses "
        "{count}, {name}\n");
}

TEST_CASE("each kind of content mistake is found where it is") {
  struct Case {
    const char* what;
    std::function<void(ContentFixture&)> edit;
    std::string expected;
  };
  const auto numbers = [](ContentFixture& f) -> Json& { return f[kNumbers]["treatments"][0]; };  // microneedling
  const Case cases[] = {
      {"range low above high",
       [&](ContentFixture& f) {
         numbers(f)["downtime_days"] = {{"low", 5}, {"high", 3}};
       },
       "error: content/treatments.json: /treatments/0/downtime_days: low (5) is more than high (3)\n"},
      {"typical outside the range", [&](ContentFixture& f) { numbers(f)["price_usd"]["typical"] = 900; },
       "error: content/treatments.json: /treatments/0/price_usd: typical (900) is outside low–high (100–300)\n"},
      {"negative number", [&](ContentFixture& f) { numbers(f)["onset_days"]["low"] = -1; },
       "error: content/treatments.json: /treatments/0/onset_days/low: must be between 0 and 3650, found -1\n"},
      {"fractional sessions", [&](ContentFixture& f) { numbers(f)["sessions"]["typical"] = 2.5; },
       "error: content/treatments.json: /treatments/0/sessions/typical: expected a whole number, found 2.5\n"},
      {"unknown source in numbers", [&](ContentFixture& f) { numbers(f)["sources"][1] = "src_z"; },
       "error: content/treatments.json: /treatments/0/sources/1: cites 'src_z', which is not in sources.json\n"},
      {"unknown source in prose",
       [](ContentFixture& f) { f["content/es/concerns.json"]["concerns"]["melasma"]["sources"] = {"x"}; },
       "error: content/es/concerns.json: /concerns/melasma/sources/0: cites 'x', which is not in sources.json\n"},
      {"no sources (and so unlike the translation)",
       [](ContentFixture& f) { f["content/en/education.json"]["sections"][0]["blocks"][0]["sources"] = Json::array(); },
       "error: content/en/education.json: /sections/0/blocks/0/sources: must cite at least one source\n"
       "warning: content/es/education.json: /sections/0/blocks/0/sources/0: is in es but not in en\n"},
      {"missing treatment", [](ContentFixture& f) { f[kNumbers]["treatments"].erase(8); },
       "error: content/treatments.json: /treatments: lacks the treatment 'neurotoxin'\n"},
      {"repeated treatment", [&](ContentFixture& f) { f[kNumbers]["treatments"][1]["id"] = "microneedling"; },
       "error: content/treatments.json: /treatments/1/id: repeats the id 'microneedling'\n"
       "error: content/treatments.json: /treatments: lacks the treatment 'microneedling_prp'\n"},
      {"unknown family", [&](ContentFixture& f) { numbers(f)["family"] = "lasers"; },
       "error: content/treatments.json: /treatments/0/family: 'lasers' is not a treatment family (did you mean "
       "'laser'?)\n"},
      {"pih risk for five skin types", [&](ContentFixture& f) { numbers(f)["pih_risk"].erase(0); },
       "error: content/treatments.json: /treatments/0/pih_risk: must have 6 entries, for Fitzpatrick types I to VI\n"},
      {"unknown price unit", [&](ContentFixture& f) { numbers(f)["price_unit"] = "vial"; },
       "error: content/treatments.json: /treatments/0/price_unit: 'vial' is not a price unit\n"},
      {"moderate differs from sessions", [&](ContentFixture& f) { numbers(f)["sessions"]["high"] = 4; },
       "error: content/treatments.json: /treatments/0/sessions_by_severity/moderate: differs from sessions\n"},
      {"no sessions", [&](ContentFixture& f) { numbers(f)["sessions_by_severity"]["severe"]["low"] = 0; },
       "error: content/treatments.json: /treatments/0/sessions_by_severity/severe/low: must be between 1 and 50, found "
       "0\n"},
      {"fewer sessions for a worse grade",
       [&](ContentFixture& f) {
         numbers(f)["sessions_by_severity"]["mild"] = {{"low", 2}, {"typical", 2}, {"high", 3}};
       },
       "error: content/treatments.json: /treatments/0/sessions_by_severity/moderate: has fewer sessions than mild\n"},
      {"phase ends before it starts", [&](ContentFixture& f) { numbers(f)["phases"][0]["from_day"] = 5; },
       "error: content/treatments.json: /treatments/0/phases/0: from_day (5) is after to_day (2)\n"},
      {"milestone with both counts",
       [&](ContentFixture& f) { numbers(f)["milestones"][1]["after_first_session_days"] = 3; },
       "error: content/treatments.json: /treatments/0/milestones/1: has both after_days and after_first_session_days: "
       "give one\n"},
      {"unknown concern in suits", [&](ContentFixture& f) { numbers(f)["suits"]["acne"] = 2; },
       "error: content/treatments.json: /treatments/0/suits/acne: 'acne' is not a concern id\n"},
      {"suits out of scale", [&](ContentFixture& f) { numbers(f)["suits"]["texture"] = 4; },
       "error: content/treatments.json: /treatments/0/suits/texture: must be between 0 and 3, found 4\n"},
      {"empty prose", [](ContentFixture& f) { f[kEnProse]["treatments"]["neurotoxin"]["caution"] = " "; },
       "error: content/en/treatments.json: /treatments/neurotoxin/caution: must not be empty\n"},
      {"missing concern in English",
       [](ContentFixture& f) {
         f["content/en/concerns.json"]["concerns"].erase("hair_loss");
         f["content/es/concerns.json"]["concerns"].erase("hair_loss");
       },
       "error: content/en/concerns.json: /concerns: lacks the concern 'hair_loss'\n"},
      {"unknown block type",
       [](ContentFixture& f) { f["content/en/education.json"]["sections"][1]["blocks"][0]["type"] = "video"; },
       "error: content/en/education.json: /sections/1/blocks/0/type: 'video' is not a block type\n"},
      {"figure with a label missing",
       [](ContentFixture& f) {
         for (const char* path : {"content/en/education.json", "content/es/education.json"})
           f[path]["sections"][1]["blocks"][0] = {{"type", "figure"}, {"figure", "healing_phases"},
                                                  {"items", {"a", "b", "c", "d", "e", "f"}}, {"text", "caption"},
                                                  {"sources", {"src_a"}}};
       },
       "error: content/en/education.json: /sections/1/blocks/0/items: a healing_phases figure takes 7 labels, not 6\n"
       "error: content/es/education.json: /sections/1/blocks/0/items: a healing_phases figure takes 7 labels, not 6\n"},
      {"unknown figure",
       [](ContentFixture& f) {
         for (const char* path : {"content/en/education.json", "content/es/education.json"})
           f[path]["sections"][1]["blocks"][0] = {{"type", "figure"}, {"figure", "face_map"}, {"items", {"a"}},
                                                  {"text", "caption"}, {"sources", {"src_a"}}};
       },
       "error: content/en/education.json: /sections/1/blocks/0/figure: 'face_map' is not a figure\n"
       "error: content/es/education.json: /sections/1/blocks/0/figure: 'face_map' is not a figure\n"},
      {"sections out of order",
       [](ContentFixture& f) {
         for (const char* path : {"content/en/education.json", "content/es/education.json"}) {
           Json& s = f[path]["sections"];
           std::swap(s[0], s[1]);
         }
       },
       "error: content/en/education.json: /sections: must hold the sections what, healing, helps, procedure, "
       "aftercare, "
       "side_effects, faq, in this order\n"
       "error: content/es/education.json: /sections: must hold the sections what, healing, helps, procedure, "
       "aftercare, "
       "side_effects, faq, in this order\n"},
      {"ui string not text",
       [](ContentFixture& f) {
         f[kEnUi]["strings"]["nav.learn"] = 5;
         f[kEsUi]["strings"]["nav.learn"] = 5;
       },
       "error: content/en/ui.json: /strings/nav.learn: expected a string, found 5\n"
       "error: content/es/ui.json: /strings/nav.learn: expected a string, found 5\n"},
      {"duplicate source id",
       [](ContentFixture& f) {
         Json& sources = f[std::string(kSourcesFile)]["sources"];
         sources.push_back(sources[0]);
       },
       "error: content/sources.json: /sources/2/id: repeats the id 'src_a'\n"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    CHECK(issues_after(c.edit) == c.expected);
  }
}

TEST_CASE("missing and unparseable files are errors, never exceptions") {
  CHECK(issues_after([](ContentFixture& f) { f.remove(kEnUi); }) ==
        "error: content/en/ui.json: (root): the file is missing\n");
  CHECK(issues_after([](ContentFixture& f) {
          f.replace_text(kEsUi, "{\"strings\": {");
        }).rfind("error: content/es/ui.json: (root): not valid JSON at line 1, column 14", 0) == 0);
  for (const std::string& garbage :
       std::vector<std::string>{"", "[]", "null", "{\"strings\": []}", "\xff", std::string(40, '[')}) {
    for (const std::string& path :
         {std::string(kSourcesFile), kNumbers, kEnProse, kEsUi, std::string("content/en/education.json")}) {
      CAPTURE(path);
      CAPTURE(garbage);
      ContentFixture fixture;
      fixture.replace_text(path, garbage);
      const Content content = fixture.load();
      CHECK(has_errors(content.issues()));
      CHECK(content.tr(Lang::es, "x") == "x");
    }
  }
}
