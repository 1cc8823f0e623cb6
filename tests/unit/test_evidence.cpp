// Evidence you can audit (core/evidence.hpp): every treatment, Learn block, concern and rule effect cites, for each
// treatment it speaks about, a covering source stronger than an article, a clinic page or a note.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <string>

#include "content_fixture.hpp"
#include "core/candidacy_rules.hpp"
#include "core/content.hpp"
#include "core/evidence.hpp"
#include "core/json_parse.hpp"

using namespace mn;
using mn::test::ContentFixture;

namespace {

std::string lines(const std::vector<Issue>& issues) {
  std::string out;
  for (const Issue& i : issues) out += format_issue(i) + "\n";
  return out;
}

// The fixture with sources of every kind, every entry citing the strong, all-covering src_b.
ContentFixture cited_fixture() {
  ContentFixture f;
  Json& sources = f[std::string(kSourcesFile)]["sources"];
  sources.push_back(Json::parse(R"({"id": "src_c", "title": "Review C", "kind": "paper", "publisher": "Journal C",
    "strength": "review", "covers": {"treatments": ["microneedling"], "topics": []}})"));
  sources.push_back(Json::parse(R"({"id": "src_t", "title": "Scale T", "kind": "paper", "publisher": "Journal T",
    "strength": "study", "covers": {"treatments": [], "topics": ["fitzpatrick"]}})"));
  for (Lang lang : kLanguages) {
    for (auto& [id, t] : f[language_file(lang, "treatments.json")]["treatments"].items()) t["sources"] = {"src_b"};
    for (Json& section : f[language_file(lang, "education.json")]["sections"])
      for (Json& block : section["blocks"])
        if (block["type"] != "note") block["sources"] = {"src_b"};
  }
  return f;
}

std::string evidence_after(const std::function<void(ContentFixture&)>& edit) {
  ContentFixture f = cited_fixture();
  edit(f);
  const Content content = f.load();
  REQUIRE_MESSAGE(!has_errors(content.issues()), lines(content.issues()));  // warnings: es differs from en
  return lines(check_evidence(content, nullptr));
}

}  // namespace

TEST_CASE("evidence: a fixture citing a strong, covering source everywhere passes") {
  CHECK(evidence_after([](ContentFixture&) {}) == "");
  // A topic source (a scale) beside a strong one, and a weak source beside a strong one, are fine.
  CHECK(evidence_after([](ContentFixture& f) {
          f["content/en/treatments.json"]["treatments"]["laser_ablative"]["sources"] = {"src_b", "src_t", "src_a"};
        }) == "");
}

TEST_CASE("evidence: each kind of shortfall is found where it is") {
  struct Case {
    const char* what;
    std::function<void(ContentFixture&)> edit;
    std::string expected;
  };
  const Case cases[] = {
      {"a treatment figure with only a weak source",
       [](ContentFixture& f) { f[std::string(kTreatmentsFile)]["treatments"][8]["sources"] = {"src_a"}; },
       "error: content/treatments.json: /treatments/8/sources: has only weak sources (article, clinic page or note) "
       "for 'neurotoxin': a weak source may not stand alone\n"},
      {"a source that does not cover the treatment",
       [](ContentFixture& f) {
         f["content/es/treatments.json"]["treatments"]["laser_ablative"]["sources"] = {"src_b", "src_c"};
       },
       "error: content/es/treatments.json: /treatments/laser_ablative/sources: cites 'src_c', which does not cover "
       "'laser_ablative' (sources.json covers.treatments)\n"},
      {"a Learn block with only a topic source",
       [](ContentFixture& f) { f["content/en/education.json"]["sections"][2]["blocks"][1]["sources"] = {"src_t"}; },
       "error: content/en/education.json: /sections/2/blocks/1/sources: has no source that covers 'microneedling'\n"},
      {"a Learn block about another treatment",
       [](ContentFixture& f) {
         Json& block = f["content/en/education.json"]["sections"][6]["blocks"][0];
         block["sources"] = {"src_c"};
         block["about"] = {"microneedling", "neurotoxin"};
       },
       "error: content/en/education.json: /sections/6/blocks/0/sources: has no source that covers 'neurotoxin'\n"},
      {"a concern with only weak sources",
       [](ContentFixture& f) { f["content/es/concerns.json"]["concerns"]["melasma"]["sources"] = {"src_a"}; },
       "error: content/es/concerns.json: /concerns/melasma/sources: cites only weak sources (article, clinic page or "
       "note): add a stronger one\n"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    CHECK(evidence_after(c.edit) == c.expected);
  }
}

TEST_CASE("sources.json: strength and covers are checked") {
  ContentFixture f;
  Json& sources = f[std::string(kSourcesFile)]["sources"];
  sources[0]["strength"] = "blog";
  sources[1]["covers"]["treatments"] = {"laser"};
  sources[1].erase("publisher");
  CHECK(lines(f.load().issues()) ==
        "error: content/sources.json: /sources/0/strength: 'blog' is not a source strength\n"
        "error: content/sources.json: /sources/1/publisher: is required but missing\n"
        "error: content/sources.json: /sources/1/covers/treatments/0: 'laser' is not a treatment id (or \"*\")\n");
}

TEST_CASE("the built-in content and rules cite, for every treatment, a covering source that is not weak") {
  const Content content = Content::load(embedded_reader());
  const CandidacyRules rules = CandidacyRules::load(embedded_reader(), content);
  CHECK(lines(check_evidence(content, &rules)) == "");
  // The evidence table names every sourced rule.
  const std::string table = evidence_table(content, rules);
  for (const Rule& rule : rules.rules()) CHECK(table.find("`" + rule.id + "`") != std::string::npos);
}

TEST_CASE("a rule effect whose sources do not cover its treatments fails") {
  const AssetReader builtin = embedded_reader();
  // The built-in rules with the rule "pregnancy" (every treatment deferred) made a sourced rule citing `ids`.
  const auto with_sources = [&](const std::vector<std::string>& ids) -> AssetReader {
    return [=](const std::string& path) -> std::optional<std::string> {
      auto text = builtin(path);
      if (!text || path != kCandidacyRulesFile) return text;
      Json rules = Json::parse(*text);
      for (Json& rule : rules["rules"])
        if (rule["id"] == "pregnancy") {
          rule["sources"] = ids;
          for (Json& e : rule["effects"]) {
            e.erase("sources");
            e.erase("basis");  // every effect sourced
          }
        }
      return rules.dump();
    };
  };
  const Content content = Content::load(builtin);
  std::size_t index = 0;
  const CandidacyRules shipped = CandidacyRules::load(builtin, content);
  while (index < shipped.rules().size() && shipped.rules()[index].id != "pregnancy") ++index;
  REQUIRE(index < shipped.rules().size());
  // The rule's effects (one a treatment group since issue 15): a finding about any of them, by its message.
  const std::string rule_at = "error: rules/candidacy.json: /rules/" + std::to_string(index) + "/effects/";
  const auto said = [&](const std::string& found, const std::string& message) {
    for (std::size_t from = 0; (from = found.find(rule_at, from)) != std::string::npos; ++from) {
      const std::size_t colon = found.find(": ", from + rule_at.size()), end = found.find('\n', from);
      if (colon != std::string::npos && found.compare(colon + 2, end - colon - 2, message) == 0) return true;
    }
    return false;
  };

  const std::string hint = "; or, if no verified source states it, mark the effect \"basis\": \"caution\"";
  SUBCASE("a seed article alone") {
    const CandidacyRules rules = CandidacyRules::load(with_sources({"seed_000"}), content);
    REQUIRE(!has_errors(rules.issues()));
    const std::string found = lines(check_evidence(content, &rules));
    CHECK(said(found, "has only weak sources (article, clinic page or note) for 'microneedling': a weak source may not stand alone" + hint));
    CHECK(said(found, "has no source that covers 'neurotoxin'" + hint));
  }
  SUBCASE("a product label for another treatment") {
    const CandidacyRules rules = CandidacyRules::load(with_sources({"src_botox_label", "ref_contraindications"}), content);
    REQUIRE(!has_errors(rules.issues()));
    const std::string found = lines(check_evidence(content, &rules));
    CHECK(said(found, "has no source that covers 'dermal_filler_ha'" + hint));
    CHECK_FALSE(said(found, "has no source that covers 'neurotoxin'" + hint));  // the label covers neurotoxin
    CHECK(said(found, "has only weak sources (article, clinic page or note) for 'microneedling': a weak source may not stand alone" + hint));
  }
  SUBCASE("a filler label alone covers the filler and nothing else") {
    const CandidacyRules rules = CandidacyRules::load(with_sources({"src_ha_filler_label"}), content);
    const std::string found = lines(check_evidence(content, &rules));
    CHECK(said(found, "has no source that covers 'microneedling'" + hint));
    CHECK_FALSE(said(found, "has no source that covers 'dermal_filler_ha'" + hint));
  }
}

// ---------------------------------------------------------------- sourced effects and cautious defaults (issue 15)
// Each case edits one effect of the shipped rules, found by its rule id and the treatment it names, so the same test
// reads the rules as they were before cautious defaults existed (a whole rule marked "basis": "policy" was exempt from
// the evidence check then; with it, every case below found nothing).

namespace {

// The shipped rules with `edit` applied to the first effect of rule `id` that names `treatment` (an id, a group or
// "*", as written in the file).
AssetReader with_effect(const std::string& id, const std::string& treatment, std::function<void(Json&)> edit) {
  const AssetReader builtin = embedded_reader();
  return [=](const std::string& path) -> std::optional<std::string> {
    auto text = builtin(path);
    if (!text || path != kCandidacyRulesFile) return text;
    Json rules = Json::parse(*text);
    for (Json& rule : rules["rules"])
      if (rule["id"] == id)
        for (Json& e : rule["effects"])
          if (std::find(e["treatments"].begin(), e["treatments"].end(), Json(treatment)) != e["treatments"].end()) {
            edit(e);
            return rules.dump();
          }
    FAIL("no effect of " << id << " names " << treatment);
    return rules.dump();
  };
}

// The evidence findings for `read`'s rules, which must load (only warnings).
std::string findings(const AssetReader& read) {
  const Content content = Content::load(read);
  const CandidacyRules rules = CandidacyRules::load(read, content);
  REQUIRE_MESSAGE(!has_errors(rules.issues()), lines(rules.issues()));
  return lines(check_evidence(content, &rules));
}

}  // namespace

TEST_CASE("check-content: an effect with only weak sources and no cautious basis fails") {
  // Skin cancer: clinic lists only (ref_contraindications, a note). Shipped as a cautious default, it passes...
  CHECK(findings(with_effect("condition.skin_cancer", "skin_procedures", [](Json&) {})) == "");
  // ...and without "basis": "caution" it is a sourced claim that no strong source backs.
  const std::string found = findings(with_effect("condition.skin_cancer", "skin_procedures", [](Json& e) { e.erase("basis"); }));
  CHECK(found.find("has only weak sources (article, clinic page or note) for 'microneedling': a weak source may not "
                   "stand alone; or, if no verified source states it, mark the effect \"basis\": \"caution\"") !=
        std::string::npos);
  CHECK(found.find("for 'laser_ablative'") != std::string::npos);  // every treatment it names
}

TEST_CASE("check-content: a sourced effect whose source does not cover its treatment fails") {
  // Metal allergy and needling, made a sourced effect resting on the neurotoxin label.
  const std::string found = findings(with_effect("condition.metal_allergy", "needling", [](Json& e) {
    e.erase("basis");
    e["sources"] = {"src_botox_label"};
  }));
  CHECK(found.find("cites 'src_botox_label', which does not cover 'microneedling', 'microneedling_prp', "
                   "'rf_microneedling' (sources.json covers.treatments)") != std::string::npos);
  CHECK(found.find("has no source that covers 'rf_microneedling'") != std::string::npos);
}

TEST_CASE("check-content: a sourced effect needs what its strong source says for that rule") {
  // Heart, liver or kidney disease and the deep peel: the cardiac paper covers the deep peel, but records nothing on
  // this rule (it speaks of the heart only), so the effect may only be a cautious default.
  const std::string found =
      findings(with_effect("condition.heart_liver_kidney_disease", "chemical_peel_deep", [](Json& e) { e.erase("basis"); }));
  CHECK(found.find("cites no source that records what it says for 'chemical_peel_deep' under this rule (\"says\" for "
                   "'condition.heart_liver_kidney_disease' in sources.json)") != std::string::npos);
  // The same for the PRP review, which lists no contraindications.
  const std::string prp = findings(with_effect("condition.low_platelets_or_anemia", "microneedling_prp", [](Json& e) {
    e.erase("basis");
    e["sources"] = {"src_prp_review"};
  }));
  CHECK(prp.find("cites no source that records what it says for 'microneedling_prp'") != std::string::npos);
}

TEST_CASE("a cautious default whose verdict is suitable is rejected at load") {
  const AssetReader read = with_effect("age.minor", "*", [](Json& e) {
    e["basis"] = "caution";
    e["verdict"] = "suitable";
  });
  const Content content = Content::load(read);
  const CandidacyRules rules = CandidacyRules::load(read, content);
  CHECK(lines(rules.issues()).find("error: rules/candidacy.json: /rules/0/effects/0/verdict: must not be suitable: a "
                                   "cautious default (\"basis\": \"caution\") must defer, advise against or add "
                                   "precautions") != std::string::npos);
}

TEST_CASE("a basis on the rule, or an unknown basis, is refused") {
  const AssetReader builtin = embedded_reader();
  const auto with_rules = [&](const std::function<void(Json&)>& edit) -> AssetReader {
    return [=](const std::string& path) -> std::optional<std::string> {
      auto text = builtin(path);
      if (!text || path != kCandidacyRulesFile) return text;
      Json rules = Json::parse(*text);
      edit(rules["rules"][0]);
      return rules.dump();
    };
  };
  const auto issues = [&](const AssetReader& read) {  // errors only (the edited rule's messages go unused: warnings)
    std::vector<Issue> errors;
    const Content content = Content::load(read);
    const CandidacyRules rules = CandidacyRules::load(read, content);
    for (const Issue& i : rules.issues())
      if (i.severity == Severity::error) errors.push_back(i);
    return lines(errors);
  };
  CHECK(issues(with_rules([](Json& rule) { rule["basis"] = "policy"; })) ==
        "error: rules/candidacy.json: /rules/0/basis: is read on each effect, not on the rule: mark an effect that no "
        "verified source states \"basis\": \"caution\"\n");
  CHECK(issues(with_rules([](Json& rule) { rule["effects"][0]["basis"] = "policy"; })) ==
        "error: rules/candidacy.json: /rules/0/effects/0/basis: must be \"caution\" (a cautious default no verified "
        "source states), or left out for a sourced effect\n");
}

TEST_CASE("the shipped rules: every effect is sourced or a cautious default, and the three short sources back none") {
  const Content content = Content::load(embedded_reader());
  const CandidacyRules rules = CandidacyRules::load(embedded_reader(), content);
  std::size_t sourced = 0, caution = 0;
  for (const Rule& rule : rules.rules())
    for (const Effect& e : rule.effects) {
      (e.basis == Basis::caution ? caution : sourced) += 1;
      if (e.basis == Basis::caution) CHECK(e.verdict != Verdict::suitable);
      if (e.basis == Basis::caution) continue;
      const auto& ids = CandidacyRules::sources(rule, e);
      CAPTURE(rule.id);
      // Nothing verified in them states these rules: they may stand behind no sourced effect.
      for (const char* short_source : {"src_deep_peel_text", "src_prp_review"})
        CHECK(std::find(ids.begin(), ids.end(), short_source) == ids.end());
      if (rule.id == "condition.metal_implants_or_gold_threads" || rule.id == "condition.implanted_electronic_device")
        FAIL("the RF device manual as recorded does not list implants: " << rule.id << " must be a cautious default");
    }
  CHECK(sourced > 20);
  CHECK(caution > 20);
}
