#pragma once
// The estimator: how many sessions a treatment may take for a person's concerns, on which dates, what each
// visit's healing looks like, when results show, and what it all costs at this clinic. Every figure is a range
// (low, typical, high), never one falsely precise number. Formulas: docs/estimates.md.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clinic_config.hpp"
#include "core/content.hpp"
#include "core/format.hpp"
#include "core/issues.hpp"
#include "core/profile.hpp"

namespace mn {

// The three cases every estimate gives, in this order. The low case is the fewest sessions at the lowest price
// with the longest maintenance interval; the high case the most sessions at the highest price, maintained most often.
enum class Level { low, typical, high };
inline constexpr std::array<Level, 3> kLevels = {Level::low, Level::typical, Level::high};
inline constexpr std::array<std::string_view, 3> kLevelNames = {"low", "typical", "high"};

// One figure per Level, indexed by Level.
template <class T>
struct ByLevel {
  std::array<T, 3> v{};
  T& operator[](Level l) { return v[static_cast<std::size_t>(l)]; }
  const T& operator[](Level l) const { return v[static_cast<std::size_t>(l)]; }
};
using Amounts = ByLevel<double>;  // money in one currency
using Counts = ByLevel<int>;      // sessions, days, months

Amounts operator+(const Amounts& a, const Amounts& b);
Amounts operator*(const Amounts& a, const Counts& n);  // per level: amount × count
Amounts amounts(const PriceRange& price);
Counts counts(const SessionRange& sessions);

// ---------------------------------------------------------------- sessions
enum class SessionsSource {
  course,    // the content's usual first course: no concern the treatment treats
  severity,  // sessions_by_severity for the most demanding concern the treatment treats
  clinic,    // the clinic's own course length (TreatmentSettings::sessions), whatever the severity
};
std::string_view sessions_source_name(SessionsSource source);  // "course", "severity", "clinic"

struct CourseLength {
  Counts sessions;
  SessionsSource source = SessionsSource::course;
  std::optional<ConcernAnswer> decided_by;  // severity: the concern that set the course (highest severity, then
                                            // the one the treatment treats best, then the first listed)
};

// A concern counts when the treatment treats it at all (Treatment::suits >= 1).
CourseLength course_length(const Treatment& treatment, const std::vector<ConcernAnswer>& concerns,
                           const ClinicConfig& clinic);

// A range's typical value: its `typical` when given, else the midpoint rounded half up.
int typical_of(const Range& range);
// Whether a 0/0 range stands for "not applicable" (interval_days, maintenance_months).
bool not_applicable(const Range& range);

// ---------------------------------------------------------------- prices and packages
// One area's part of a session's price (resurfacing or neurotoxin).
struct AreaCost {
  std::string id;                      // an area id of pricing.hpp
  std::optional<Amounts> units;        // neurotoxin priced per unit: units per session
  bool units_from_clinic = false;      // the clinic's usual units, else the label's (pricing.hpp)
  Amounts per_session;
};

struct SessionPrice {
  Amounts per_session;      // everything treated in one session: the sum of `areas`, or syringes × syringe price
  bool from_clinic = true;  // false: the clinic lists no price, so the content's published price_usd is shown
  std::string currency;     // the clinic's currency, or "USD" for a published price
  PriceUnit unit = PriceUnit::session;
  Amounts base;                        // the list price of one face session, one area or unit of toxin, one syringe
  std::vector<AreaCost> areas;         // resurfacing and neurotoxin
  std::optional<Amounts> unit_price;   // neurotoxin priced per unit
  std::optional<Amounts> syringes;     // filler: syringes per visit
  bool syringes_from_clinic = false;   // the clinic's count for the concern and severity, else one
};
// The price of one session of `areas` (resurfacing, neurotoxin; empty: areas_for `decided_by`), or of the
// syringes that `decided_by` needs (filler). Areas without a price are left out (check_options reports them).
SessionPrice session_price(const Treatment& treatment, const ClinicConfig& clinic,
                           const std::vector<std::string>& areas = {},
                           const std::optional<ConcernAnswer>& decided_by = std::nullopt);
// Whether `area` has a price for the treatment at this clinic (its own, or the published figures when it does not
// offer the treatment).
bool area_priced(const Treatment& treatment, const ClinicConfig& clinic, std::string_view area);
// The areas that can be picked for a treatment at this clinic, in catalogue order.
std::vector<std::string> priced_areas(const Treatment& treatment, const ClinicConfig& clinic);
// The areas one session treats for these concerns (docs/estimates.md, "Areas per concern"): for each concern the
// treatment treats, the areas picked for it of the treatment's kind, else its default (pricing.hpp), merged
// (merge_areas). With no concern treated: the face (frown lines for neurotoxin). Areas the clinic does not price
// are left out and named; if none is priced, the first area it prices stands in (and `stand_in` says so).
struct AreaPick {
  struct ForConcern {
    std::string concern;
    std::vector<std::string> areas;  // of this treatment's kind: the picked ones, or the default
    bool picked = false;             // false: the default
  };
  std::vector<std::string> areas;     // priced, in catalogue order
  std::vector<std::string> left_out;  // wanted but without a price at this clinic
  std::vector<ForConcern> concerns;   // each concern the treatment treats
  bool stand_in = false;
};
AreaPick areas_for(const Treatment& treatment, const std::vector<ConcernAnswer>& concerns, const ClinicConfig& clinic);
// Whether the clinic's packages, add-ons and financing apply: only to its own prices for a treatment it offers.
bool clinic_terms_apply(const SessionPrice& price, const ClinicConfig& clinic, std::string_view treatment);

struct PackageChoice {
  enum class Kind { automatic, none, specific };
  Kind kind = Kind::automatic;
  std::string id;  // specific only
  static PackageChoice parse(std::string_view text);  // "auto", "none", anything else an id
  std::string text() const;                           // the inverse of parse
};

struct PackageUse {
  const Package* package = nullptr;
  int count = 0;
};

// How a course of sessions is bought.
struct Purchase {
  int sessions = 0;        // the course
  double price = 0;        // per session
  std::vector<PackageUse> packages;
  int single_sessions = 0;
  int extra_sessions = 0;  // paid for within a package beyond the course (only when that is still cheaper)
  double list = 0;         // sessions × price
  double cost = 0;         // what is paid: packages + single sessions; never more than `list`
  double saving() const { return list - cost; }
};

// The cheapest way to buy at least `sessions` sessions at `price` each from single sessions and `packages`
// (each usable any number of times). Never costs more than single sessions. Ties go to fewer sessions bought,
// then to fewer package purchases.
Purchase cheapest_purchase(int sessions, double price, const std::vector<const Package*>& packages);

// The clinic's packages for a treatment that `choice` allows (automatic: all of them; none: none; specific: the
// one named, if it is for this treatment).
std::vector<const Package*> packages_for(const ClinicConfig& clinic, std::string_view treatment,
                                         const PackageChoice& choice);

// The course bought in each case: its session count at its price, packages applied where they save money.
ByLevel<Purchase> course_purchases(const CourseLength& course, const SessionPrice& price,
                                   const std::vector<const Package*>& packages);

// The monthly payment that repays `principal` in `months` equal instalments at `apr_percent` a year:
// P·r / (1 − (1 + r)^−n) with r = APR / 12 (standard amortisation); P / n when the APR is 0.
double monthly_payment(double principal, double apr_percent, int months);

// ---------------------------------------------------------------- the estimate
inline constexpr int kDefaultMaintenanceYears = 3;
inline constexpr int kMaxMaintenanceYears = 10;
inline constexpr int kMinStartYear = 2000, kMaxStartYear = 2999;

// What the person may change on the estimate screen ("what if").
struct EstimateOptions {
  Date start;                       // the first session; the caller supplies today by default
  PackageChoice package;
  std::vector<std::string> addons;  // add-on ids, each for this treatment
  int maintenance_years = kDefaultMaintenanceYears;
  std::vector<std::string> areas;   // area ids of pricing.hpp for the treatment; empty: areas_for the concerns
};

inline constexpr std::size_t kMaxAreas = 11;

// Problems with options for a treatment at a clinic, at pointers "/start", "/package", "/addons/N",
// "/maintenance_years", "/areas/N" (empty when all is well).
std::vector<Issue> check_options(const Treatment& treatment, const EstimateOptions& options, const ClinicConfig& clinic);

struct DatedPhase {
  const Phase* phase = nullptr;
  Date from, to;  // inclusive
};

struct Visit {
  int number = 1;             // 1-based
  Date date;                  // at the typical interval
  Date earliest, latest;      // at the shortest and longest interval
  bool beyond_typical = false;  // only in the longer courses (number > typical sessions)
  std::vector<DatedPhase> phases;
};

struct DatedMilestone {
  const Milestone* milestone = nullptr;
  Date date;
};

struct AddOnCost {
  const AddOn* addon = nullptr;
  Amounts per_session;
  Amounts course;  // per session × the course's sessions
};

struct FinancingTerm {
  int months = 0;
  ByLevel<std::optional<double>> monthly;  // nullopt where the course total is below the clinic's minimum
  double apr_percent = 0;
  const FinancingPromotion* promotion = nullptr;  // a promotional offer; nullptr: the clinic's regular terms
};

// How the course is bought in one case: the cheapest of single sessions, the clinic's packages and its memberships
// (a membership only when the package choice is automatic, and only when it costs less).
enum class BuyOption { single, package, membership };
std::string_view buy_option_name(BuyOption option);  // "single", "package", "membership"

struct MembershipCost {
  const Membership* membership = nullptr;
  int months = 0;       // fees paid: the course's calendar months, at least the membership's minimum
  double fees = 0;      // months × monthly fee
  double sessions = 0;  // the course's sessions at member prices
  double factor = 1;    // member price ÷ list price of a session (top-ups while the fees run are at it too)
  double cost() const { return fees + sessions; }
};

// The lines of what is paid for the course, in this order; each is a sum of money in every case (0 where it does
// not apply). Their sum is the course total.
enum class LineKind { course, membership_fees, addons, consultation, consultation_credit, tax };
std::string_view line_name(LineKind kind);  // "course", "membership_fees", "addons", "consultation", …
struct CostLine {
  LineKind kind = LineKind::course;
  Amounts amount;
};

inline constexpr int kChartMonths = 36;  // the cost-over-time picture: three years

struct Estimate {
  const Treatment* treatment = nullptr;
  bool offered = false;
  EstimateOptions options;
  CourseLength course;
  std::optional<AreaPick> area_pick;         // the areas from the concerns; nullopt: options.areas were given
  std::optional<Counts> interval_days;       // nullopt: a single visit, no course spacing
  std::vector<Visit> visits;                 // up to the high case's sessions
  std::vector<DatedMilestone> milestones;    // counted from the first or last session of the typical course
  std::optional<std::array<Date, 2>> results_last_until;  // last typical session + duration_months low, high
  std::optional<Counts> maintenance_months;  // every … months, per case (low: the longest); nullopt: none usual
  std::vector<Date> maintenance_dates;       // typical case, within maintenance_years of the start
  Counts maintenance_sessions;               // per case, within maintenance_years of the start
  SessionPrice price;
  ByLevel<Purchase> course_cost;             // packages applied
  ByLevel<BuyOption> option;                 // how each case is bought
  ByLevel<std::optional<MembershipCost>> membership;  // the membership chosen, where one is
  std::vector<AddOnCost> addons;
  std::vector<CostLine> lines;               // the course's lines; their sum is course_total
  Amounts tax_included;                      // the tax within prices that include it (0 when added or none)
  Amounts course_total;                      // what is paid for the course: what financing applies to
  Amounts maintenance_per_session;           // price + add-ons
  Amounts maintenance_per_year;              // per_session × 12 / every-months
  Amounts first_year;                        // course total + maintenance sessions dated within 12 months
  Amounts total;                             // course total + maintenance within maintenance_years
  std::vector<Amounts> cumulative;           // paid by the end of month 0..kChartMonths (course at month 0)
  bool forehead_without_frown_lines = false; // neurotoxin: the label doses forehead lines only with frown lines
  std::optional<Financing> financing;        // the clinic's terms, when it offers financing and prices are its own
  std::vector<FinancingTerm> payments;
};

// The estimate for `concerns` (the profile's, after any what-if severities). Options must pass check_options;
// anything they name that does not exist is ignored.
Estimate estimate(const Treatment& treatment, const std::vector<ConcernAnswer>& concerns, const EstimateOptions& options,
                  const ClinicConfig& clinic);

// The concerns with what-if severities applied: an override replaces the severity of a listed concern (and its areas,
// when it names some) or adds it.
std::vector<ConcernAnswer> with_overrides(std::vector<ConcernAnswer> concerns, const std::vector<ConcernAnswer>& overrides);

}  // namespace mn
