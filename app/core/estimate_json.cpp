#include "core/estimate_json.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/catalog.hpp"
#include "core/civil_date.hpp"
#include "core/guarded.hpp"
#include "core/locale.hpp"
#include "core/pricing.hpp"
#include "core/string_table.hpp"
#include "core/text.hpp"
#include "core/timing.hpp"

namespace mn {
namespace {

using OJson = nlohmann::ordered_json;

double rounded(double amount, int digits) {
  const double scale = std::pow(10.0, digits);
  return std::round(amount * scale) / scale;
}

OJson package_json(const PackageUse& use, Lang lang, const ClinicConfig& clinic, const Content& content) {
  return {{"id", use.package->id},
          {"name", package_name(*use.package, lang, clinic, content)},
          {"sessions", use.package->sessions},
          {"count", use.count}};
}

OJson purchase_json(const Purchase& p, int digits, Lang lang, const ClinicConfig& clinic, const Content& content) {
  OJson packages = OJson::array();
  for (const PackageUse& use : p.packages) packages.push_back(package_json(use, lang, clinic, content));
  return {{"sessions", p.sessions},
          {"price", rounded_json(p.price, digits)},
          {"list", rounded_json(p.list, digits)},
          {"packages", std::move(packages)},
          {"single_sessions", p.single_sessions},
          {"extra_sessions", p.extra_sessions},
          {"saving", rounded_json(p.saving(), digits)},
          {"cost", rounded_json(p.cost, digits)}};
}

OJson visits_json(const Estimate& e) {
  OJson out = OJson::array();
  for (const Visit& v : e.visits) {
    OJson phases = OJson::array();
    for (const DatedPhase& p : v.phases)
      phases.push_back({{"key", p.phase->key}, {"from", iso_date(p.from)}, {"to", iso_date(p.to)}});
    out.push_back({{"number", v.number},
                   {"date", iso_date(v.date)},
                   {"earliest", iso_date(v.earliest)},
                   {"latest", iso_date(v.latest)},
                   {"beyond_typical", v.beyond_typical},
                   {"phases", std::move(phases)}});
  }
  return out;
}

void calendar_json(const Estimate& e, OJson& out) {
  out["interval_days"] = e.interval_days ? counts_json(*e.interval_days) : OJson(nullptr);
  out["visits"] = visits_json(e);
  OJson milestones = OJson::array();
  for (const DatedMilestone& m : e.milestones)
    milestones.push_back({{"key", m.milestone->key},
                          {"date", iso_date(m.date)},
                          {"counted_from", m.milestone->from_first_session ? "first_session" : "last_session"},
                          {"days", m.milestone->days}});
  out["milestones"] = std::move(milestones);
  out["results_last_until"] =
      e.results_last_until ? OJson{{"low", iso_date((*e.results_last_until)[0])}, {"high", iso_date((*e.results_last_until)[1])}}
                           : OJson(nullptr);
  OJson dates = OJson::array();
  for (const Date& d : e.maintenance_dates) dates.push_back(iso_date(d));
  out["maintenance"] = {{"every_months", e.maintenance_months ? counts_json(*e.maintenance_months) : OJson(nullptr)},
                        {"years", e.options.maintenance_years},
                        {"sessions", counts_json(e.maintenance_sessions)},
                        {"dates", std::move(dates)}};
}

OJson costs_json(const Estimate& e, int digits, Lang lang, const ClinicConfig& clinic, const Content& content) {
  OJson out = {{"currency", e.price.currency},
               {"price_source", e.price.from_clinic ? "clinic" : "published_usd"},
               {"price_unit", price_unit_name(e.price.unit)}};
  if (e.price.unit != PriceUnit::session)
    out["unit_note"] = StringTable::compare().get(lang, "estimate.unit_note." + std::string(price_unit_name(e.price.unit)));
  out["per_session"] = amounts_json(e.price.per_session, digits);
  out["base_price"] = amounts_json(e.price.base, digits);
  OJson areas = OJson::array();
  for (const AreaCost& a : e.price.areas) {
    OJson area = {{"id", a.id}, {"name", StringTable::compare().get(lang, "estimate.area." + a.id)}};
    if (a.units) {
      area["units"] = amounts_json(*a.units, 0);
      area["units_source"] = a.units_from_clinic ? "clinic" : "label";
    }
    area["per_session"] = amounts_json(a.per_session, digits);
    areas.push_back(std::move(area));
  }
  out["areas"] = std::move(areas);
  // Where the areas came from: null when they were given for the treatment; else each treated concern's areas
  // (picked, or its default) and the wanted areas this clinic does not price.
  OJson pick(nullptr);
  if (e.area_pick) {
    const auto area_names = [&](const std::vector<std::string>& ids) {
      OJson list = OJson::array();
      for (const std::string& id : ids) list.push_back({{"id", id}, {"name", StringTable::compare().get(lang, "estimate.area." + id)}});
      return list;
    };
    OJson by_concern = OJson::array();
    for (const AreaPick::ForConcern& f : e.area_pick->concerns)
      by_concern.push_back({{"concern", f.concern}, {"areas", f.areas}, {"picked", f.picked}});
    pick = {{"by_concern", std::move(by_concern)},
            {"left_out", area_names(e.area_pick->left_out)},
            {"stand_in", e.area_pick->stand_in}};
  }
  out["area_pick"] = std::move(pick);
  out["unit_price"] = e.price.unit_price ? amounts_json(*e.price.unit_price, digits) : OJson(nullptr);
  out["syringes"] = e.price.syringes ? OJson{{"per_visit", amounts_json(*e.price.syringes, 1)},
                                             {"source", e.price.syringes_from_clinic ? "clinic" : "one_assumed"}}
                                     : OJson(nullptr);
  if (e.forehead_without_frown_lines)
    out["area_note"] = StringTable::compare().get(lang, "estimate.area_note.forehead_alone");
  out["package_choice"] = e.options.package.text();
  OJson course;
  Amounts saving;
  for (Level l : kLevels) {
    course[std::string(kLevelNames[static_cast<std::size_t>(l)])] = purchase_json(e.course_cost[l], digits, lang, clinic, content);
    saving[l] = e.course_cost[l].saving();
  }
  out["course"] = std::move(course);
  out["saving"] = amounts_json(saving, digits);
  OJson option, membership;
  for (Level l : kLevels) {
    const std::string name(kLevelNames[static_cast<std::size_t>(l)]);
    option[name] = buy_option_name(e.option[l]);
    if (const auto& m = e.membership[l])
      membership[name] = {{"id", m->membership->id},
                          {"name", m->membership->name.get(lang)},
                          {"months", m->months},
                          {"fees", rounded_json(m->fees, digits)},
                          {"sessions", rounded_json(m->sessions, digits)},
                          {"cost", rounded_json(m->cost(), digits)},
                          {"saving", rounded_json(e.course_cost[l].cost - m->cost(), digits)}};
    else
      membership[name] = nullptr;
  }
  out["option"] = std::move(option);
  out["membership"] = std::move(membership);
  OJson addons = OJson::array();
  for (const AddOnCost& a : e.addons)
    addons.push_back({{"id", a.addon->id},
                      {"name", a.addon->name.get(lang)},
                      {"per_session", amounts_json(a.per_session, digits)},
                      {"course", amounts_json(a.course, digits)}});
  out["addons"] = std::move(addons);
  OJson lines = OJson::array();
  for (const CostLine& line : e.lines) {
    OJson l = {{"kind", line_name(line.kind)}};
    l.update(amounts_json(line.amount, digits));
    lines.push_back(std::move(l));
  }
  out["lines"] = std::move(lines);
  const Tax* tax = e.lines.empty() || !clinic_terms_apply(e.price, clinic, e.treatment->id) || !clinic.tax ? nullptr : &*clinic.tax;
  out["tax"] = tax ? OJson{{"rate_percent", tax->rate_percent},
                           {"included", tax->included},
                           {"name", tax->name.empty() ? StringTable::compare().get(lang, "estimate.tax_name")
                                                      : tax->name.get(lang)},
                           {"included_amount", amounts_json(e.tax_included, digits)}}
                   : OJson(nullptr);
  out["course_total"] = amounts_json(e.course_total, digits);
  out["maintenance_per_session"] = amounts_json(e.maintenance_per_session, digits);
  out["maintenance_per_year"] = amounts_json(e.maintenance_per_year, digits);
  out["first_year"] = amounts_json(e.first_year, digits);
  OJson total = {{"years", e.options.maintenance_years}};
  total.update(amounts_json(e.total, digits));
  out["total"] = std::move(total);
  out["three_years"] = amounts_json(e.cumulative.back(), digits);
  OJson cumulative = OJson::array();
  for (std::size_t m = 0; m < e.cumulative.size(); m += 3) {
    OJson point = {{"month", m}};
    point.update(amounts_json(e.cumulative[m], digits));
    cumulative.push_back(std::move(point));
  }
  out["cumulative"] = std::move(cumulative);
  return out;
}

OJson financing_json(const Estimate& e, int digits, Lang lang) {
  if (!e.financing) return nullptr;
  OJson terms = OJson::array();
  for (const FinancingTerm& t : e.payments) {
    OJson monthly, paid;
    for (Level l : kLevels) {
      const std::string name(kLevelNames[static_cast<std::size_t>(l)]);
      // Each instalment is a sum of money, so the total paid is the rounded instalment times the term.
      const std::optional<double> payment = t.monthly[l] ? std::optional<double>(rounded(*t.monthly[l], digits)) : std::nullopt;
      monthly[name] = payment ? rounded_json(*payment, digits) : OJson(nullptr);
      paid[name] = payment ? rounded_json(*payment * t.months, digits) : OJson(nullptr);
    }
    OJson term = {{"months", t.months}, {"apr_percent", rounded_json(t.apr_percent, 2)}, {"promotion", t.promotion != nullptr}};
    if (t.promotion && !t.promotion->name.empty()) term["name"] = t.promotion->name.get(lang);
    term["monthly"] = std::move(monthly);
    term["total_paid"] = std::move(paid);
    terms.push_back(std::move(term));
  }
  return {{"apr_percent", e.financing->apr_percent},
          {"min_amount", e.financing->min_amount},
          {"principal", amounts_json(e.course_total, digits)},
          {"terms", std::move(terms)}};
}

void error(std::vector<Issue>& issues, std::string pointer, std::string message) {
  issues.push_back({Severity::error, std::move(pointer), std::move(message), {}});
}

std::string errors_reply(const std::string& pointer, const std::string& message) {
  return safe_dump(OJson{{"errors", OJson::array({OJson{{"pointer", pointer}, {"message", message}}})}}, 2);
}

// A whole number within [min, max], read from any JSON number without narrowing it first.
std::optional<int> whole_in(const OJson& v, int min, int max) {
  if (v.is_number_unsigned()) {
    const auto n = v.get<std::uint64_t>();
    if (n <= static_cast<std::uint64_t>(max) && static_cast<std::int64_t>(n) >= min) return static_cast<int>(n);
  } else if (v.is_number_integer()) {
    const auto n = v.get<std::int64_t>();
    if (n >= min && n <= max) return static_cast<int>(n);
  }
  return std::nullopt;
}

// The value as written, for a message: 1099511627777, "3", an object.
std::string found(const OJson& v) {
  if (v.is_object()) return "an object";
  if (v.is_array()) return "an array";
  if (v.is_string()) return quoted_value(v.get_ref<const std::string&>());
  return escape_controls(safe_dump(v));
}

// When the course may begin (core/timing.hpp), with the reasons that set it: the deferring or advising-against
// ones (none when the course may begin after the consultation), in the assessment's words.
OJson timing_json(const StartTiming& t, const std::optional<Date>& asked, Lang lang, const Content& content) {
  const CandidacyRules& rules = CandidacyRules::builtin();
  OJson out = {{"kind", timing_kind_name(t.kind)}, {"verdict", verdict_name(t.verdict)},
               {"verdict_label", verdict_label(t.verdict, lang, rules)}};
  if (t.dated()) out["earliest_start"] = iso_date(t.earliest);
  if (t.wait) out["wait"] = {{std::string(time_unit_name(t.wait->unit)), t.wait->amount}};
  if (t.wait && t.wait_up_to) out["wait_up_to"] = true;
  if (asked && t.dated() && days_between(*asked, t.earliest) > 0) out["requested_start"] = iso_date(*asked);
  OJson reasons = OJson::array();
  if (t.reasons && (t.kind != StartTiming::Kind::ready))
    for (const Reason& r : *t.reasons) {
      if (r.verdict != t.verdict) continue;
      ReasonText text = reason_text(r, lang, rules, content);
      OJson one = {{"rule", r.rule->id}, {"message", text.caution.empty() ? text.message : text.message + " " + text.caution}};
      if (!text.ask.empty()) one["ask"] = std::move(text.ask);
      reasons.push_back(std::move(one));
    }
  out["reasons"] = std::move(reasons);
  return out;
}

}  // namespace

std::optional<WhatIf> parse_what_if(std::string_view text, std::string& error) {
  WhatIf w;
  if (text.empty()) return w;
  const auto fail = [&](const std::string& pointer, const std::string& message) -> std::optional<WhatIf> {
    error = errors_reply(pointer, message);
    return std::nullopt;
  };
  const ParsedJson parsed = parse_json(text);
  if (!parsed.ok()) return fail("/what_if" + parsed.pointer, parsed.error);
  const OJson& j = parsed.value;
  if (!j.is_object()) return fail("/what_if", "must be a JSON object");
  for (const auto& [key, v] : j.items()) {
    const std::string at = pointer_append("/what_if", key);
    if (key == "severity") {
      if (v.is_object()) {
        for (const auto& [id, level] : v.items()) {
          const auto n = whole_in(level, 1, 3);
          if (!n) return fail(pointer_append(at, id), "must be 1, 2 or 3, found " + found(level));
          w.severities.push_back({id, *n});
        }
      } else if (v.is_array()) {
        for (std::size_t i = 0; i < v.size(); ++i) {
          const OJson& s = v[i];
          const auto id = s.is_object() ? s.find("id") : s.end();
          const auto level = s.is_object() ? s.find("severity") : s.end();
          if (!s.is_object() || s.size() != 2 || id == s.end() || !id->is_string() || level == s.end())
            return fail(pointer_append(at, i), "wants {\"id\": CONCERN, \"severity\": 1-3} entries");
          const auto n = whole_in(*level, 1, 3);
          if (!n) return fail(pointer_append(pointer_append(at, i), "severity"), "must be 1, 2 or 3, found " + found(*level));
          w.severities.push_back({id->get<std::string>(), *n});
        }
      } else {
        return fail(at, "must be an object {concern: severity} or a list");
      }
    } else if (key == "package") {
      if (!v.is_string()) return fail(at, "must be \"auto\", \"none\" or a package id");
      w.package = PackageChoice::parse(v.get<std::string>());
    } else if (key == "areas") {
      const auto read_list = [](const OJson& list, std::vector<std::string>& out) {
        if (!list.is_array()) return false;
        for (const OJson& a : list) {
          if (!a.is_string()) return false;
          out.push_back(a.get<std::string>());
        }
        return true;
      };
      if (v.is_object()) {
        for (const auto& [concern, list] : v.items()) {
          WhatIf::ConcernAreas one{concern, {}};
          if (!read_list(list, one.areas))
            return fail(pointer_append(at, concern), "must list area ids, found " + found(list));
          w.concern_areas.push_back(std::move(one));
        }
      } else if (!read_list(v, w.areas)) {
        return fail(at, "must list area ids (the treatment's) or map concerns to them, found " + found(v));
      }
    } else if (key == "addons") {
      if (v.is_string()) {
        const std::string& list = v.get_ref<const std::string&>();
        for (std::size_t from = 0; from <= list.size();) {
          const std::size_t comma = std::min(list.find(',', from), list.size());
          if (comma > from) w.addons.push_back(list.substr(from, comma - from));
          from = comma + 1;
        }
      } else if (v.is_array()) {
        for (std::size_t i = 0; i < v.size(); ++i) {
          if (!v[i].is_string()) return fail(pointer_append(at, i), "must be an add-on id, found " + found(v[i]));
          w.addons.push_back(v[i].get<std::string>());
        }
      } else {
        return fail(at, "must list add-on ids");
      }
    } else if (key == "maintenance_years") {
      const auto n = whole_in(v, 0, kMaxMaintenanceYears);
      if (!n) return fail(at, "must be a whole number from 0 to " + std::to_string(kMaxMaintenanceYears) + ", found " + found(v));
      w.maintenance_years = *n;
    } else {
      return fail(at, "is not a what-if option (severity, package, areas, addons, maintenance_years)");
    }
  }
  return w;
}

OJson rounded_json(double value, int digits) {
  const double r = rounded(value, digits);
  constexpr double kExact = 9007199254740992.0;  // 2^53: every whole double below it is an exact integer
  if (r == std::floor(r) && std::abs(r) < kExact) return static_cast<std::int64_t>(r);
  return r;
}

OJson amounts_json(const Amounts& a, int digits) {
  return {{"low", rounded_json(a[Level::low], digits)},
          {"typical", rounded_json(a[Level::typical], digits)},
          {"high", rounded_json(a[Level::high], digits)}};
}

OJson counts_json(const Counts& c) {
  return {{"low", c[Level::low]}, {"typical", c[Level::typical]}, {"high", c[Level::high]}};
}

int currency_digits(std::string_view currency) {
  const CurrencyInfo* info = find_currency(currency);
  return info ? info->digits : 2;
}

std::string treatment_display_name(const Content& content, Lang lang, std::string_view id) {
  const TreatmentText* text = content.treatment_text(lang, id);
  return text ? text->name : std::string(id);
}

std::string package_name(const Package& package, Lang lang, const ClinicConfig& clinic, const Content& content) {
  if (!package.name.empty()) return package.name.get(lang);
  const MoneyFormat money(clinic.currency, clinic.locale);
  const std::string discount = package.discount_kind == DiscountKind::percent
                                   ? format_percent(package.discount, money.locale())
                                   : money(package.discount);
  return StringTable::compare().get(lang, "estimate.package_name",
                                    {{"treatment", treatment_display_name(content, lang, package.treatment)},
                                     {"count", std::to_string(package.sessions)},
                                     {"discount", discount}});
}

std::string_view price_unit_name(PriceUnit unit) {
  constexpr std::array<std::string_view, 3> kNames = {"session", "area", "syringe"};
  return kNames[static_cast<std::size_t>(unit)];
}

OJson estimate_to_json(const Estimate& e, const std::vector<ConcernAnswer>& concerns, Lang lang,
                       const ClinicConfig& clinic, const Content& content) {
  const int digits = currency_digits(e.price.currency);
  OJson out = {{"treatment", e.treatment->id},
               {"name", treatment_display_name(content, lang, e.treatment->id)},
               {"offered", e.offered},
               {"start", iso_date(e.options.start)}};
  OJson concern_list = OJson::array();
  for (const ConcernAnswer& c : concerns) {
    OJson one = {{"id", c.id}, {"severity", c.severity}};
    if (!c.areas.empty()) one["areas"] = c.areas;
    concern_list.push_back(std::move(one));
  }
  out["concerns"] = std::move(concern_list);
  OJson sessions = counts_json(e.course.sessions);
  sessions["source"] = sessions_source_name(e.course.source);
  sessions["decided_by"] = e.course.decided_by
                               ? OJson{{"concern", e.course.decided_by->id}, {"severity", e.course.decided_by->severity}}
                               : OJson(nullptr);
  out["sessions"] = std::move(sessions);
  calendar_json(e, out);
  out["costs"] = costs_json(e, digits, lang, clinic, content);
  out["financing"] = financing_json(e, digits, lang);
  return out;
}

AssessReply estimate_json(std::string_view profile_json, std::string_view treatment_id, std::string_view start_date,
                          const Date& today, Lang lang, const ClinicConfig& clinic, const WhatIf& what_if) {
  return run_guarded([&]() -> AssessReply {
    ProfileParse parse = parse_profile(profile_json);
    std::vector<Issue> issues = std::move(parse.issues);
    const Content& content = Content::builtin();
    const Treatment* t = content.treatment(treatment_id);
    if (!t) error(issues, "/treatment", with_hint(quoted_value(treatment_id) + " is not a treatment id",
                                                   treatment_id, kTreatmentIds));
    const auto asked = start_date.empty() ? std::optional<Date>() : parse_iso_date(start_date);
    const bool start_ok = start_date.empty() || asked;
    if (!start_ok) error(issues, "/start", quoted_value(start_date) + " is not a date YYYY-MM-DD");
    for (const ConcernAnswer& c : what_if.severities) {
      if (!is_concern_id(c.id))
        error(issues, "/severity", with_hint(quoted_value(c.id) + " is not a concern id", c.id, kConcernIds));
      else if (c.severity < 1 || c.severity > 3)
        error(issues, pointer_append("/severity", c.id), "must be 1, 2 or 3");
    }
    std::vector<ConcernAnswer> concerns = with_overrides(parse.profile.concerns, what_if.severities);
    for (const WhatIf::ConcernAreas& ca : what_if.concern_areas) {
      const std::string at = pointer_append("/areas", ca.concern);
      const auto it = std::find_if(concerns.begin(), concerns.end(), [&](const ConcernAnswer& c) { return c.id == ca.concern; });
      if (!is_concern_id(ca.concern))
        error(issues, at, with_hint(quoted_value(ca.concern) + " is not a concern id", ca.concern, kConcernIds));
      else if (it == concerns.end())
        error(issues, at, quoted_value(ca.concern) + " is not one of the concerns (name it in the profile or the severities)");
      else if (const auto problem = check_concern_areas(ca.concern, ca.areas))
        error(issues, pointer_append(at, problem->index), problem->message);
      else
        it->areas = ca.areas;
    }
    // When the answers let the course begin: the start asked for, or the earliest, whichever is later.
    std::optional<Assessment> assessment;
    std::optional<StartTiming> timing;
    if (t && issues.empty()) {
      assessment = assess(parse.profile, clinic);
      if (const TreatmentAssessment* ta = assessment->find(t->id))
        timing = start_timing(*ta, today, clinic.first_session_after_days);
    }
    Date start = asked.value_or(timing ? timing->earliest : today);
    if (timing && timing->dated() && days_between(start, timing->earliest) > 0) start = timing->earliest;
    const EstimateOptions options{start_ok ? start : Date{kMinStartYear, 1, 1}, what_if.package, what_if.addons,
                                  what_if.maintenance_years, what_if.areas};
    if (t)
      for (Issue& issue : check_options(*t, options, clinic))
        if (start_ok || issue.pointer != "/start") issues.push_back(std::move(issue));
    if (!issues.empty()) return {safe_dump(profile_errors_json(issues), 2), std::move(issues)};
    OJson timing_out = timing ? timing_json(*timing, asked, lang, content) : OJson(nullptr);
    if (timing && !timing->dated()) {
      OJson out = {{"treatment", t->id},
                   {"name", treatment_display_name(content, lang, t->id)},
                   {"offered", clinic.offers(t->id)},
                   {"timing", std::move(timing_out)}};
      return {safe_dump(out, 2), {}};
    }
    const Estimate e = estimate(*t, concerns, options, clinic);
    OJson out = estimate_to_json(e, concerns, lang, clinic, content);
    if (timing) out["timing"] = std::move(timing_out);
    return {safe_dump(out, 2), {}};
  }, [](const char* what) -> AssessReply {
    std::vector<Issue> issues = {{Severity::error, "", std::string("the estimate failed: ") + what, {}}};
    return {safe_dump(profile_errors_json(issues), 2), std::move(issues)};
  });
}

}  // namespace mn
