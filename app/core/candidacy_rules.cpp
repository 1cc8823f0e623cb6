// CandidacyRules::load: reads assets/rules/candidacy.json and content/<lang>/candidacy.json and checks them
// against docs/candidacy.md and the content (treatment and source ids).
#include "core/candidacy_rules.hpp"

#include <algorithm>
#include <set>

#include "core/assets.hpp"
#include "core/catalog.hpp"
#include "core/json_reader.hpp"
#include "core/profile.hpp"
#include "core/text.hpp"

namespace mn {
namespace {

constexpr std::string_view kAllTreatments = "*";
constexpr std::array<std::string_view, 7> kPlaceholders = {"condition", "medication", "procedure", "elapsed",
                                                           "window",    "remaining",  "still"};
constexpr std::string_view kClinicIsotretinoinWait = "clinic_isotretinoin_wait";
constexpr std::size_t kMaxEntries = 200;
constexpr TextRule kIdText{64};
constexpr TextRule kShortText{200};
constexpr TextRule kMessageText{600};

using Groups = std::map<std::string, std::vector<std::string>, std::less<>>;

std::string quote(std::string_view s) { return quoted_value(s, 40); }

// One parsed file and the issues found in it.
struct Document {
  explicit Document(std::string file) : path(std::move(file)), log(path) {}
  std::string path;
  bool parsed = false;
  Json json;
  IssueLog log;
  Node root() { return Node(parsed ? &json : nullptr, "", log, true); }
};

Document open(const AssetReader& read, std::string path) {
  Document doc(std::move(path));
  const auto text = read(doc.path);
  if (!text) {
    doc.log.add(Severity::error, "", "the file is missing");
    return doc;
  }
  ParsedJson parsed = parse_json(*text);
  doc.parsed = parsed.ok();
  if (doc.parsed) doc.json = std::move(parsed.value);
  else doc.log.add(Severity::error, parsed.pointer, parsed.error);
  return doc;
}

void append(std::vector<Issue>& to, std::vector<Issue> from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

// A string that must be one of `ids`.
template <class Ids>
std::optional<std::string> one_of(const Node& n, const Ids& ids, std::string_view what) {
  auto s = n.text(kIdText);
  if (!s || std::find(ids.begin(), ids.end(), *s) != ids.end()) return s;
  n.error(with_hint("unknown " + std::string(what) + " " + quote(*s), *s, ids));
  return std::nullopt;
}

// ---------------------------------------------------------------- rules/candidacy.json

Groups read_groups(const Node& node) {
  Groups groups;
  if (!node.present()) return groups;
  for (const auto& [name, list] : node.members()) {
    if (name == kAllTreatments || is_treatment_id(name)) {
      list.error("a group must not be named like a treatment or '*'");
      continue;
    }
    groups[name] =
        read_list<std::string>(list, kMaxEntries, [](const Node& e) { return one_of(e, kTreatmentIds, "treatment"); });
  }
  return groups;
}

// "treatments": ids, group names or "*", expanded to treatment ids in catalogue order.
std::optional<std::vector<std::string>> read_treatments(const Node& node, const Groups& groups) {
  std::set<std::string, std::less<>> named;
  for (const Node& e : node.elements()) {
    const auto s = e.text(kIdText);
    if (!s) continue;
    if (*s == kAllTreatments) named.insert(kTreatmentIds.begin(), kTreatmentIds.end());
    else if (const auto g = groups.find(*s); g != groups.end()) named.insert(g->second.begin(), g->second.end());
    else if (is_treatment_id(*s)) named.insert(*s);
    else e.error(with_hint("is neither a treatment, a group nor '*': " + quote(*s), *s, kTreatmentIds));
  }
  if (named.empty()) {
    if (node.present() && node.json().is_array()) node.error("must name at least one treatment");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (std::string_view id : kTreatmentIds)
    if (named.count(id)) out.emplace_back(id);
  return out;
}

// The id a trigger of `kind` names (conditions, medications, ...); nullopt after an error.
std::optional<std::string> trigger_id(Trigger::Kind kind, const Node& value) {
  using Kind = Trigger::Kind;
  switch (kind) {
    case Kind::condition: return one_of(value, kConditionIds, "condition");
    case Kind::medication: return one_of(value, kMedicationIds, "medication");
    case Kind::procedure: return one_of(value, kTreatmentIds, "treatment");
    case Kind::sun: return one_of(value, kSunValues, "sun answer");
    case Kind::pih_risk: return one_of(value, kPihRiskNames, "PIH risk level");
    case Kind::unknown: return one_of(value, kAnswerableFields, "profile field");
    case Kind::pregnant:
    case Kind::age_under: break;
  }
  return std::nullopt;
}

std::optional<Trigger> read_trigger(const Node& node) {
  const auto members = node.members();
  if (members.size() != 1) {
    if (node.json().is_object()) node.error("must have exactly one key, the kind of trigger");
    return std::nullopt;
  }
  const auto& [kind_name, value] = members.front();
  const auto kind = std::find(kTriggerKinds.begin(), kTriggerKinds.end(), kind_name);
  if (kind == kTriggerKinds.end()) {
    value.error(with_hint("unknown trigger " + quote(kind_name), kind_name, kTriggerKinds));
    return std::nullopt;
  }
  Trigger t;
  t.kind = static_cast<Trigger::Kind>(kind - kTriggerKinds.begin());
  if (t.kind == Trigger::Kind::pregnant) {
    const auto yes = value.boolean();
    if (yes == false) value.error("must be true (a missing answer is the 'unknown' trigger)");
    return yes == true ? std::optional<Trigger>(t) : std::nullopt;
  }
  if (t.kind == Trigger::Kind::age_under) {
    const auto age = value.integer(1, 120);
    if (!age) return std::nullopt;
    t.number = *age;
    return t;
  }
  auto id = trigger_id(t.kind, value);
  if (!id) return std::nullopt;
  t.value = std::move(*id);
  return t;
}

std::optional<Window> read_window(const Node& node) {
  if (node.json().is_string()) {
    if (node.json() == std::string(kClinicIsotretinoinWait))
      return Window{Window::Kind::clinic_isotretinoin_wait, {0, TimeUnit::months}};
    node.error("must be {\"weeks\": N}, {\"months\": N} or \"" + std::string(kClinicIsotretinoinWait) + "\"");
    return std::nullopt;
  }
  const auto members = node.members();
  if (members.size() != 1 || (members[0].first != "weeks" && members[0].first != "months")) {
    if (node.json().is_object()) node.error("must have one key, \"weeks\" or \"months\"");
    return std::nullopt;
  }
  const auto amount = members[0].second.integer(1, 600);
  if (!amount) return std::nullopt;
  return Window{Window::Kind::fixed, {*amount, members[0].first == "weeks" ? TimeUnit::weeks : TimeUnit::months}};
}

std::vector<std::string> read_sources(const Node& n, const Content& content) {
  return read_list<std::string>(n, kMaxEntries, [&](const Node& e) {
    auto id = e.text(kIdText);
    if (id && !content.source(*id)) e.error("cites " + quote(*id) + ", which is not in sources.json");
    return id;
  });
}

std::optional<Effect> read_effect(const Node& node, const Groups& groups, const Content& content) {
  ObjectReader o(node);
  if (!o.ok()) return std::nullopt;
  Effect e;
  const ErrorWatch watch(node);
  read_field(o["treatments"], Field::required, e.treatments, [&](const Node& n) { return read_treatments(n, groups); });
  read_field(o["basis"], Field::optional, e.basis, [](const Node& n) -> std::optional<Basis> {
    if (n.json() == std::string(kBasisNames[static_cast<std::size_t>(Basis::caution)])) return Basis::caution;
    n.error("must be \"caution\" (a cautious default no verified source states), or left out for a sourced effect");
    return std::nullopt;
  });
  read_field(o["verdict"], Field::required, e.verdict, [&](const Node& n) -> std::optional<Verdict> {
    const auto name = one_of(n, kVerdictNames, "verdict");
    const auto v = name ? parse_verdict(*name) : std::nullopt;
    if (v == Verdict::suitable)
      n.error(e.basis == Basis::caution
                  ? "must not be suitable: a cautious default (\"basis\": \"caution\") must defer, advise against or "
                    "add precautions"
                  : "must be worse than suitable (a rule that changes nothing is not a rule)");
    return v == Verdict::suitable ? std::nullopt : v;
  });
  read_field(o["message"], Field::required, e.message, [](const Node& n) { return n.text(kIdText); });
  read_field(o["within"], Field::optional, e.within, read_window);
  read_field(o["sources"], Field::optional, e.sources, [&](const Node& n) {
    auto list = read_sources(n, content);
    if (list.empty() && n.json().is_array()) n.error("must not be empty (leave it out to use the rule's sources)");
    return std::optional<std::vector<std::string>>(std::move(list));
  });
  read_field(o["same_area"], Field::optional, e.same_area, [](const Node& n) -> std::optional<bool> {
    if (n.json() == true) return true;
    n.error("must be true (or left out)");
    return std::nullopt;
  });
  o.finish();
  return watch.clean() ? std::optional<Effect>(std::move(e)) : std::nullopt;
}

// A window must count the same time its rule's triggers report; "same_area" needs procedure triggers.
void check_windows(const Node& node, const Rule& rule) {
  for (std::size_t i = 0; i < rule.effects.size(); ++i) {
    if (rule.effects[i].same_area &&
        !std::all_of(rule.when.begin(), rule.when.end(), [](const Trigger& t) { return t.kind == Trigger::Kind::procedure; }))
      node.log().add(Severity::error,
                     pointer_append(pointer_append(pointer_append(node.pointer(), "effects"), i), "same_area"),
                     "needs every trigger of its rule to be a procedure (only they have an area)");
    const auto& within = rule.effects[i].within;
    if (!within) continue;
    const bool fits = std::all_of(rule.when.begin(), rule.when.end(), [&](const Trigger& t) {
      return t.timed() == within->length.unit &&
             (within->kind == Window::Kind::fixed || (t.kind == Trigger::Kind::medication && t.value == kIsotretinoin));
    });
    if (fits) continue;
    const std::string pointer = pointer_append(pointer_append(pointer_append(node.pointer(), "effects"), i), "within");
    const std::string unit(time_unit_name(within->length.unit));
    node.log().add(Severity::error, pointer,
                   "needs every trigger of its rule to be timed in " + unit +
                       " (procedures: weeks; isotretinoin: months; the clinic's wait: isotretinoin only)");
  }
}

// A list that must be present and keep at least one readable entry.
template <class T, class Parse>
std::vector<T> required_list(const Node& node, Parse&& parse) {
  if (!node.present()) {
    node.missing();
    return {};
  }
  const ErrorWatch watch(node);
  std::vector<T> out = read_list<T>(node, kMaxEntries, std::forward<Parse>(parse));
  if (out.empty() && watch.clean()) node.error("must not be empty");
  return out;
}

std::optional<Rule> read_rule(const Node& node, const Groups& groups, const Content& content) {
  ObjectReader o(node);
  if (!o.ok()) return std::nullopt;
  Rule r;
  const ErrorWatch watch(node);
  read_field(o["id"], Field::required, r.id, [](const Node& n) { return n.text(kIdText); });
  r.when = required_list<Trigger>(o["when"], read_trigger);
  r.effects = required_list<Effect>(o["effects"], [&](const Node& n) { return read_effect(n, groups, content); });
  // A rule no longer carries a basis: each effect is sourced or a cautious default of its own (issue 15).
  if (const Node basis = o["basis"]; basis.present())
    basis.error("is read on each effect, not on the rule: mark an effect that no verified source states "
                "\"basis\": \"caution\"");
  read_field(o["sources"], Field::required, r.sources, [&](const Node& n) {
    return std::optional<std::vector<std::string>>(read_sources(n, content));
  });
  const bool uncited = std::any_of(r.effects.begin(), r.effects.end(), [&](const Effect& e) {
    return e.basis == Basis::sourced && e.sources.empty();
  });
  if (r.sources.empty() && uncited && o["sources"].present())
    o["sources"].error("must cite at least one source (or each effect without sources must be a cautious default, "
                       "\"basis\": \"caution\")");
  o.finish();
  if (!watch.clean()) return std::nullopt;
  check_windows(node, r);
  return watch.clean() ? std::optional<Rule>(std::move(r)) : std::nullopt;
}

std::vector<Rule> read_rules(Document& doc, const Content& content) {
  ObjectReader root(doc.root());
  const Groups groups = read_groups(root["groups"]);
  std::vector<Rule> rules;
  std::set<std::string, std::less<>> ids;
  const Node list = root["rules"];
  if (!list.present()) {
    if (doc.parsed) list.missing();
    return rules;
  }
  for (const Node& n : list.elements()) {
    auto rule = read_rule(n, groups, content);
    if (!rule) continue;
    if (!ids.insert(rule->id).second) n.member("id").error("repeats the rule id " + quote(rule->id));
    else rules.push_back(std::move(*rule));
  }
  root.finish();
  return rules;
}

// ---------------------------------------------------------------- content/<lang>/candidacy.json

// Every short text the engine and the UI look up, besides messages.
std::vector<std::string> required_texts() {
  std::vector<std::string> keys;
  for (std::string_view v : kVerdictNames) keys.push_back("verdict." + std::string(v));
  for (std::string_view c : kConditionIds) keys.push_back("condition." + std::string(c));
  for (std::string_view m : kMedicationIds) keys.push_back("medication." + std::string(m));
  for (const char* unit : {"weeks", "months"})
    for (const char* count : {"zero", "one", "many", "range", "more_than", "less_than"})
      keys.push_back(std::string("unit.") + unit + "." + count);
  for (const char* still : {"about", "up_to"}) keys.push_back(std::string("still.") + still);
  for (std::string_view a : kAreaIds) keys.push_back("area." + std::string(a));
  for (const char* note : {"fitzpatrick_both", "fitzpatrick_quiz", "caution"}) keys.push_back(std::string("note.") + note);
  return keys;
}

std::optional<RuleMessage> read_message(const Node& node) {
  ObjectReader o(node);
  if (!o.ok()) return std::nullopt;
  RuleMessage m;
  const ErrorWatch watch(node);
  read_field(o["text"], Field::required, m.text, [](const Node& n) { return n.text(kMessageText); });
  read_field(o["undated"], Field::optional, m.undated, [](const Node& n) { return n.text(kMessageText); });
  read_field(o["ask"], Field::optional, m.ask, [](const Node& n) { return n.text(kShortText); });
  read_field(o["ongoing"], Field::optional, m.ongoing, [](const Node& n) { return n.text(kMessageText); });
  o.finish();
  return watch.clean() ? std::optional<RuleMessage>(std::move(m)) : std::nullopt;
}

void check_placeholders(const Node& node, std::string_view text) {
  for (const std::string& name : placeholder_names(text))
    if (!contains(kPlaceholders, name))
      node.error(with_hint("uses the unknown placeholder {" + name + "}", name, kPlaceholders));
}

template <class Map, class Read>
void read_map(const Node& node, Map& out, Read&& read) {
  if (!node.present()) {
    node.missing();
    return;
  }
  for (const auto& [key, value] : node.members())
    if (auto item = read(value)) out[key] = std::move(*item);
}

// The message keys the rules use; the timed ones need an "undated" text.
struct MessageUse {
  std::set<std::string, std::less<>> keys, timed, ongoing;
};

MessageUse message_use(const std::vector<Rule>& rules) {
  MessageUse use;
  for (const Rule& r : rules)
    for (const Effect& e : r.effects) {
      use.keys.insert(e.message);
      if (e.within) use.timed.insert(e.message);
      const bool medication = std::any_of(r.when.begin(), r.when.end(), [](const Trigger& t) {
        return t.kind == Trigger::Kind::medication && t.value == kIsotretinoin;
      });
      if (e.within && medication) use.ongoing.insert(e.message);
    }
  return use;
}

// Reads one language's content/<lang>/candidacy.json into `messages` and `texts`, reporting what the rules need but
// the file lacks (with `lacking` severity), what no rule uses, and unknown placeholders.
void read_language(Document& doc, const MessageUse& use, Severity lacking,
                   std::map<std::string, RuleMessage, std::less<>>& messages,
                   std::map<std::string, std::string, std::less<>>& texts) {
  ObjectReader root(doc.root());
  const Node messages_node = root["messages"];
  const Node texts_node = root["texts"];
  if (doc.parsed) {
    read_map(texts_node, texts, [](const Node& n) { return n.text(kShortText); });
    read_map(messages_node, messages, read_message);
  }
  root.finish();
  if (!doc.parsed) return;
  for (const auto& [key, message] : messages) {
    check_placeholders(messages_node.member(key), message.text + message.undated + message.ongoing);
    if (!use.keys.count(key)) messages_node.member(key).warning("is used by no rule");
  }
  for (const std::string& key : use.keys) {
    const auto it = messages.find(key);
    const std::string pointer = pointer_append("/messages", key);
    if (it == messages.end()) doc.log.add(lacking, pointer, "is missing");
    else if (use.timed.count(key) && it->second.undated.empty())
      doc.log.add(lacking, pointer_append(pointer, "undated"), "is required: its rule is timed, dates may be unknown");
    else if (use.ongoing.count(key) && it->second.ongoing.empty())
      doc.log.add(lacking, pointer_append(pointer, "ongoing"),
                  "is required: its rule counts from a last dose, which may still be to come");
  }
  for (const std::string& key : required_texts())
    if (!texts.count(key)) doc.log.add(lacking, pointer_append("/texts", key), "is missing");
}

}  // namespace

// ---------------------------------------------------------------- small types

std::string_view verdict_name(Verdict verdict) { return kVerdictNames[static_cast<std::size_t>(verdict)]; }

std::optional<Verdict> parse_verdict(std::string_view name) {
  const auto it = std::find(kVerdictNames.begin(), kVerdictNames.end(), name);
  if (it == kVerdictNames.end()) return std::nullopt;
  return static_cast<Verdict>(it - kVerdictNames.begin());
}

std::string_view time_unit_name(TimeUnit unit) { return unit == TimeUnit::weeks ? "weeks" : "months"; }

double Duration::in_weeks() const {
  constexpr double kWeeksPerMonth = 52.0 / 12.0;
  return unit == TimeUnit::weeks ? amount : amount * kWeeksPerMonth;
}

std::optional<TimeUnit> Trigger::timed() const {
  if (kind == Kind::procedure) return TimeUnit::weeks;
  if (kind == Kind::medication && value == kIsotretinoin) return TimeUnit::months;
  return std::nullopt;
}

bool Effect::names(std::string_view treatment) const {
  return std::find(treatments.begin(), treatments.end(), treatment) != treatments.end();
}

// ---------------------------------------------------------------- CandidacyRules

CandidacyRules CandidacyRules::load(const AssetReader& read, const Content& content) {
  CandidacyRules out;
  Document rules_doc = open(read, std::string(kCandidacyRulesFile));
  out.rules_ = read_rules(rules_doc, content);
  append(out.issues_, rules_doc.log.take());
  const MessageUse use = message_use(out.rules_);
  for (Lang lang : kLanguages) {
    if (!content.has_language(lang)) continue;  // its lookups get English
    const Severity lacking = lang == Lang::en ? Severity::error : Severity::warning;  // others fall back to English
    Document doc = open(read, language_file(lang, kCandidacyMessagesFile));
    Messages& m = out.languages_[static_cast<std::size_t>(lang)];
    read_language(doc, use, lacking, m.messages, m.texts);
    append(out.issues_, doc.log.take());
  }
  return out;
}

const CandidacyRules& CandidacyRules::builtin() {
  static LoadedFromAssets<CandidacyRules> rules;
  return rules.get([] { return load(embedded_reader(), Content::builtin()); });
}

const Rule* CandidacyRules::rule(std::string_view id) const {
  const auto it = std::find_if(rules_.begin(), rules_.end(), [&](const Rule& r) { return r.id == id; });
  return it == rules_.end() ? nullptr : &*it;
}

const RuleMessage* CandidacyRules::message(Lang lang, std::string_view key) const {
  for (Lang l : {lang, Lang::en}) {
    const auto& messages = in(l).messages;
    if (const auto it = messages.find(key); it != messages.end()) return &it->second;
  }
  return nullptr;
}

std::string CandidacyRules::text(Lang lang, std::string_view key) const {
  for (Lang l : {lang, Lang::en}) {
    const auto& texts = in(l).texts;
    if (const auto it = texts.find(key); it != texts.end()) return it->second;
  }
  return std::string(key);
}

std::string CandidacyRules::duration_text(Lang lang, Duration duration) const {
  const char* count = duration.amount <= 0 ? "zero" : duration.amount == 1 ? "one" : "many";
  const std::string key = "unit." + std::string(time_unit_name(duration.unit)) + "." + count;
  return fill(text(lang, key), {{"n", std::to_string(duration.amount)}});
}

std::string CandidacyRules::range_text(Lang lang, Duration min, std::optional<int> max) const {
  const std::string unit(time_unit_name(min.unit));
  if (!max) return fill(text(lang, "unit." + unit + ".more_than"), {{"n", std::to_string(min.amount)}});
  if (*max == min.amount) return duration_text(lang, min);
  if (min.amount == 0) return fill(text(lang, "unit." + unit + ".less_than"), {{"n", std::to_string(*max)}});
  return fill(text(lang, "unit." + unit + ".range"), {{"from", std::to_string(min.amount)}, {"to", std::to_string(*max)}});
}

}  // namespace mn
