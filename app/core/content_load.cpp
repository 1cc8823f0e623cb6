// Content::load: reads every content file, checks it against docs/content-format.md, and fills in English
// wherever a translation lacks something.
#include <algorithm>
#include <deque>
#include <set>

#include "core/catalog.hpp"
#include "core/content.hpp"
#include "core/guarded.hpp"
#include "core/json_reader.hpp"

namespace mn {
namespace {

constexpr TextRule kNameText{80};
constexpr TextRule kLineText{300};
constexpr TextRule kProseText{3000, true};
constexpr std::size_t kMaxEntries = 200;

using SourceIds = std::set<std::string, std::less<>>;

// Every entry of a content list that could be read: a flawed entry is reported but kept, so the app shows what
// there is (the content tests fail on the report).
template <class T, class Parse>
std::vector<T> read_all(const Node& list, Parse&& parse) {
  return read_list<T>(list, kMaxEntries, std::forward<Parse>(parse), BadEntry::keep);
}

// One parsed file and the issues found in it.
struct Document {
  explicit Document(std::string file) : path(std::move(file)), log(path) {}
  std::string path;
  bool parsed = false;  // false when missing or unparseable (reported already)
  Json json;
  IssueLog log;
  Node root() { return Node(parsed ? &json : nullptr, "", log, true); }
};

Document open_document(const AssetReader& read, std::string path) {
  Document doc(std::move(path));
  const auto text = read(doc.path);
  if (!text) {
    doc.log.add(Severity::error, "", "the file is missing");
    return doc;
  }
  ParsedJson parsed = parse_json(*text);
  doc.parsed = parsed.ok();
  if (doc.parsed)
    doc.json = std::move(parsed.value);
  else
    doc.log.add(Severity::error, parsed.pointer, parsed.error);
  return doc;
}

// ---------------------------------------------------------------- shared value readers

// "sources": ids from sources.json, at least one.
auto citations(const SourceIds& known) {
  return [&known](const Node& n) -> std::optional<std::vector<std::string>> {
    if (n.json().is_array() && n.json().empty()) {
      n.error("must cite at least one source");
      return std::nullopt;
    }
    return read_all<std::string>(n, [&](const Node& e) {
      auto id = e.text({64});
      if (id && known.find(*id) == known.end()) e.error("cites " + in_quotes(*id) + ", which is not in sources.json");
      return id;
    });
  };
}

auto text_list(TextRule rule) {
  return [rule](const Node& n) -> std::optional<std::vector<std::string>> {
    if (n.json().is_array() && n.json().empty()) {
      n.error("must not be empty");
      return std::nullopt;
    }
    return read_all<std::string>(n, text_of(rule));
  };
}

// What a range may hold.
struct RangeRule {
  double min, max;
  bool whole = false;  // integers only
  bool needs_typical = false;
};

auto range_of(RangeRule rule) {
  return [rule](const Node& n) -> std::optional<Range> {
    if (!n.expect_object()) return std::nullopt;
    const ErrorWatch watch(n);
    ObjectReader o(n);
    Range r;
    const auto amount = [rule](const Node& v) -> std::optional<double> {
      if (!rule.whole) return v.number(rule.min, rule.max);
      const auto i = v.integer(static_cast<int>(rule.min), static_cast<int>(rule.max));
      return i ? std::optional<double>(*i) : std::nullopt;
    };
    read_field(o["low"], Field::required, r.low, amount);
    read_field(o["typical"], rule.needs_typical ? Field::required : Field::optional, r.typical, amount);
    read_field(o["high"], Field::required, r.high, amount);
    o.finish();
    if (!watch.clean()) return std::nullopt;
    if (r.low > r.high)
      n.error("low (" + number_text(r.low) + ") is more than high (" + number_text(r.high) + ")");
    else if (r.typical && (*r.typical < r.low || *r.typical > r.high))
      n.error("typical (" + number_text(*r.typical) + ") is outside low–high (" + number_text(r.low) + "–" +
              number_text(r.high) + ")");
    else
      return r;
    return std::nullopt;
  };
}

// A text that must be one of `names` ("is not <what>" otherwise).
template <std::size_t N>
auto one_of(const std::array<std::string_view, N>& names, std::string what) {
  return [&names, what](const Node& n) -> std::optional<std::string> {
    auto s = n.text({40});
    if (s && !contains(names, *s)) {
      n.error(with_hint(in_quotes(*s) + " is not " + what, *s, names));
      return std::nullopt;
    }
    return s;
  };
}

template <std::size_t N>
std::size_t index_of(const std::array<std::string_view, N>& names, std::string_view name) {
  return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
}

// Reports every id of `ids` that `present` lacks, at `n`.
template <std::size_t N>
void require_all(const Node& n, const std::array<std::string_view, N>& ids, const std::set<std::string>& present,
                 std::string_view what) {
  for (std::string_view id : ids)
    if (present.find(std::string(id)) == present.end()) n.error("lacks the " + std::string(what) + " " + in_quotes(id));
}

// ---------------------------------------------------------------- sources.json, treatments.json

std::vector<Source> read_sources(Document& doc) {
  ObjectReader root(doc.root());
  std::set<std::string> ids;
  std::vector<Source> sources;
  read_field(root["sources"], Field::required, sources, [&](const Node& list) {
    return std::optional(read_all<Source>(list, [&](const Node& n) -> std::optional<Source> {
      ObjectReader o(n);
      Source s;
      const Node id = o["id"];
      read_field(id, Field::required, s.id, text_of({64}));
      if (!s.id.empty() && !ids.insert(s.id).second) id.error("repeats the id " + in_quotes(s.id));
      read_field(o["title"], Field::required, s.title, text_of(kLineText));
      read_field(o["kind"], Field::required, s.kind, text_of({40}));
      read_field(o["file"], Field::optional, s.file, text_of(kLineText));  // shared/ notes and seeds only
      read_field(o["cites"], Field::optional, s.cites, text_of(kProseText));
      read_field(o["publisher"], Field::required, s.publisher, text_of(kLineText));
      read_field(o["year"], Field::optional, s.year, [](const Node& v) { return v.integer(1900, 2100); });
      read_field(o["url"], Field::optional, s.url, [](const Node& v) -> std::optional<std::string> {
        auto url = v.text({500});
        if (url && url->rfind("https://", 0) != 0 && url->rfind("http://", 0) != 0) {
          v.error("must be an http(s) address");
          return std::nullopt;
        }
        return url;
      });
      std::string strength;
      read_field(o["strength"], Field::required, strength, one_of(kStrengthNames, "a source strength"));
      if (!strength.empty()) s.strength = static_cast<Strength>(index_of(kStrengthNames, strength));
      const Node covers = o["covers"];
      read_field(covers, Field::required, s.covers_treatments, [&](const Node& c) -> std::optional<std::vector<std::string>> {
        if (!c.expect_object()) return std::nullopt;
        ObjectReader co(c);
        std::vector<std::string> treatments;
        read_field(co["treatments"], Field::required, treatments, [](const Node& names) {
          return std::optional(read_all<std::string>(names, [](const Node& e) -> std::optional<std::string> {
            auto t = e.text({40});
            if (t && *t != "*" && !is_treatment_id(*t)) {
              e.error(with_hint(in_quotes(*t) + " is not a treatment id (or \"*\")", *t, kTreatmentIds));
              return std::nullopt;
            }
            return t;
          }));
        });
        read_field(co["topics"], Field::required, s.covers_topics,
                   [](const Node& topics) { return std::optional(read_all<std::string>(topics, text_of({40}))); });
        co.finish();
        return treatments;
      });
      read_field(o["says"], Field::optional, s.says,
                 [](const Node& says) -> std::optional<std::map<std::string, std::string, std::less<>>> {
        if (!says.expect_object()) return std::nullopt;
        std::map<std::string, std::string, std::less<>> out;
        for (const auto& [key, value] : says.members())
          if (auto text = value.text(kProseText)) out[key] = std::move(*text);
        return out;
      });
      if (s.file.empty() && s.url.empty() && s.strength == Strength::note)
        n.error("a note must name its file under shared/");
      o.finish();
      return o.ok() ? std::optional(s) : std::nullopt;
    }));
  });
  root.finish();
  return sources;
}

constexpr RangeRule kSessionRule{1, 50, true, true};
constexpr int kMaxDay = 3650;

std::optional<std::array<PihRisk, 6>> parse_pih_risk(const Node& n) {
  if (!n.expect_array()) return std::nullopt;
  if (n.json().size() != 6) {
    n.error("must have 6 entries, for Fitzpatrick types I to VI");
    return std::nullopt;
  }
  static constexpr std::array<std::string_view, 4> kRisks = {"low", "moderate", "high", "very_high"};
  const auto risks = read_list<std::string>(n, 6, one_of(kRisks, "a risk level"));
  if (risks.size() != 6) return std::nullopt;
  std::array<PihRisk, 6> out{};
  for (std::size_t i = 0; i < 6; ++i) out[i] = static_cast<PihRisk>(index_of(kRisks, risks[i]));
  return out;
}

std::optional<std::map<std::string, int, std::less<>>> parse_suits(const Node& n) {
  std::map<std::string, int, std::less<>> out;
  for (const auto& [concern, value] : n.members()) {
    if (!is_concern_id(concern))
      value.error(with_hint(in_quotes(concern) + " is not a concern id", concern, kConcernIds));
    else if (const auto v = value.integer(0, 3))
      out[concern] = *v;
  }
  return out;
}

// {"mild": range, "moderate": range, "severe": range}, never decreasing from one grade to the next.
std::optional<std::array<Range, 3>> parse_sessions_by_severity(const Node& n) {
  if (!n.expect_object()) return std::nullopt;
  const ErrorWatch watch(n);
  ObjectReader o(n);
  std::array<Range, 3> out{};
  for (std::size_t i = 0; i < out.size(); ++i)
    read_field(o[kSeverityGrades[i]], Field::required, out[i], range_of(kSessionRule));
  o.finish();
  if (!watch.clean()) return std::nullopt;
  for (std::size_t i = 1; i < out.size(); ++i)
    if (out[i].low < out[i - 1].low || out[i].typical < out[i - 1].typical || out[i].high < out[i - 1].high)
      n.member(kSeverityGrades[i]).error("has fewer sessions than " + std::string(kSeverityGrades[i - 1]));
  return watch.clean() ? std::optional(out) : std::nullopt;
}

std::optional<std::vector<Phase>> parse_phases(const Node& n) {
  return read_all<Phase>(n, [](const Node& e) -> std::optional<Phase> {
    ObjectReader o(e);
    if (!o.ok()) return std::nullopt;
    Phase p;
    read_field(o["key"], Field::required, p.key, one_of(kPhaseKeys, "a phase key"));
    read_field(o["from_day"], Field::required, p.from_day, [](const Node& v) { return v.integer(0, kMaxDay); });
    read_field(o["to_day"], Field::required, p.to_day, [](const Node& v) { return v.integer(0, kMaxDay); });
    if (p.from_day > p.to_day)
      e.error("from_day (" + std::to_string(p.from_day) + ") is after to_day (" + std::to_string(p.to_day) + ")");
    o.finish();
    return p;
  });
}

std::optional<std::vector<Milestone>> parse_milestones(const Node& n) {
  return read_all<Milestone>(n, [](const Node& e) -> std::optional<Milestone> {
    ObjectReader o(e);
    if (!o.ok()) return std::nullopt;
    Milestone m;
    read_field(o["key"], Field::required, m.key, one_of(kMilestoneKeys, "a milestone key"));
    const Node last = o["after_days"], first = o["after_first_session_days"];
    if (last.present() == first.present()) {
      e.error(last.present() ? "has both after_days and after_first_session_days: give one"
                             : "needs after_days or after_first_session_days");
    } else {
      m.from_first_session = first.present();
      read_field(m.from_first_session ? first : last, Field::required, m.days,
                 [](const Node& v) { return v.integer(0, kMaxDay); });
    }
    o.finish();
    return m;
  });
}

std::optional<Treatment> parse_treatment(const Node& n, const SourceIds& sources) {
  ObjectReader o(n);
  if (!o.ok()) return std::nullopt;
  Treatment t;
  read_field(o["id"], Field::required, t.id, one_of(kTreatmentIds, "a treatment id"));
  read_field(o["family"], Field::required, t.family, one_of(kTreatmentFamilies, "a treatment family"));
  std::optional<Range> sessions;
  std::optional<std::array<Range, 3>> by_severity;
  read_field(o["sessions"], Field::required, sessions, range_of(kSessionRule));
  const Node by_severity_node = o["sessions_by_severity"];
  read_field(by_severity_node, Field::required, by_severity, parse_sessions_by_severity);
  if (sessions) t.sessions = *sessions;
  if (by_severity) t.sessions_by_severity = *by_severity;
  if (sessions && by_severity &&
      (by_severity->at(1).low != sessions->low || by_severity->at(1).typical != sessions->typical ||
       by_severity->at(1).high != sessions->high))
    by_severity_node.member("moderate").error("differs from sessions");
  read_field(o["interval_days"], Field::required, t.interval_days, range_of({0, kMaxDay}));
  read_field(o["downtime_days"], Field::required, t.downtime_days, range_of({0, 365}));
  read_field(o["onset_days"], Field::required, t.onset_days, range_of({0, kMaxDay}));
  read_field(o["duration_months"], Field::required, t.duration_months, range_of({0, 600}));
  read_field(o["maintenance_months"], Field::required, t.maintenance_months, range_of({0, 600}));
  read_field(o["pain"], Field::required, t.pain, [](const Node& v) { return v.integer(1, 5); });
  read_field(o["pih_risk"], Field::required, t.pih_risk, parse_pih_risk);
  read_field(o["price_usd"], Field::required, t.price_usd, range_of({0, 1000000}));
  static constexpr std::array<std::string_view, 3> kUnits = {"session", "area", "syringe"};
  std::string unit;
  read_field(o["price_unit"], Field::required, unit, one_of(kUnits, "a price unit"));
  if (!unit.empty()) t.price_unit = static_cast<PriceUnit>(index_of(kUnits, unit));
  read_field(o["phases"], Field::required, t.phases, parse_phases);
  read_field(o["milestones"], Field::required, t.milestones, parse_milestones);
  read_field(o["suits"], Field::required, t.suits, parse_suits);
  read_field(o["sources"], Field::required, t.sources, citations(sources));
  o.finish();
  return t;
}

std::vector<Treatment> read_treatments(Document& doc, const SourceIds& sources) {
  ObjectReader root(doc.root());
  std::vector<Treatment> out;
  std::set<std::string> ids;
  const Node list = root["treatments"];
  if (!list.present()) list.missing();
  const std::vector<Node> entries = list.present() ? list.elements() : std::vector<Node>{};
  for (const Node& n : entries) {
    auto t = parse_treatment(n, sources);
    if (!t || t->id.empty()) continue;
    if (ids.insert(t->id).second)
      out.push_back(std::move(*t));
    else
      n.member("id").error("repeats the id " + in_quotes(t->id));
  }
  if (list.present() && list.json().is_array()) require_all(list, kTreatmentIds, ids, "treatment");
  root.finish();
  std::sort(out.begin(), out.end(), [](const Treatment& a, const Treatment& b) {  // catalogue order
    return index_of(kTreatmentIds, a.id) < index_of(kTreatmentIds, b.id);
  });
  return out;
}

// ---------------------------------------------------------------- per-language files

// An object of entries keyed by catalogue id ({"treatments": {"microneedling": {...}}}), each read by `parse`.
// Only English must have every id: translations are compared with English (compare_structure).
template <class T, std::size_t N, class Parse>
std::map<std::string, T, std::less<>> read_keyed(Document& doc, std::string_view member, Lang lang,
                                                 const std::array<std::string_view, N>& ids, std::string_view what,
                                                 Parse parse) {
  ObjectReader root(doc.root());
  std::map<std::string, T, std::less<>> out;
  std::set<std::string> present;
  const Node entries = root[member];
  if (!entries.present()) entries.missing();
  const auto members = entries.present() ? entries.members() : std::vector<std::pair<std::string, Node>>{};
  for (const auto& [id, n] : members) {
    if (!contains(ids, id)) {
      n.error(with_hint(in_quotes(id) + " is not a " + std::string(what) + " id", id, ids));
      continue;
    }
    present.insert(id);
    ObjectReader o(n);
    if (o.ok()) out[id] = parse(o);
    o.finish();
  }
  if (lang == Lang::en && entries.present() && entries.json().is_object()) require_all(entries, ids, present, what);
  root.finish();
  return out;
}

TreatmentText read_treatment_text(ObjectReader& o, const SourceIds& sources) {
  TreatmentText t;
  read_field(o["name"], Field::required, t.name, text_of(kNameText));
  read_field(o["short"], Field::required, t.short_text, text_of(kLineText));
  read_field(o["mechanism"], Field::required, t.mechanism, text_of(kProseText));
  read_field(o["good_for"], Field::required, t.good_for, text_of(kProseText));
  read_field(o["downtime"], Field::required, t.downtime, text_of(kProseText));
  read_field(o["results"], Field::required, t.results, text_of(kProseText));
  read_field(o["caution"], Field::required, t.caution, text_of(kProseText));
  read_field(o["sources"], Field::required, t.sources, citations(sources));
  return t;
}

Concern read_concern(ObjectReader& o, const SourceIds& sources) {
  Concern c;
  read_field(o["name"], Field::required, c.name, text_of(kNameText));
  read_field(o["explain"], Field::required, c.explain, text_of(kProseText));
  read_field(o["severity"], Field::required, c.severity, text_list(kProseText));
  read_field(o["scale"], Field::optional, c.scale, text_of({300, false, true}));  // "": no clinical scale
  read_field(o["sources"], Field::required, c.sources, citations(sources));
  return c;
}

std::optional<EducationBlock> read_block(const Node& n, const SourceIds& sources) {
  ObjectReader o(n);
  if (!o.ok()) return std::nullopt;
  static constexpr std::array<std::string_view, 8> kTypes = {"text", "list", "steps", "dodont", "faq", "note",
                                                             "urgent", "figure"};
  std::string type;
  read_field(o["type"], Field::required, type, one_of(kTypes, "a block type"));
  if (type.empty()) return std::nullopt;  // its members are unknown: no finish()
  EducationBlock b;
  b.type = static_cast<BlockType>(index_of(kTypes, type));
  switch (b.type) {
    case BlockType::text:
    case BlockType::note:
    case BlockType::urgent:
      read_field(o["text"], Field::required, b.text, text_of(kProseText));
      break;
    case BlockType::list:
      read_field(o["title"], Field::optional, b.title, text_of(kLineText));
      read_field(o["items"], Field::required, b.items, text_list(kProseText));
      break;
    case BlockType::steps:
      read_field(o["title"], Field::optional, b.title, text_of(kLineText));
      read_field(o["items"], Field::required, b.steps, [](const Node& list) {
        return std::optional(read_all<EducationStep>(list, [](const Node& item) -> std::optional<EducationStep> {
          ObjectReader s(item);
          EducationStep step;
          read_field(s["title"], Field::required, step.title, text_of(kLineText));
          read_field(s["when"], Field::optional, step.when, text_of({60}));
          read_field(s["text"], Field::required, step.text, text_of(kProseText));
          s.finish();
          return s.ok() ? std::optional(step) : std::nullopt;
        }));
      });
      break;
    case BlockType::dodont:
      read_field(o["title"], Field::optional, b.title, text_of(kLineText));
      read_field(o["do"], Field::required, b.dos, text_list(kProseText));
      read_field(o["dont"], Field::required, b.donts, text_list(kProseText));
      break;
    case BlockType::faq:
      read_field(o["items"], Field::required, b.faq, [](const Node& list) {
        return std::optional(read_all<EducationFaq>(list, [](const Node& item) -> std::optional<EducationFaq> {
          ObjectReader f(item);
          EducationFaq faq;
          read_field(f["q"], Field::required, faq.q, text_of(kLineText));
          read_field(f["a"], Field::required, faq.a, text_of(kProseText));
          f.finish();
          return f.ok() ? std::optional(faq) : std::nullopt;
        }));
      });
      break;
    case BlockType::figure: {
      std::string figure;
      read_field(o["figure"], Field::required, figure, one_of(kFigureNames, "a figure"));
      if (!figure.empty()) b.figure = static_cast<Figure>(index_of(kFigureNames, figure));
      read_field(o["title"], Field::optional, b.title, text_of(kLineText));
      read_field(o["text"], Field::required, b.text, text_of(kProseText));
      const std::size_t wanted = kFigureLabels[static_cast<std::size_t>(b.figure)];
      read_field(o["items"], Field::required, b.items, [&](const Node& list) -> std::optional<std::vector<std::string>> {
        auto labels = text_list(kLineText)(list);
        if (labels && !figure.empty() && labels->size() != wanted) {
          list.error("a " + figure + " figure takes " + std::to_string(wanted) + " labels, not " +
                     std::to_string(labels->size()));
          return std::nullopt;
        }
        return labels;
      });
      break;
    }
  }
  const bool callout = b.type == BlockType::note || b.type == BlockType::urgent;
  read_field(o["sources"], callout ? Field::optional : Field::required, b.sources,
             citations(sources));
  read_field(o["about"], Field::optional, b.about, [](const Node& list) {
    return std::optional(read_all<std::string>(list, one_of(kTreatmentIds, "a treatment id")));
  });
  o.finish();
  return b;
}

std::vector<EducationSection> read_education(Document& doc, const SourceIds& sources) {
  ObjectReader root(doc.root());
  std::vector<EducationSection> out;
  read_field(root["sections"], Field::required, out, [&](const Node& list) {
    auto sections = read_all<EducationSection>(list, [&](const Node& n) -> std::optional<EducationSection> {
      ObjectReader o(n);
      if (!o.ok()) return std::nullopt;
      EducationSection s;
      read_field(o["id"], Field::required, s.id, text_of({40}));
      read_field(o["title"], Field::required, s.title, text_of(kLineText));
      read_field(o["lead"], Field::required, s.lead, text_of(kProseText));
      const Node blocks = o["blocks"];
      read_field(blocks, Field::required, s.blocks, [&](const Node& b) {
        return std::optional(read_all<EducationBlock>(b, [&](const Node& e) { return read_block(e, sources); }));
      });
      if (blocks.present() && blocks.json().is_array() && blocks.json().empty()) blocks.error("must not be empty");
      o.finish();
      return s;
    });
    std::vector<std::string_view> ids;
    for (const EducationSection& s : sections) ids.push_back(s.id);
    if (list.json().is_array() &&
        !std::equal(ids.begin(), ids.end(), kEducationSectionIds.begin(), kEducationSectionIds.end())) {
      std::string expected;
      for (std::string_view id : kEducationSectionIds) expected += (expected.empty() ? "" : ", ") + std::string(id);
      list.error("must hold the sections " + expected + ", in this order");
    }
    return std::optional(sections);
  });
  root.finish();
  return out;
}

std::map<std::string, std::string, std::less<>> read_strings(Document& doc) {
  ObjectReader root(doc.root());
  std::map<std::string, std::string, std::less<>> out;
  read_field(root["strings"], Field::required, out, [](const Node& n) {
    std::map<std::string, std::string, std::less<>> strings;
    for (const auto& [key, value] : n.members())
      if (auto text = value.text({1000, true})) strings[key] = std::move(*text);
    return std::optional(strings);
  });
  root.finish();
  return out;
}

// ---------------------------------------------------------------- translations against English

// Whether `sorted` holds `pointer` or anything below it.
bool covers(const std::vector<std::string>& sorted, const std::string& pointer) {
  if (std::binary_search(sorted.begin(), sorted.end(), pointer)) return true;
  const std::string below = pointer + "/";
  const auto it = std::lower_bound(sorted.begin(), sorted.end(), below);
  return it != sorted.end() && it->compare(0, below.size(), below) == 0;
}

// Reports each leaf of `from` that `to` lacks, once, at its highest missing ancestor.
void report_missing(const std::vector<std::string>& from, const std::vector<std::string>& to,
                    const std::string& message, IssueLog& log) {
  std::set<std::string> reported;
  for (const std::string& leaf : from) {
    if (leaf.empty() || covers(to, leaf)) continue;
    std::string missing = leaf;
    for (std::size_t slash = leaf.find('/', 1); slash != std::string::npos; slash = leaf.find('/', slash + 1))
      if (!covers(to, leaf.substr(0, slash))) {
        missing = leaf.substr(0, slash);
        break;
      }
    if (reported.insert(missing).second) log.add(Severity::warning, missing, message);
  }
}

// Warns about every key the translation lacks or adds, compared with English.
void compare_structure(const Document& english, Document& translation, Lang lang) {
  if (!english.parsed || !translation.parsed) return;
  const auto en = leaf_pointers(english.json), other = leaf_pointers(translation.json);
  const std::string code(lang_code(lang));
  report_missing(en, other, "is in en but missing in " + code + ": English is shown", translation.log);
  report_missing(other, en, "is in " + code + " but not in en", translation.log);
}

// Errors for UI strings whose {placeholders} differ from the English string's.
void compare_placeholders(const std::map<std::string, std::string, std::less<>>& english,
                          const std::map<std::string, std::string, std::less<>>& translation, IssueLog& log) {
  const auto list = [](const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "{" : ", {") + n + "}";
    return out.empty() ? std::string("none") : out;
  };
  for (const auto& [key, text] : translation) {
    const auto en = english.find(key);
    if (en == english.end()) continue;
    const auto ours = placeholder_names(text), theirs = placeholder_names(en->second);
    if (ours != theirs)
      log.add(Severity::error, pointer_append("/strings", key),
              "uses the placeholders " + list(ours) + " but English uses " + list(theirs));
  }
}

template <class Map>
void fill_from(Map& translation, const Map& english) {
  for (const auto& [key, value] : english) translation.emplace(key, value);  // keeps what is there
}

void fill_sections_from(std::vector<EducationSection>& translation, const std::vector<EducationSection>& english) {
  if (english.empty()) return;
  std::vector<EducationSection> merged;
  for (const EducationSection& en : english) {
    const auto it =
        std::find_if(translation.begin(), translation.end(), [&](const EducationSection& s) { return s.id == en.id; });
    merged.push_back(it != translation.end() ? std::move(*it) : en);
  }
  translation = std::move(merged);
}

}  // namespace

Content Content::load(const AssetReader& read) { return load(read, {kLanguages.begin(), kLanguages.end()}); }

Content Content::load(const AssetReader& read, const std::vector<Lang>& languages) {
  return load_parts(read, languages, false);
}

Content Content::load_strings(const AssetReader& read, const std::vector<Lang>& languages) {
  return load_parts(read, languages, true);
}

Content Content::load_parts(const AssetReader& read, const std::vector<Lang>& languages, bool strings_only) {
  Content c;
  c.complete_ = !strings_only;
  for (Lang lang : languages) c.loaded_[static_cast<std::size_t>(lang)] = true;
  c.loaded_[static_cast<std::size_t>(Lang::en)] = true;
  // ui.json alone, or every file of kLanguageFiles (ui.json is the last).
  static_assert(kLanguageFiles.back() == "ui.json");
  const std::size_t first_file = strings_only ? kLanguageFiles.size() - 1 : 0;
  run_guarded([&] {
    std::deque<Document> docs;  // stable addresses: by_lang points into it
    SourceIds source_ids;
    if (!strings_only) {
      docs.push_back(open_document(read, std::string(kSourcesFile)));
      c.sources_ = read_sources(docs.back());
      for (const Source& s : c.sources_) source_ids.insert(s.id);
      docs.push_back(open_document(read, std::string(kTreatmentsFile)));
      c.treatments_ = read_treatments(docs.back(), source_ids);
    }

    // [language][file]: each language's documents, English first
    std::array<std::array<Document*, kLanguageFiles.size()>, kLanguages.size()> by_lang{};
    for (Lang lang : kLanguages) {
      if (!c.loaded_[static_cast<std::size_t>(lang)]) continue;
      LanguageContent& l = c.languages_[static_cast<std::size_t>(lang)];
      auto& files = by_lang[static_cast<std::size_t>(lang)];
      for (std::size_t f = first_file; f < kLanguageFiles.size(); ++f)
        files[f] = &docs.emplace_back(open_document(read, language_file(lang, kLanguageFiles[f])));
      if (!strings_only) {
        l.treatments = read_keyed<TreatmentText>(*files[0], "treatments", lang, kTreatmentIds, "treatment",
                                                 [&](ObjectReader& o) { return read_treatment_text(o, source_ids); });
        l.concerns = read_keyed<Concern>(*files[1], "concerns", lang, kConcernIds, "concern",
                                         [&](ObjectReader& o) { return read_concern(o, source_ids); });
        l.education = read_education(*files[2], source_ids);
      }
      l.strings = read_strings(*files[3]);
    }

    const LanguageContent& en = c.languages_[static_cast<std::size_t>(Lang::en)];
    for (Lang lang : kLanguages) {
      if (lang == Lang::en || !c.loaded_[static_cast<std::size_t>(lang)]) continue;
      const auto i = static_cast<std::size_t>(lang);
      for (std::size_t f = first_file; f < kLanguageFiles.size(); ++f)
        compare_structure(*by_lang[0][f], *by_lang[i][f], lang);
      LanguageContent& l = c.languages_[i];
      compare_placeholders(en.strings, l.strings, by_lang[i][3]->log);
      fill_from(l.strings, en.strings);
      fill_from(l.treatments, en.treatments);
      fill_from(l.concerns, en.concerns);
      fill_sections_from(l.education, en.education);
    }
    for (Document& doc : docs) {
      std::vector<Issue> issues = doc.log.take();
      c.issues_.insert(c.issues_.end(), std::make_move_iterator(issues.begin()), std::make_move_iterator(issues.end()));
    }
  }, [&](const char* what) {
    c.issues_.push_back({Severity::error, "", std::string("content could not be loaded: ") + what, "content"});
  });
  return c;
}

}  // namespace mn
