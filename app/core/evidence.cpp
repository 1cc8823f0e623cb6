// check_evidence and evidence_table: see core/evidence.hpp.
#include "core/evidence.hpp"

#include <algorithm>
#include <set>

#include "core/catalog.hpp"
#include "core/lang.hpp"

namespace mn {
namespace {

const std::vector<std::string> kLearnSubject = {"microneedling"};  // what the Learn screens are about

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

class Checker {
 public:
  Checker(const Content& content, std::vector<Issue>& out) : content_(content), out_(out) {}

  // `ids` cited for an entry about `subject` (treatment ids; empty: no treatment, e.g. a concern).
  void check(const std::vector<std::string>& ids, const std::vector<std::string>& subject, const std::string& document,
             const std::string& pointer) {
    std::vector<const Source*> cited;
    for (const std::string& id : ids)
      if (const Source* s = content_.source(id)) cited.push_back(s);  // unknown ids: reported by the loader
    for (const Source* s : cited) {
      if (s->covers_treatments.empty() || subject.empty()) continue;  // a topic source (a scale), or no treatment
      if (std::none_of(subject.begin(), subject.end(), [&](const std::string& t) { return s->covers(t); }))
        add(document, pointer,
            "cites " + quoted(s->id) + ", which does not cover " + list(subject) +
                " (sources.json covers.treatments)");
    }
    if (subject.empty()) {
      if (!cited.empty() && std::all_of(cited.begin(), cited.end(), [](const Source* s) { return is_weak(s->strength); }))
        add(document, pointer, "cites only weak sources (article, clinic page or note): add a stronger one");
      return;
    }
    for (const std::string& t : subject) {
      const bool strong = std::any_of(cited.begin(), cited.end(),
                                      [&](const Source* s) { return !is_weak(s->strength) && s->covers(t); });
      if (strong) continue;
      const bool weak = std::any_of(cited.begin(), cited.end(), [&](const Source* s) { return s->covers(t); });
      add(document, pointer,
          weak ? "has only weak sources (article, clinic page or note) for " + quoted(t) + ": a weak source may not stand alone"
               : "has no source that covers " + quoted(t));
    }
  }

  // A rule effect. Sourced: for every treatment, a cited source that is not weak, covers it and records what it
  // says for this rule ("says" keyed by the rule id). A cautious default ("basis": "caution") may rest on notes and
  // clinic lists, or on nothing, but what it cites must still be about its treatments.
  void check_effect(const Rule& rule, const Effect& effect, const std::string& document, const std::string& pointer) {
    const std::vector<std::string>& ids = CandidacyRules::sources(rule, effect);
    std::vector<const Source*> cited;
    for (const std::string& id : ids)
      if (const Source* s = content_.source(id)) cited.push_back(s);
    const std::vector<std::string>& subject = effect.treatments;
    for (const Source* s : cited) {
      if (s->covers_treatments.empty()) continue;  // a topic source (a scale)
      if (std::none_of(subject.begin(), subject.end(), [&](const std::string& t) { return s->covers(t); }))
        add(document, pointer,
            "cites " + quoted(s->id) + ", which does not cover " + list(subject) + " (sources.json covers.treatments)");
    }
    if (effect.basis == Basis::caution) return;
    const std::string hint = "; or, if no verified source states it, mark the effect \"basis\": \"caution\"";
    for (const std::string& t : subject) {
      const auto strong = [&](const Source* s) { return !is_weak(s->strength) && s->covers(t); };
      if (std::any_of(cited.begin(), cited.end(), [&](const Source* s) { return strong(s) && s->says.count(rule.id); }))
        continue;
      if (std::any_of(cited.begin(), cited.end(), strong))
        add(document, pointer,
            "cites no source that records what it says for " + quoted(t) + " under this rule (\"says\" for " +
                quoted(rule.id) + " in sources.json)" + hint);
      else if (std::any_of(cited.begin(), cited.end(), [&](const Source* s) { return s->covers(t); }))
        add(document, pointer,
            "has only weak sources (article, clinic page or note) for " + quoted(t) + ": a weak source may not stand alone" +
                hint);
      else
        add(document, pointer, "has no source that covers " + quoted(t) + hint);
    }
  }

 private:
  static std::string list(const std::vector<std::string>& ids) {
    std::string out;
    for (const std::string& id : ids) out += (out.empty() ? "" : ", ") + quoted(id);
    return out;
  }
  void add(const std::string& document, const std::string& pointer, std::string message) {
    out_.push_back({Severity::error, pointer, std::move(message), document});
  }

  const Content& content_;
  std::vector<Issue>& out_;
};

std::string strength_name(Strength s) { return std::string(kStrengthNames[static_cast<std::size_t>(s)]); }

std::string cell(std::string text) {  // one Markdown table cell: no pipes or line breaks
  for (char& c : text)
    if (c == '\n') c = ' ';
  std::string out;
  for (char c : text) out += (c == '|') ? std::string("\\|") : std::string(1, c);
  return out;
}

}  // namespace

std::vector<Issue> check_evidence(const Content& content, const CandidacyRules* rules) {
  std::vector<Issue> out;
  Checker checker(content, out);
  const auto& treatments = content.treatments();
  for (std::size_t i = 0; i < treatments.size(); ++i)
    checker.check(treatments[i].sources, {treatments[i].id}, std::string(kTreatmentsFile),
                  pointer_append(pointer_append(pointer_append("", "treatments"), i), "sources"));
  for (Lang lang : kLanguages) {
    if (!content.has_language(lang)) continue;
    const std::string treatments_doc = language_file(lang, "treatments.json");
    for (std::string_view id : kTreatmentIds)
      if (const TreatmentText* t = content.treatment_text(lang, id))
        checker.check(t->sources, {std::string(id)}, treatments_doc,
                      pointer_append(pointer_append(pointer_append("", "treatments"), id), "sources"));
    const std::string concerns_doc = language_file(lang, "concerns.json");
    for (std::string_view id : kConcernIds)
      if (const Concern* c = content.concern(lang, id))
        checker.check(c->sources, {}, concerns_doc,
                      pointer_append(pointer_append(pointer_append("", "concerns"), id), "sources"));
    const std::string education_doc = language_file(lang, "education.json");
    const auto& sections = content.education(lang);
    for (std::size_t s = 0; s < sections.size(); ++s)
      for (std::size_t b = 0; b < sections[s].blocks.size(); ++b) {
        const EducationBlock& block = sections[s].blocks[b];
        // A reminder or an emergency warning: general safety advice, no facts of its own.
        if (block.type == BlockType::note || block.type == BlockType::urgent) continue;
        std::string pointer = pointer_append(pointer_append(pointer_append(pointer_append("", "sections"), s), "blocks"), b);
        checker.check(block.sources, block.about.empty() ? kLearnSubject : block.about, education_doc,
                      pointer_append(pointer, "sources"));
      }
  }
  if (rules) {
    const auto& list = rules->rules();
    for (std::size_t r = 0; r < list.size(); ++r) {
      const Rule& rule = list[r];
      for (std::size_t e = 0; e < rule.effects.size(); ++e)
        checker.check_effect(rule, rule.effects[e], std::string(kCandidacyRulesFile),
                             pointer_append(pointer_append(pointer_append(pointer_append("", "rules"), r), "effects"), e));
    }
  }
  return out;
}

std::string evidence_table(const Content& content, const CandidacyRules& rules) {
  std::string out =
      "| Rule | Verdict: treatments | Basis | Source | Covers | What the source says |\n"
      "| --- | --- | --- | --- | --- | --- |\n";
  std::size_t sourced = 0, caution = 0;
  for (const Rule& rule : rules.rules()) {
    for (const Effect& effect : rule.effects) {
      std::string names;
      for (const std::string& t : effect.treatments) names += (names.empty() ? "" : ", ") + t;
      if (effect.treatments.size() == kTreatmentIds.size()) names = "all 11";
      const std::string verdicts = std::string(verdict_name(effect.verdict)) + ": " + names;
      const bool cautious = effect.basis == Basis::caution;
      (cautious ? caution : sourced) += 1;
      const std::string basis = cautious ? "cautious default" : "sourced";
      const std::string head = "| `" + cell(rule.id) + "` | " + cell(verdicts) + " | " + basis + " | ";
      const std::vector<std::string>& ids = CandidacyRules::sources(rule, effect);
      if (ids.empty()) {
        out += head + "— | — | — |\n";
        continue;
      }
      for (const std::string& id : ids) {
        const Source* s = content.source(id);
        if (!s) continue;
        std::string covered;
        std::size_t count = 0;
        for (const std::string& t : effect.treatments)
          if (s->covers(t)) {
            covered += (covered.empty() ? "" : ", ") + t;
            ++count;
          }
        if (count == kTreatmentIds.size()) covered = "all 11";
        if (covered.empty()) covered = s->covers_treatments.empty() ? "(a scale or topic, no treatment)" : "none of them";
        const std::string title = s->title + " (" + s->publisher + (s->year ? ", " + std::to_string(s->year) : "") +
                                  "; " + strength_name(s->strength) + ")";
        auto says = s->says.find(rule.id);
        const bool for_rule = says != s->says.end();
        if (!for_rule) says = s->says.find("*");
        const std::string sentence = says == s->says.end() ? (!s->cites.empty() ? "research notes drawn from: " + s->cites
                                                                                : "(not recorded)")
                                     : for_rule            ? says->second
                                                           : "(nothing recorded for this rule; in general:) " + says->second;
        out += head + cell(title) + " | " + cell(covered) + " | " + cell(sentence) + " |\n";
      }
    }
  }
  out += "\n" + std::to_string(sourced + caution) + " effects: " + std::to_string(sourced) + " sourced, " +
         std::to_string(caution) + " cautious defaults.\n";
  return out;
}

}  // namespace mn
