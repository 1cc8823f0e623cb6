#include "core/compare_json.hpp"

#include <algorithm>

#include "core/catalog.hpp"
#include "core/estimate_json.hpp"
#include "core/guarded.hpp"
#include "core/string_table.hpp"
#include "core/text.hpp"

namespace mn {
namespace {

using OJson = nlohmann::ordered_json;

constexpr std::array<std::string_view, 6> kRoman = {"I", "II", "III", "IV", "V", "VI"};
constexpr std::array<std::string_view, 3> kGroupNames = {"suitable", "defer", "not_recommended"};

OJson range_json(const Range& r) { return {{"low", r.low}, {"high", r.high}}; }
OJson optional_range_json(const Range& r) { return not_applicable(r) ? OJson(nullptr) : range_json(r); }

OJson value_json(const ReasonValue& v) {
  using Kind = ReasonValue::Kind;
  return v.kind == Kind::concern || v.kind == Kind::pih_risk ? OJson(v.id) : OJson(v.number);
}

std::string value_text(const ReasonValue& v, Lang lang, const MoneyFormat& money, const Content& content) {
  using Kind = ReasonValue::Kind;
  const StringTable& strings = StringTable::compare();
  const int n = static_cast<int>(v.number);
  switch (v.kind) {
    case Kind::concern: {
      const Concern* c = content.concern(lang, v.id);
      return c ? c->name : v.id;
    }
    case Kind::level: return strings.get(lang, "level." + std::to_string(n));
    case Kind::severity: return strings.get(lang, "severity." + std::to_string(n));
    case Kind::pih_risk: return strings.get(lang, "pih." + v.id);
    case Kind::fitzpatrick: return n >= 1 && n <= 6 ? std::string(kRoman[static_cast<std::size_t>(n - 1)]) : "?";
    case Kind::days: return number_text(v.number);
    case Kind::money: return money(v.number);
  }
  return {};
}

OJson row_json(const CompareRow& row, Lang lang, const ClinicConfig& clinic, const Content& content,
               const CandidacyRules& rules) {
  const Treatment& t = *row.treatment;
  const int digits = currency_digits(row.price.currency);
  OJson out = {{"id", t.id},
               {"name", treatment_display_name(content, lang, t.id)},
               {"family", t.family},
               {"rank", row.rank},
               {"score", rounded_json(row.score, 2)},
               {"group", kGroupNames[static_cast<std::size_t>(fit_group(row.verdict))]},
               {"verdict", verdict_name(row.verdict)},
               {"verdict_label", rules.text(lang, "verdict." + std::string(verdict_name(row.verdict)))}};
  if (row.wait) out["wait"] = {{std::string(time_unit_name(row.wait->unit)), row.wait->amount}};
  OJson sessions = counts_json(row.course.sessions);
  sessions["source"] = sessions_source_name(row.course.source);
  out["sessions"] = std::move(sessions);
  out["interval_days"] = optional_range_json(t.interval_days);
  out["downtime_days"] = range_json(t.downtime_days);
  out["pain"] = t.pain;
  out["onset_days"] = range_json(t.onset_days);
  out["duration_months"] = optional_range_json(t.duration_months);
  out["maintenance_months"] = optional_range_json(t.maintenance_months);
  out["currency"] = row.price.currency;
  out["price_source"] = row.price.from_clinic ? "clinic" : "published_usd";
  out["price_unit"] = price_unit_name(row.price.unit);
  out["price_per_session"] = amounts_json(row.price.per_session, digits);
  Amounts list, cost;
  for (Level l : kLevels) {
    list[l] = row.course_cost[l].list;
    cost[l] = row.course_cost[l].cost;
  }
  out["course_cost"] = amounts_json(cost, digits);
  out["course_cost_without_packages"] = amounts_json(list, digits);
  out["pih_risk"] = row.pih ? kPihRiskNames[static_cast<std::size_t>(*row.pih)] : "unknown";
  OJson reasons = OJson::array();
  for (const FitReason& r : row.reasons) {
    OJson values = OJson::object();
    for (const ReasonValue& v : r.values) values[v.name] = value_json(v);
    reasons.push_back({{"key", r.key},
                       {"points", rounded_json(r.points, 2)},
                       {"values", std::move(values)},
                       {"message", reason_message(r, lang, clinic, content)}});
  }
  out["reasons"] = std::move(reasons);
  return out;
}

}  // namespace

std::string reason_message(const FitReason& reason, Lang lang, const ClinicConfig& clinic, const Content& content) {
  const MoneyFormat money(clinic.currency, clinic.locale);
  std::vector<Placeholder> values;
  for (const ReasonValue& v : reason.values) values.push_back({v.name, value_text(v, lang, money, content)});
  // {range}: "low–high", or one figure when both ends read the same.
  const auto low = std::find_if(reason.values.begin(), reason.values.end(), [](const ReasonValue& v) { return v.name == "low"; });
  const auto high = std::find_if(reason.values.begin(), reason.values.end(), [](const ReasonValue& v) { return v.name == "high"; });
  if (low != reason.values.end() && high != reason.values.end()) {
    const std::string a = value_text(*low, lang, money, content), b = value_text(*high, lang, money, content);
    values.push_back({"range", low->kind == ReasonValue::Kind::money ? money.range(low->number, high->number)
                                                                      : a == b ? a : a + "–" + b});
  }
  return StringTable::compare().get(lang, reason.key, values);
}

OJson comparison_to_json(const Comparison& c, Lang lang, const ClinicConfig& clinic, const Content& content,
                         const CandidacyRules& rules) {
  OJson out;
  out["fitzpatrick"] = c.skin.type ? OJson(*c.skin.type) : OJson(nullptr);
  out["concern"] = c.concern.empty() ? OJson(nullptr) : OJson(c.concern);
  OJson rows = OJson::array();
  for (const CompareRow& row : c.rows) rows.push_back(row_json(row, lang, clinic, content, rules));
  out["treatments"] = std::move(rows);
  return out;
}

AssessReply compare_json(std::string_view profile_json, Lang lang, const ClinicConfig& clinic, std::string_view concern) {
  return run_guarded([&]() -> AssessReply {
    ProfileParse parse = parse_profile(profile_json);
    if (!concern.empty() && !is_concern_id(concern))
      parse.issues.push_back({Severity::error, "/concern",
                              with_hint(quoted_value(concern) + " is not a concern id", concern, kConcernIds), {}});
    if (!parse.ok()) return {safe_dump(profile_errors_json(parse.issues), 2), std::move(parse.issues)};
    const Content& content = Content::builtin();
    const Assessment assessment = assess(parse.profile, clinic);
    const Comparison c = compare(parse.profile, clinic, assessment, content.treatments(), concern);
    return {safe_dump(comparison_to_json(c, lang, clinic, content), 2), {}};
  }, [](const char* what) -> AssessReply {
    std::vector<Issue> issues = {{Severity::error, "", std::string("the comparison failed: ") + what, {}}};
    return {safe_dump(profile_errors_json(issues), 2), std::move(issues)};
  });
}

}  // namespace mn
