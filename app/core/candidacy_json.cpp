#include "core/candidacy_json.hpp"

#include "core/text.hpp"

namespace mn {
namespace {

using OJson = nlohmann::ordered_json;

constexpr std::array<std::string_view, 6> kRoman = {"I", "II", "III", "IV", "V", "VI"};

std::string roman(int type) { return type >= 1 && type <= 6 ? std::string(kRoman[static_cast<std::size_t>(type - 1)]) : "?"; }

OJson duration_json(const Duration& d) { return OJson{{std::string(time_unit_name(d.unit)), d.amount}}; }

// The values a reason's message may use.
std::vector<Placeholder> reason_values(const Reason& r, Lang lang, const CandidacyRules& rules,
                                       const Content& content) {
  std::vector<Placeholder> values;
  switch (r.trigger) {
    case Trigger::Kind::condition:
      values.push_back({"condition", rules.text(lang, "condition." + r.subject)});
      break;
    case Trigger::Kind::medication:
      values.push_back({"medication", rules.text(lang, "medication." + r.subject)});
      break;
    case Trigger::Kind::procedure:
      values.push_back({"procedure", treatment_name(content, lang, r.subject)});
      break;
    default:
      break;
  }
  if (r.elapsed)
    values.push_back({"elapsed", r.range ? rules.range_text(lang, *r.elapsed, r.elapsed_max)
                                         : rules.duration_text(lang, *r.elapsed)});
  if (r.window) values.push_back({"window", rules.duration_text(lang, *r.window)});
  if (r.wait) {
    const std::string d = rules.duration_text(lang, *r.wait);
    values.push_back({"remaining", d});
    values.push_back({"still", fill(rules.text(lang, r.range ? "still.up_to" : "still.about"), {{"d", d}})});
  }
  return values;
}

OJson reason_json(const Reason& r, Lang lang, const CandidacyRules& rules, const Content& content) {
  OJson out = {{"rule", r.rule->id}, {"verdict", verdict_name(r.verdict)}};
  ReasonText text = reason_text(r, lang, rules, content);
  out["message"] = text.caution.empty() ? std::move(text.message) : text.message + " " + text.caution;
  if (!text.ask.empty()) out["ask"] = std::move(text.ask);
  if (r.wait) out["wait"] = duration_json(*r.wait);
  if (r.wait && r.range) out["wait_up_to"] = true;
  out["sources"] = CandidacyRules::sources(*r.rule, *r.effect);
  if (r.effect->basis == Basis::caution) out["basis"] = kBasisNames[static_cast<std::size_t>(Basis::caution)];
  return out;
}

OJson treatment_json(const TreatmentAssessment& t, Lang lang, const CandidacyRules& rules, const Content& content) {
  OJson out = {{"name", treatment_name(content, lang, t.treatment->id)},
               {"offered", t.offered},
               {"verdict", verdict_name(t.verdict)},
               {"verdict_label", verdict_label(t.verdict, lang, rules)}};
  if (t.wait) out["wait"] = duration_json(*t.wait);
  if (t.wait && t.wait_up_to) out["wait_up_to"] = true;
  OJson fit = OJson::object();
  for (const auto& [concern, level] : t.concern_fit) fit[concern] = level;
  out["concern_fit"] = std::move(fit);
  OJson reasons = OJson::array();
  for (const Reason& r : t.reasons) reasons.push_back(reason_json(r, lang, rules, content));
  out["reasons"] = std::move(reasons);
  return out;
}

OJson notes_json(const SkinType& skin, Lang lang, const CandidacyRules& rules) {
  OJson notes = OJson::array();
  for (SkinNote& n : skin_notes(skin, lang, rules)) notes.push_back({{"note", n.key}, {"message", std::move(n.message)}});
  return notes;
}

}  // namespace

std::string treatment_name(const Content& content, Lang lang, std::string_view id) {
  const TreatmentText* text = content.treatment_text(lang, id);
  return text ? text->name : std::string(id);
}

std::string verdict_label(Verdict v, Lang lang, const CandidacyRules& rules) {
  return rules.text(lang, "verdict." + std::string(verdict_name(v)));
}

ReasonText reason_text(const Reason& r, Lang lang, const CandidacyRules& rules, const Content& content) {
  const RuleMessage* m = rules.message(lang, r.effect->message);
  if (!m) return {r.effect->message, {}, {}};  // only with rules that failed their checks
  const bool ongoing = r.ongoing && !m->ongoing.empty();
  const bool undated = r.window && !r.elapsed && !m->undated.empty();
  const std::string& text = ongoing ? m->ongoing : undated ? m->undated : m->text;
  std::string message = fill(text, reason_values(r, lang, rules, content));
  // A cautious default says so, in the same words for every rule (texts "note.caution"); an unanswered question
  // ("unknown.*") or the age limit is the app's practice, and its message says why.
  const std::string& id = r.rule->id;
  const bool practice = id.rfind("unknown.", 0) == 0 || id == "age.minor";
  std::string caution = r.effect->basis == Basis::caution && !practice ? rules.text(lang, "note.caution") : std::string();
  return {std::move(message), m->ask, std::move(caution)};
}

std::vector<SkinNote> skin_notes(const SkinType& skin, Lang lang, const CandidacyRules& rules) {
  if (!skin.quiz_type || !skin.quiz_score) return {};
  const std::vector<Placeholder> values = {{"type", skin.type ? roman(*skin.type) : ""},
                                           {"quiz_type", roman(*skin.quiz_type)},
                                           {"score", std::to_string(*skin.quiz_score)},
                                           {"max", std::to_string(kQuizMaxScore)}};
  const char* key = skin.explicit_overrides_quiz() ? "fitzpatrick_both" : "fitzpatrick_quiz";
  return {{key, fill(rules.text(lang, "note." + std::string(key)), values)}};
}

OJson assessment_json(const Assessment& a, Lang lang, const CandidacyRules& rules, const Content& content) {
  OJson out;
  out["fitzpatrick"] = a.skin.type ? OJson(*a.skin.type) : OJson(nullptr);
  out["fitzpatrick_source"] = skin_type_source_name(a.skin.source);
  if (a.skin.quiz_type) out["fitzpatrick_quiz"] = {{"score", *a.skin.quiz_score}, {"type", *a.skin.quiz_type}};
  out["notes"] = notes_json(a.skin, lang, rules);
  OJson results = OJson::object();
  for (const TreatmentAssessment& t : a.treatments)
    results[t.treatment->id] = treatment_json(t, lang, rules, content);
  out["results"] = std::move(results);
  return out;
}

OJson profile_errors_json(const std::vector<Issue>& issues) {
  OJson errors = OJson::array();
  for (const Issue& i : issues) errors.push_back({{"pointer", i.pointer}, {"message", i.message}});
  return {{"errors", std::move(errors)}};
}

AssessReply assess_json(std::string_view profile_json, Lang lang, const ClinicConfig& clinic) {
  // Invalid UTF-8 (e.g. quoted from broken input in a parse error) is replaced rather than thrown on.
  const auto text = [](const OJson& j) { return safe_dump(j, 2); };
  ProfileParse parse = parse_profile(profile_json);
  if (!parse.ok()) return {text(profile_errors_json(parse.issues)), std::move(parse.issues)};
  const Assessment a = assess(parse.profile, clinic);
  return {text(assessment_json(a, lang, CandidacyRules::builtin(), Content::builtin())), {}};
}

}  // namespace mn
