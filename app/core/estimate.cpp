#include "core/estimate.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/civil_date.hpp"
#include "core/pricing.hpp"
#include "core/text.hpp"

namespace mn {
namespace {

constexpr double kEpsilon = 1e-9;  // money below this is equal: sums of the same prices may differ in the last bit

bool cheaper(double a, double b) { return a < b - kEpsilon; }

// The severity grade's course for a severity of 1 (mild) to 3 (severe).
const Range& course_for(const Treatment& t, int severity) {
  return t.sessions_by_severity[static_cast<std::size_t>(std::clamp(severity, 1, 3) - 1)];
}

Counts range_counts(const Range& r) {
  Counts c;
  c[Level::low] = static_cast<int>(std::lround(r.low));
  c[Level::typical] = typical_of(r);
  c[Level::high] = static_cast<int>(std::lround(r.high));
  return c;
}

int level_of(const std::map<std::string, int, std::less<>>& suits, std::string_view concern) {
  const auto it = suits.find(concern);
  return it == suits.end() ? 0 : it->second;
}

// Visits of the course, every one with its healing phases.
std::vector<Visit> visits_for(const Treatment& t, const Counts& sessions, const Counts& interval, const Date& start) {
  std::vector<Visit> out;
  for (int i = 0; i < sessions[Level::high]; ++i) {
    Visit v;
    v.number = i + 1;
    v.date = add_days(start, i * interval[Level::typical]);
    v.earliest = add_days(start, i * interval[Level::low]);
    v.latest = add_days(start, i * interval[Level::high]);
    v.beyond_typical = v.number > sessions[Level::typical];
    for (const Phase& p : t.phases) v.phases.push_back({&p, add_days(v.date, p.from_day), add_days(v.date, p.to_day)});
    out.push_back(std::move(v));
  }
  return out;
}

// Maintenance sessions every `months` after `course_end`, dated before `until`.
std::vector<Date> maintenance_after(const Date& course_end, int months, const Date& until) {
  std::vector<Date> out;
  if (months <= 0) return out;
  for (int k = 1;; ++k) {
    const Date d = add_months(course_end, k * months);
    if (days_between(d, until) <= 0) break;
    out.push_back(d);
  }
  return out;
}

}  // namespace

Amounts operator+(const Amounts& a, const Amounts& b) {
  Amounts out;
  for (Level l : kLevels) out[l] = a[l] + b[l];
  return out;
}

Amounts operator*(const Amounts& a, const Counts& n) {
  Amounts out;
  for (Level l : kLevels) out[l] = a[l] * n[l];
  return out;
}

Amounts amounts(const PriceRange& price) { return {{price.low, price.typical, price.high}}; }
Counts counts(const SessionRange& sessions) { return {{sessions.low, sessions.typical, sessions.high}}; }

std::string_view buy_option_name(BuyOption option) {
  constexpr std::array<std::string_view, 3> kNames = {"single", "package", "membership"};
  return kNames[static_cast<std::size_t>(option)];
}

std::string_view line_name(LineKind kind) {
  constexpr std::array<std::string_view, 6> kNames = {"course", "membership_fees", "addons", "consultation",
                                                      "consultation_credit", "tax"};
  return kNames[static_cast<std::size_t>(kind)];
}

std::string_view sessions_source_name(SessionsSource source) {
  constexpr std::array<std::string_view, 3> kNames = {"course", "severity", "clinic"};
  return kNames[static_cast<std::size_t>(source)];
}

int typical_of(const Range& range) {
  return static_cast<int>(std::lround(range.typical.value_or((range.low + range.high) / 2)));
}

bool not_applicable(const Range& range) { return range.low == 0 && range.high == 0; }

CourseLength course_length(const Treatment& t, const std::vector<ConcernAnswer>& concerns, const ClinicConfig& clinic) {
  CourseLength out;
  int best_level = 0;
  for (const ConcernAnswer& c : concerns) {
    const int level = level_of(t.suits, c.id);
    if (level < 1) continue;
    if (!out.decided_by || c.severity > out.decided_by->severity ||
        (c.severity == out.decided_by->severity && level > best_level)) {
      out.decided_by = c;
      best_level = level;
    }
  }
  if (const TreatmentSettings* s = clinic.treatment(t.id); s && s->sessions) {
    out.sessions = counts(*s->sessions);
    out.source = SessionsSource::clinic;
  } else if (out.decided_by) {
    out.sessions = range_counts(course_for(t, out.decided_by->severity));
    out.source = SessionsSource::severity;
  } else {
    out.sessions = range_counts(t.sessions);
  }
  return out;
}

namespace {

Amounts scaled(const QuantityRange& q) { return {{q.low, q.typical, q.high}}; }

Amounts times(const Amounts& a, const Amounts& b) {
  Amounts out;
  for (Level l : kLevels) out[l] = a[l] * b[l];
  return out;
}

Amounts published_price(const Treatment& t) {
  return {{t.price_usd.low, t.price_usd.typical.value_or((t.price_usd.low + t.price_usd.high) / 2), t.price_usd.high}};
}

// The clinic's settings when it prices the treatment itself (nullptr: the published figures are used).
const TreatmentSettings* own_prices(const Treatment& t, const ClinicConfig& clinic) {
  const TreatmentSettings* s = clinic.treatment(t.id);
  return s && s->price ? s : nullptr;
}

// One area's cost per session; nullopt when it has no price.
std::optional<AreaCost> area_cost(const Treatment& t, const ClinicConfig& clinic, std::string_view area) {
  const AreaKind kind = area_kind_of_treatment(t.id);
  if (kind == AreaKind::none || area_kind_of_area(area) != kind) return std::nullopt;
  AreaCost out;
  out.id = std::string(area);
  const TreatmentSettings* s = own_prices(t, clinic);
  if (kind == AreaKind::toxin && (!s || s->unit_price)) {
    Amounts unit_price = s ? amounts(*s->unit_price) : scaled(kReferenceToxinUnitPriceUsd);
    std::optional<QuantityRange> units = reference_toxin_units(area);
    if (s)
      if (const auto it = s->units.find(area); it != s->units.end()) {
        units = it->second;
        out.units_from_clinic = true;
      }
    if (!units) return std::nullopt;
    out.units = scaled(*units);
    out.per_session = times(*out.units, unit_price);
    return out;
  }
  if (!s) {
    if (kind == AreaKind::surface && area != "face") return std::nullopt;  // published figures are for the face
    out.per_session = published_price(t);
    return out;
  }
  const auto price = s->area_price(area);
  if (!price) return std::nullopt;
  out.per_session = amounts(*price);
  return out;
}

}  // namespace

bool area_priced(const Treatment& t, const ClinicConfig& clinic, std::string_view area) {
  return area_cost(t, clinic, area).has_value();
}

std::vector<std::string> priced_areas(const Treatment& t, const ClinicConfig& clinic) {
  std::vector<std::string> out;
  const AreaKind kind = area_kind_of_treatment(t.id);
  const auto add_priced = [&](const auto& ids) {
    for (std::string_view a : ids)
      if (area_priced(t, clinic, a)) out.emplace_back(a);
  };
  if (kind == AreaKind::surface) add_priced(kSurfaceAreaIds);
  if (kind == AreaKind::toxin) add_priced(kToxinAreaIds);
  return out;
}

AreaPick areas_for(const Treatment& t, const std::vector<ConcernAnswer>& concerns, const ClinicConfig& clinic) {
  AreaPick out;
  const AreaKind kind = area_kind_of_treatment(t.id);
  if (kind == AreaKind::none) return out;
  std::vector<std::string> wanted;
  for (const ConcernAnswer& c : concerns) {
    if (level_of(t.suits, c.id) < 1) continue;
    AreaPick::ForConcern f{c.id, {}, false};
    for (const std::string& a : c.areas)
      if (area_kind_of_area(a) == kind) f.areas.push_back(a);
    f.picked = !f.areas.empty();
    if (!f.picked)
      if (const std::string_view d = default_concern_area(c.id, kind); !d.empty()) f.areas.emplace_back(d);
    wanted.insert(wanted.end(), f.areas.begin(), f.areas.end());
    out.concerns.push_back(std::move(f));
  }
  if (wanted.empty()) wanted.emplace_back(kind == AreaKind::toxin ? "frown_lines" : "face");
  for (std::string& a : merge_areas(wanted)) (area_priced(t, clinic, a) ? out.areas : out.left_out).push_back(std::move(a));
  if (out.areas.empty())
    if (const std::vector<std::string> priced = priced_areas(t, clinic); !priced.empty()) {
      out.areas.push_back(priced.front());
      out.stand_in = true;
    }
  return out;
}

SessionPrice session_price(const Treatment& t, const ClinicConfig& clinic, const std::vector<std::string>& areas,
                           const std::optional<ConcernAnswer>& decided_by) {
  SessionPrice out;
  out.unit = t.price_unit;
  const TreatmentSettings* s = own_prices(t, clinic);
  out.from_clinic = s != nullptr;
  out.currency = s ? clinic.currency : "USD";
  const AreaKind kind = area_kind_of_treatment(t.id);
  if (kind == AreaKind::toxin && (!s || s->unit_price))
    out.unit_price = s ? amounts(*s->unit_price) : scaled(kReferenceToxinUnitPriceUsd);
  out.base = out.unit_price ? *out.unit_price : s ? amounts(*s->price) : published_price(t);
  if (kind == AreaKind::none) {
    out.syringes = Amounts{{1, 1, 1}};
    if (s && decided_by)
      if (const auto it = s->syringes.find(decided_by->id); it != s->syringes.end()) {
        out.syringes = scaled(it->second[static_cast<std::size_t>(std::clamp(decided_by->severity, 1, 3) - 1)]);
        out.syringes_from_clinic = true;
      }
    out.per_session = times(*out.syringes, out.base);
    return out;
  }
  // Each of the areas (areas_for the deciding concern when none are given) that has a price, in the order given.
  std::vector<std::string> chosen = areas;
  if (chosen.empty()) {
    std::vector<ConcernAnswer> concerns;
    if (decided_by) concerns.push_back(*decided_by);
    chosen = areas_for(t, concerns, clinic).areas;
  }
  for (const std::string& a : chosen)
    if (auto cost = area_cost(t, clinic, a)) {
      out.per_session = out.per_session + cost->per_session;
      out.areas.push_back(std::move(*cost));
    }
  return out;
}

bool clinic_terms_apply(const SessionPrice& price, const ClinicConfig& clinic, std::string_view treatment) {
  return price.from_clinic && clinic.offers(treatment);
}

PackageChoice PackageChoice::parse(std::string_view text) {
  if (text == "auto") return {Kind::automatic, {}};
  if (text == "none") return {Kind::none, {}};
  return {Kind::specific, std::string(text)};
}

std::string PackageChoice::text() const {
  switch (kind) {
    case Kind::automatic: return "auto";
    case Kind::none: return "none";
    case Kind::specific: break;
  }
  return id;
}

Purchase cheapest_purchase(int sessions, double price, const std::vector<const Package*>& packages) {
  Purchase out;
  out.sessions = std::max(0, sessions);
  out.price = price;
  out.list = out.sessions * price;
  int largest = 0;
  for (const Package* p : packages) largest = std::max(largest, p->sessions);
  // best[i]: the cheapest way to buy exactly i sessions; via[i]: the package bought last (-1: a single session).
  const int most = out.sessions + std::max(0, largest - 1);
  std::vector<double> best(static_cast<std::size_t>(most) + 1, std::numeric_limits<double>::infinity());
  std::vector<int> via(best.size(), -1);
  best[0] = 0;
  for (int i = 1; i <= most; ++i) {
    const auto at = static_cast<std::size_t>(i);
    best[at] = best[at - 1] + price;
    for (std::size_t k = 0; k < packages.size(); ++k) {
      const int n = packages[k]->sessions;
      if (n > i) continue;
      const double cost = best[at - static_cast<std::size_t>(n)] + package_total(*packages[k], price);
      if (cheaper(cost, best[at])) {
        best[at] = cost;
        via[at] = static_cast<int>(k);
      }
    }
  }
  int bought = out.sessions;
  for (int i = out.sessions + 1; i <= most; ++i)
    if (cheaper(best[static_cast<std::size_t>(i)], best[static_cast<std::size_t>(bought)])) bought = i;
  out.cost = best[static_cast<std::size_t>(bought)];
  out.extra_sessions = bought - out.sessions;
  std::vector<int> used(packages.size(), 0);
  for (int i = bought; i > 0;) {
    const int k = via[static_cast<std::size_t>(i)];
    if (k < 0) {
      ++out.single_sessions;
      --i;
    } else {
      ++used[static_cast<std::size_t>(k)];
      i -= packages[static_cast<std::size_t>(k)]->sessions;
    }
  }
  for (std::size_t k = 0; k < packages.size(); ++k)
    if (used[k] > 0) out.packages.push_back({packages[k], used[k]});
  return out;
}

std::vector<const Package*> packages_for(const ClinicConfig& clinic, std::string_view treatment,
                                         const PackageChoice& choice) {
  std::vector<const Package*> out;
  if (choice.kind == PackageChoice::Kind::none) return out;
  for (const Package& p : clinic.packages)
    if (p.treatment == treatment && (choice.kind == PackageChoice::Kind::automatic || p.id == choice.id))
      out.push_back(&p);
  return out;
}

ByLevel<Purchase> course_purchases(const CourseLength& course, const SessionPrice& price,
                                   const std::vector<const Package*>& packages) {
  ByLevel<Purchase> out;
  for (Level l : kLevels) out[l] = cheapest_purchase(course.sessions[l], price.per_session[l], packages);
  return out;
}

double monthly_payment(double principal, double apr_percent, int months) {
  if (months <= 0) return principal;
  const double r = apr_percent / 100 / 12;
  if (r <= 0) return principal / months;
  return principal * r / (1 - std::pow(1 + r, -months));
}

std::vector<Issue> check_options(const Treatment& t, const EstimateOptions& o, const ClinicConfig& clinic) {
  std::vector<Issue> issues;
  auto error = [&](std::string pointer, std::string message) {
    issues.push_back({Severity::error, std::move(pointer), std::move(message), {}});
  };
  if (!is_valid(o.start) || o.start.year < kMinStartYear || o.start.year > kMaxStartYear)
    error("/start", "must be a date from " + std::to_string(kMinStartYear) + "-01-01 to " +
                        std::to_string(kMaxStartYear) + "-12-31");
  if (o.package.kind == PackageChoice::Kind::specific) {
    const auto it = std::find_if(clinic.packages.begin(), clinic.packages.end(),
                                 [&](const Package& p) { return p.id == o.package.id; });
    if (it == clinic.packages.end())
      error("/package", quoted_value(o.package.id) + " is not one of the clinic's packages (or 'auto', 'none')");
    else if (it->treatment != t.id)
      error("/package", quoted_value(o.package.id) + " is a package for " + it->treatment + ", not " + t.id);
  }
  for (std::size_t i = 0; i < o.addons.size(); ++i) {
    const std::string& id = o.addons[i];
    const auto it = std::find_if(clinic.addons.begin(), clinic.addons.end(), [&](const AddOn& a) { return a.id == id; });
    if (it == clinic.addons.end())
      error(pointer_append("/addons", i), quoted_value(id) + " is not one of the clinic's add-ons");
    else if (std::find(it->treatments.begin(), it->treatments.end(), t.id) == it->treatments.end())
      error(pointer_append("/addons", i), quoted_value(id) + " cannot be added to " + t.id);
    else if (std::find(o.addons.begin(), o.addons.begin() + static_cast<std::ptrdiff_t>(i), id) !=
             o.addons.begin() + static_cast<std::ptrdiff_t>(i))
      error(pointer_append("/addons", i), quoted_value(id) + " is listed twice");
  }
  if (o.maintenance_years < 0 || o.maintenance_years > kMaxMaintenanceYears)
    error("/maintenance_years", "must be a whole number from 0 to " + std::to_string(kMaxMaintenanceYears));
  const AreaKind kind = area_kind_of_treatment(t.id);
  if (kind == AreaKind::none && !o.areas.empty())
    error("/areas", t.id + " is priced by the syringe: it takes no areas");
  else if (o.areas.size() > kMaxAreas)
    error("/areas", "lists " + std::to_string(o.areas.size()) + " areas; at most " + std::to_string(kMaxAreas));
  else
    for (std::size_t i = 0; i < o.areas.size(); ++i) {
      const std::string& a = o.areas[i];
      const auto before = o.areas.begin() + static_cast<std::ptrdiff_t>(i);
      const auto overlapping = std::find_if(o.areas.begin(), before, [&](const std::string& b) { return price_areas_overlap(a, b); });
      std::string names;
      for (const std::string& p : priced_areas(t, clinic)) names += (names.empty() ? "" : ", ") + p;
      if (area_kind_of_area(a) != kind)
        error(pointer_append("/areas", i), "'" + a + "' is not an area for " + t.id + " (" + names + ")");
      else if (!area_priced(t, clinic, a))
        error(pointer_append("/areas", i), "'" + a + "' has no price for " + t.id + " at this clinic (" + names + ")");
      else if (std::find(o.areas.begin(), before, a) != before)
        error(pointer_append("/areas", i), "'" + a + "' is listed twice");
      else if (overlapping != before)
        error(pointer_append("/areas", i), "'" + a + "' overlaps '" + *overlapping + "': pick one of them");
    }
  return issues;
}

std::vector<ConcernAnswer> with_overrides(std::vector<ConcernAnswer> concerns, const std::vector<ConcernAnswer>& overrides) {
  for (const ConcernAnswer& o : overrides) {
    const auto it = std::find_if(concerns.begin(), concerns.end(), [&](const ConcernAnswer& c) { return c.id == o.id; });
    if (it != concerns.end()) {
      it->severity = o.severity;
      if (!o.areas.empty()) it->areas = o.areas;
    } else
      concerns.push_back(o);
  }
  return concerns;
}

Estimate estimate(const Treatment& t, const std::vector<ConcernAnswer>& concerns, const EstimateOptions& options,
                  const ClinicConfig& clinic) {
  Estimate e;
  e.treatment = &t;
  e.offered = clinic.offers(t.id);
  e.options = options;
  e.course = course_length(t, concerns, clinic);
  const Counts& sessions = e.course.sessions;

  // ---- calendar
  Counts interval{};
  if (!not_applicable(t.interval_days)) e.interval_days = interval = range_counts(t.interval_days);
  e.visits = visits_for(t, sessions, interval, options.start);
  const Date last = add_days(options.start, (sessions[Level::typical] - 1) * interval[Level::typical]);  // typical course
  for (const Milestone& m : t.milestones)
    e.milestones.push_back({&m, add_days(m.from_first_session ? options.start : last, m.days)});
  if (!not_applicable(t.duration_months)) {
    const Counts months = range_counts(t.duration_months);
    e.results_last_until = {{add_months(last, months[Level::low]), add_months(last, months[Level::high])}};
  }

  // ---- prices: the areas (or syringes), the course bought the cheapest honest way, add-ons
  if (options.areas.empty()) e.area_pick = areas_for(t, concerns, clinic);
  e.price = session_price(t, clinic, options.areas.empty() ? e.area_pick->areas : options.areas, e.course.decided_by);
  const auto chose = [&](std::string_view a) {
    return std::any_of(e.price.areas.begin(), e.price.areas.end(), [&](const AreaCost& c) { return c.id == a; });
  };
  e.forehead_without_frown_lines = chose("forehead") && !chose(kToxinForeheadNeeds);
  const bool clinic_terms = clinic_terms_apply(e.price, clinic, t.id);
  e.course_cost = course_purchases(e.course, e.price,
                                   clinic_terms ? packages_for(clinic, t.id, options.package) : std::vector<const Package*>{});
  for (Level l : kLevels) e.option[l] = e.course_cost[l].packages.empty() ? BuyOption::single : BuyOption::package;
  if (clinic_terms && options.package.kind == PackageChoice::Kind::automatic) {
    // A membership's fees run for every calendar month the course spans (from the first session), at least its
    // minimum; its sessions are at member prices.
    for (Level l : kLevels) {
      const Date course_end = add_days(options.start, (sessions[l] - 1) * interval[l]);
      int months = 1;
      while (days_between(add_months(options.start, months), course_end) >= 0) ++months;
      for (const Membership& m : clinic.memberships) {
        const auto factor = m.factor(t.id, e.price.base[l]);
        if (!factor) continue;
        MembershipCost cost{&m, std::max(months, m.min_months), 0, 0, *factor};
        cost.fees = cost.months * m.monthly_fee;
        cost.sessions = sessions[l] * e.price.per_session[l] * *factor;
        const double best = e.membership[l] ? e.membership[l]->cost() : e.course_cost[l].cost;
        if (cheaper(cost.cost(), best)) {
          e.membership[l] = cost;
          e.option[l] = BuyOption::membership;
        }
      }
    }
  }
  Amounts per_session = e.price.per_session;
  for (const std::string& id : options.addons) {
    const auto it = std::find_if(clinic.addons.begin(), clinic.addons.end(), [&](const AddOn& a) { return a.id == id; });
    if (!clinic_terms || it == clinic.addons.end()) continue;
    const Amounts price = amounts(it->price);
    e.addons.push_back({&*it, price, price * sessions});
    per_session = per_session + price;
  }

  // ---- the lines paid for the course: sessions, membership fees, add-ons, consultation (and its credit), tax
  CostLine course{LineKind::course, {}}, fees{LineKind::membership_fees, {}}, addons{LineKind::addons, {}},
      consultation{LineKind::consultation, {}}, credit{LineKind::consultation_credit, {}}, tax{LineKind::tax, {}};
  for (Level l : kLevels) {
    course.amount[l] = e.membership[l] ? e.membership[l]->sessions : e.course_cost[l].cost;
    fees.amount[l] = e.membership[l] ? e.membership[l]->fees : 0;
  }
  for (const AddOnCost& a : e.addons) addons.amount = addons.amount + a.course;
  e.lines.push_back(course);
  if (std::any_of(e.membership.v.begin(), e.membership.v.end(), [](const auto& m) { return m.has_value(); }))
    e.lines.push_back(fees);
  if (!e.addons.empty()) e.lines.push_back(addons);
  if (clinic_terms && clinic.consultation && clinic.consultation->fee > 0) {
    for (Level l : kLevels) {
      consultation.amount[l] = clinic.consultation->fee;
      // Credited toward the treatment: never more than the treatment itself costs.
      if (clinic.consultation->credited)
        credit.amount[l] = -std::min(clinic.consultation->fee, course.amount[l] + fees.amount[l] + addons.amount[l]);
    }
    e.lines.push_back(consultation);
    if (clinic.consultation->credited) e.lines.push_back(credit);
  }
  Amounts subtotal;
  for (const CostLine& line : e.lines) subtotal = subtotal + line.amount;
  const bool tax_added = clinic_terms && clinic.tax && !clinic.tax->included && clinic.tax->rate_percent > 0;
  const double rate = clinic_terms && clinic.tax ? clinic.tax->rate_percent / 100 : 0;
  if (tax_added) {
    for (Level l : kLevels) tax.amount[l] = subtotal[l] * rate;
    e.lines.push_back(tax);
  } else if (clinic_terms && clinic.tax) {
    for (Level l : kLevels) e.tax_included[l] = subtotal[l] * rate / (1 + rate);
  }
  for (const CostLine& line : e.lines) e.course_total = e.course_total + line.amount;
  for (Level l : kLevels) e.maintenance_per_session[l] = per_session[l] * (tax_added ? 1 + rate : 1);

  // ---- maintenance after each case's course: low case every months.high, high case every months.low; over
  // maintenance_years for the total and over three years for the picture of cost over time. A top-up falls at member
  // price while the membership the course was bought with is still paid for (its minimum months may outlast the
  // course), at list price after.
  e.first_year = e.total = e.course_total;
  e.cumulative.assign(kChartMonths + 1, e.course_total);
  if (!not_applicable(t.maintenance_months)) {
    const Counts every = range_counts(t.maintenance_months);
    e.maintenance_months = Counts{{every[Level::high], every[Level::typical], every[Level::low]}};
    const Date year_end = add_months(options.start, 12);
    const Date window_end = add_months(options.start, 12 * options.maintenance_years);
    for (Level l : kLevels) {
      const int months = (*e.maintenance_months)[l];
      const double each = e.maintenance_per_session[l];
      const std::optional<MembershipCost>& member = e.membership[l];
      const double member_each =
          member ? (per_session[l] - e.price.per_session[l] * (1 - member->factor)) * (tax_added ? 1 + rate : 1) : each;
      const Date member_until = member ? add_months(options.start, member->months) : options.start;
      const auto price_on = [&](const Date& d) { return days_between(d, member_until) > 0 ? member_each : each; };
      e.maintenance_per_year[l] = months > 0 ? each * 12 / months : 0;
      const Date& end = last;  // every case counts from the typical course's last session
      const auto dates = maintenance_after(end, months, window_end);
      e.maintenance_sessions[l] = static_cast<int>(dates.size());
      for (const Date& d : dates) {
        if (days_between(d, year_end) > 0) e.first_year[l] += price_on(d);
        e.total[l] += price_on(d);
      }
      if (l == Level::typical) e.maintenance_dates = dates;
      for (const Date& d : maintenance_after(end, months, add_months(options.start, kChartMonths)))
        for (int m = 0; m <= kChartMonths; ++m)
          if (days_between(d, add_months(options.start, m)) > 0) e.cumulative[static_cast<std::size_t>(m)][l] += price_on(d);
    }
  }

  // ---- financing of the course total: the regular terms, then each promotion
  if (clinic_terms && clinic.financing) {
    e.financing = clinic.financing;
    const auto add_term = [&](int months, double apr, double min_amount, const FinancingPromotion* promo) {
      FinancingTerm term{months, {}, apr, promo};
      for (Level l : kLevels)
        if (e.course_total[l] >= min_amount && e.course_total[l] > 0)
          term.monthly[l] = monthly_payment(e.course_total[l], apr, months);
      e.payments.push_back(term);
    };
    for (int months : clinic.financing->terms_months)
      add_term(months, clinic.financing->apr_percent, clinic.financing->min_amount, nullptr);
    for (const FinancingPromotion& p : clinic.financing->promotions) add_term(p.months, p.apr_percent, p.min_amount, &p);
  }
  return e;
}

}  // namespace mn
