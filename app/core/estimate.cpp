#include "core/estimate.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/civil_date.hpp"
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

SessionPrice session_price(const Treatment& t, const ClinicConfig& clinic) {
  SessionPrice out;
  out.unit = t.price_unit;
  if (const TreatmentSettings* s = clinic.treatment(t.id); s && s->price) {
    out.per_session = amounts(*s->price);
    out.currency = clinic.currency;
  } else {
    out.per_session = {{t.price_usd.low, t.price_usd.typical.value_or((t.price_usd.low + t.price_usd.high) / 2),
                        t.price_usd.high}};
    out.from_clinic = false;
    out.currency = "USD";
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
  return issues;
}

std::vector<ConcernAnswer> with_overrides(std::vector<ConcernAnswer> concerns, const std::vector<ConcernAnswer>& overrides) {
  for (const ConcernAnswer& o : overrides) {
    const auto it = std::find_if(concerns.begin(), concerns.end(), [&](const ConcernAnswer& c) { return c.id == o.id; });
    if (it != concerns.end())
      it->severity = o.severity;
    else
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

  // ---- prices: the course with packages, add-ons
  e.price = session_price(t, clinic);
  const bool clinic_terms = clinic_terms_apply(e.price, clinic, t.id);
  e.course_cost = course_purchases(e.course, e.price,
                                   clinic_terms ? packages_for(clinic, t.id, options.package) : std::vector<const Package*>{});
  Amounts per_session = e.price.per_session;
  for (const std::string& id : options.addons) {
    const auto it = std::find_if(clinic.addons.begin(), clinic.addons.end(), [&](const AddOn& a) { return a.id == id; });
    if (!clinic_terms || it == clinic.addons.end()) continue;
    const Amounts price = amounts(it->price);
    e.addons.push_back({&*it, price, price * sessions});
    per_session = per_session + price;
  }
  for (Level l : kLevels) e.course_total[l] = e.course_cost[l].cost;
  for (const AddOnCost& a : e.addons) e.course_total = e.course_total + a.course;
  e.maintenance_per_session = per_session;

  // ---- maintenance after the typical course: low case every months.high, high case every months.low
  e.first_year = e.total = e.course_total;
  if (!not_applicable(t.maintenance_months)) {
    const Counts every = range_counts(t.maintenance_months);
    e.maintenance_months = Counts{{every[Level::high], every[Level::typical], every[Level::low]}};
    const Date year_end = add_months(options.start, 12);
    const Date window_end = add_months(options.start, 12 * options.maintenance_years);
    for (Level l : kLevels) {
      const int months = (*e.maintenance_months)[l];
      e.maintenance_per_year[l] = months > 0 ? per_session[l] * 12 / months : 0;
      const auto dates = maintenance_after(last, months, window_end);
      e.maintenance_sessions[l] = static_cast<int>(dates.size());
      const auto in_first_year = std::count_if(dates.begin(), dates.end(),
                                               [&](const Date& d) { return days_between(d, year_end) > 0; });
      e.first_year[l] += per_session[l] * static_cast<double>(in_first_year);
      e.total[l] += per_session[l] * e.maintenance_sessions[l];
      if (l == Level::typical) e.maintenance_dates = dates;
    }
  }

  // ---- financing of the course total
  if (clinic_terms && clinic.financing) {
    e.financing = clinic.financing;
    for (int months : clinic.financing->terms_months) {
      FinancingTerm term{months, {}};
      for (Level l : kLevels)
        if (e.course_total[l] >= clinic.financing->min_amount)
          term.monthly[l] = monthly_payment(e.course_total[l], clinic.financing->apr_percent, months);
      e.payments.push_back(term);
    }
  }
  return e;
}

}  // namespace mn
