// The estimator (core/estimate.hpp), its calendar helper (core/civil_date.hpp) and its JSON facade
// (core/estimate_json.hpp).
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "builtin_fixture.hpp"
#include "core/catalog.hpp"
#include "core/civil_date.hpp"
#include "core/estimate.hpp"
#include "core/estimate_json.hpp"

using namespace mn;

using mn::test::demo;
using mn::test::treatment;

namespace {

EstimateOptions options(Date start = {2027, 3, 1}) {
  EstimateOptions o;
  o.start = start;
  return o;
}

double cents(double amount) { return std::round(amount * 100) / 100; }

// The demo clinic without a consultation fee, tax or memberships: the course is what the sessions and add-ons cost.
ClinicConfig plain() {
  ClinicConfig c = demo();
  c.consultation.reset();
  c.tax.reset();
  c.memberships.clear();
  return c;
}

// The demo clinic with every amount of money (treatments, areas, units, add-ons, consultation, memberships)
// multiplied by `factor`.
ClinicConfig scaled_prices(double factor) {
  ClinicConfig c = demo();
  auto scale = [&](PriceRange& p) { p = {p.low * factor, p.typical * factor, p.high * factor}; };
  for (auto& [id, s] : c.treatments) {
    if (s.price) scale(*s.price);
    if (s.unit_price) scale(*s.unit_price);
    for (auto& [area, p] : s.area_prices) scale(p);
  }
  for (AddOn& a : c.addons) scale(a.price);
  if (c.consultation) c.consultation->fee *= factor;
  for (Membership& m : c.memberships) {
    m.monthly_fee *= factor;
    for (auto& [tid, price] : m.member_prices) price *= factor;
  }
  return c;
}

}  // namespace

// ---------------------------------------------------------------- civil dates
TEST_CASE("days_from_civil and civil_from_days agree with known days and with each other") {
  CHECK(days_from_civil({1970, 1, 1}) == 0);
  CHECK(days_from_civil({2000, 3, 1}) == 11017);
  CHECK(days_from_civil({1969, 12, 31}) == -1);
  CHECK(iso_date(civil_from_days(19782)) == "2024-02-29");
  // Every day from 1999 to 2101 in turn: one day apart, and each a valid date that round-trips.
  Date d{1999, 1, 1};
  int days = days_from_civil(d);
  for (int i = 0; i < 37'000; ++i) {
    const Date next = civil_from_days(days + 1);
    REQUIRE(is_valid(next));
    REQUIRE(days_from_civil(next) == days + 1);
    const bool new_month = next.day == 1;
    CHECK((new_month ? next.month == d.month % 12 + 1 : next.month == d.month && next.day == d.day + 1));
    d = next;
    ++days;
  }
}

TEST_CASE("add_months keeps the day or clamps it to the month's end") {
  CHECK(iso_date(add_months({2027, 1, 31}, 1)) == "2027-02-28");
  CHECK(iso_date(add_months({2028, 1, 31}, 1)) == "2028-02-29");
  CHECK(iso_date(add_months({2027, 11, 15}, 3)) == "2028-02-15");
  CHECK(iso_date(add_months({2027, 3, 31}, 12)) == "2028-03-31");
  CHECK(iso_date(add_months({2027, 3, 5}, 0)) == "2027-03-05");
  CHECK(days_between({2027, 3, 1}, {2027, 4, 5}) == 35);
  CHECK(iso_date({2027, 3, 5}) == "2027-03-05");
}

// ---------------------------------------------------------------- sessions
TEST_CASE("more severity never means fewer sessions, for every treatment and concern it treats") {
  ClinicConfig no_overrides = demo();
  for (auto& [id, s] : no_overrides.treatments) s.sessions.reset();
  for (const Treatment& t : Content::builtin().treatments())
    for (const auto& [concern, level] : t.suits) {
      if (level < 1) continue;
      INFO(t.id << " / " << concern);
      Counts previous{};
      for (int severity = 1; severity <= 3; ++severity) {
        const CourseLength c = course_length(t, {{concern, severity}}, no_overrides);
        CHECK(c.source == SessionsSource::severity);
        REQUIRE(c.decided_by);
        CHECK(c.decided_by->severity == severity);
        for (Level l : kLevels) CHECK(c.sessions[l] >= previous[l]);
        CHECK(c.sessions[Level::low] <= c.sessions[Level::typical]);
        CHECK(c.sessions[Level::typical] <= c.sessions[Level::high]);
        previous = c.sessions;
      }
    }
}

TEST_CASE("the most demanding concern the treatment treats sets the course") {
  const Treatment& t = treatment("microneedling");
  ClinicConfig c = demo();
  // volume_loss is severe but microneedling does not treat it: texture (mild) decides.
  CourseLength course = course_length(t, {{"volume_loss", 3}, {"texture", 1}}, c);
  REQUIRE(course.decided_by);
  CHECK(course.decided_by->id == "texture");
  CHECK(course.sessions[Level::typical] == 3);
  course = course_length(t, {{"texture", 1}, {"acne_scars", 3}}, c);
  CHECK(course.decided_by->id == "acne_scars");
  CHECK(course.sessions[Level::typical] == 6);
  // No concern it treats: the content's usual course.
  course = course_length(t, {{"volume_loss", 3}}, c);
  CHECK(course.source == SessionsSource::course);
  CHECK(!course.decided_by);
  CHECK(course.sessions[Level::typical] == 4);
  CHECK(course_length(t, {}, c).sessions[Level::high] == 6);
}

TEST_CASE("the clinic's own course length wins over the content's") {
  const Treatment& t = treatment("rf_microneedling");
  const CourseLength course = course_length(t, {{"acne_scars", 3}}, demo());  // demo: 3/3/4
  CHECK(course.source == SessionsSource::clinic);
  CHECK(course.sessions[Level::low] == 3);
  CHECK(course.sessions[Level::typical] == 3);
  CHECK(course.sessions[Level::high] == 4);
}

TEST_CASE("typical_of uses the typical value, else the midpoint rounded half up") {
  CHECK(typical_of(Range{28, 42, std::nullopt}) == 35);
  CHECK(typical_of(Range{14, 35, std::nullopt}) == 25);
  CHECK(typical_of(Range{3, 12, std::nullopt}) == 8);
  CHECK(typical_of(Range{1, 9, 2.0}) == 2);
}

// ---------------------------------------------------------------- packages
TEST_CASE("the cheapest purchase matches a brute-force search and never costs more than single sessions") {
  const Package three{"three", {}, "x", 3, DiscountKind::percent, 10};
  const Package five{"five", {}, "x", 5, DiscountKind::amount, 260};
  const Package six{"six", {}, "x", 6, DiscountKind::percent, 40};
  const std::vector<const Package*> packages = {&three, &five, &six};
  for (double price : {50.0, 100.0, 375.0}) {
    for (int n = 0; n <= 14; ++n) {
      INFO("n=" << n << " price=" << price);
      const Purchase p = cheapest_purchase(n, price, packages);
      double best = n * price;
      for (int a = 0; a <= 5; ++a)
        for (int b = 0; b <= 3; ++b)
          for (int c = 0; c <= 3; ++c) {
            const int bought = 3 * a + 5 * b + 6 * c;
            const int singles = std::max(0, n - bought);
            const double cost = a * package_total(three, price) + b * package_total(five, price) +
                                c * package_total(six, price) + singles * price;
            best = std::min(best, cost);
          }
      CHECK(p.cost == doctest::Approx(best));
      CHECK(p.cost <= p.list + 1e-9);
      CHECK(p.list == doctest::Approx(n * price));
      int bought = p.single_sessions;
      double paid = p.single_sessions * price;
      for (const PackageUse& u : p.packages) {
        bought += u.package->sessions * u.count;
        paid += package_total(*u.package, price) * u.count;
      }
      CHECK(bought == n + p.extra_sessions);
      CHECK(paid == doctest::Approx(p.cost));
    }
  }
}

TEST_CASE("a bigger package is bought only when it is cheaper than the exact course") {
  const Package six{"six", {}, "x", 6, DiscountKind::percent, 50};
  const Purchase p = cheapest_purchase(5, 100, {&six});  // 6 sessions at 300 beat 5 singles at 500
  CHECK(p.cost == doctest::Approx(300));
  CHECK(p.extra_sessions == 1);
  const Package small{"six", {}, "x", 6, DiscountKind::percent, 10};
  const Purchase q = cheapest_purchase(5, 100, {&small});  // 540 > 500: singles
  CHECK(q.packages.empty());
  CHECK(q.cost == doctest::Approx(500));
}

TEST_CASE("packages never raise the price, whichever is chosen") {
  for (const Treatment& t : Content::builtin().treatments()) {
    if (!demo().offers(t.id)) continue;
    for (int severity = 1; severity <= 3; ++severity) {
      EstimateOptions none = options();
      none.package = PackageChoice::parse("none");
      const Estimate base = estimate(t, {{"acne_scars", severity}}, none, demo());
      std::vector<PackageChoice> choices = {PackageChoice::parse("auto")};
      for (const Package& p : demo().packages)
        if (p.treatment == t.id) choices.push_back(PackageChoice::parse(p.id));
      for (const PackageChoice& choice : choices) {
        INFO(t.id << " severity " << severity << " package " << choice.text());
        EstimateOptions o = options();
        o.package = choice;
        const Estimate e = estimate(t, {{"acne_scars", severity}}, o, demo());
        for (Level l : kLevels) {
          CHECK(e.course_cost[l].cost <= base.course_cost[l].cost + 1e-9);
          CHECK(e.course_cost[l].cost <= e.course_cost[l].list + 1e-9);
        }
        CHECK(e.course_cost[Level::low].cost <= e.course_cost[Level::typical].cost + 1e-9);
        CHECK(e.course_cost[Level::typical].cost <= e.course_cost[Level::high].cost + 1e-9);
      }
    }
  }
}

TEST_CASE("the demo clinic's microneedling packages: 3-pack for 3 and 4 sessions, 6-pack for 6") {
  const Estimate e = estimate(treatment("microneedling"), {{"acne_scars", 2}}, options(), demo());
  REQUIRE(e.course_cost[Level::low].packages.size() == 1);
  CHECK(e.course_cost[Level::low].packages[0].package->id == "microneedling-3");
  CHECK(e.course_cost[Level::low].cost == doctest::Approx(810));       // 3 × 300 − 10 %
  CHECK(e.course_cost[Level::typical].cost == doctest::Approx(1387.5));  // 3 × 375 − 10 % + 375
  CHECK(e.course_cost[Level::typical].single_sessions == 1);
  REQUIRE(e.course_cost[Level::high].packages.size() == 1);
  CHECK(e.course_cost[Level::high].packages[0].package->id == "microneedling-6");
  CHECK(e.course_cost[Level::high].cost == doctest::Approx(2295));  // 6 × 450 − 15 %
}

// ---------------------------------------------------------------- costs
TEST_CASE("costs scale linearly with the clinic's prices") {
  for (double factor : {2.0, 3.5}) {
    const ClinicConfig scaled = scaled_prices(factor);
    for (const Treatment& t : Content::builtin().treatments()) {
      if (!demo().offers(t.id)) continue;
      INFO(t.id << " ×" << factor);
      EstimateOptions o = options();
      o.package = PackageChoice::parse("none");
      for (const AddOn& a : demo().addons)
        if (std::find(a.treatments.begin(), a.treatments.end(), t.id) != a.treatments.end()) o.addons.push_back(a.id);
      const Estimate base = estimate(t, {{"acne_scars", 2}}, o, demo());
      const Estimate e = estimate(t, {{"acne_scars", 2}}, o, scaled);
      for (Level l : kLevels) {
        CHECK(e.course_total[l] == doctest::Approx(base.course_total[l] * factor));
        CHECK(e.maintenance_per_year[l] == doctest::Approx(base.maintenance_per_year[l] * factor));
        CHECK(e.first_year[l] == doctest::Approx(base.first_year[l] * factor));
        CHECK(e.total[l] == doctest::Approx(base.total[l] * factor));
      }
      // Percentage packages scale too.
      o.package = PackageChoice::parse("auto");
      const Estimate with = estimate(t, {{"acne_scars", 2}}, o, scaled), base_with = estimate(t, {{"acne_scars", 2}}, o, demo());
      bool percent_only = true;
      for (const Package& p : demo().packages)
        if (p.treatment == t.id && p.discount_kind == DiscountKind::amount) percent_only = false;
      if (percent_only)
        for (Level l : kLevels) CHECK(with.course_cost[l].cost == doctest::Approx(base_with.course_cost[l].cost * factor));
    }
  }
}

TEST_CASE("course, add-ons, maintenance and totals add up") {
  EstimateOptions o = options();
  o.addons = {"led", "numbing"};
  const Estimate e = estimate(treatment("microneedling"), {{"acne_scars", 2}}, o, plain());
  REQUIRE(e.addons.size() == 2);
  for (Level l : kLevels) {
    const int n = e.course.sessions[l];
    CHECK(e.addons[0].course[l] == doctest::Approx(60.0 * n));
    CHECK(e.course_total[l] == doctest::Approx(e.course_cost[l].cost + 100.0 * n));
    CHECK(e.maintenance_per_session[l] == doctest::Approx(e.price.per_session[l] + 100));
    CHECK(e.total[l] == doctest::Approx(e.course_total[l] + e.maintenance_sessions[l] * e.maintenance_per_session[l]));
    CHECK(e.first_year[l] <= e.total[l] + 1e-9);
    CHECK(e.first_year[l] >= e.course_total[l] - 1e-9);
    CHECK(e.maintenance_per_year[l] ==
          doctest::Approx(e.maintenance_per_session[l] * 12 / (*e.maintenance_months)[l]));
  }
  CHECK((*e.maintenance_months)[Level::low] == 12);  // the low case: the longest interval
  CHECK((*e.maintenance_months)[Level::high] == 3);
}

TEST_CASE("a treatment the clinic lists without a price falls back to the published USD price") {
  ClinicConfig c = demo();
  c.treatments["laser_ablative"].price.reset();
  const Estimate e = estimate(treatment("laser_ablative"), {}, options(), c);
  CHECK(!e.price.from_clinic);
  CHECK(e.price.currency == "USD");
  CHECK(e.price.per_session[Level::low] == 700);
  CHECK(!e.financing);  // the clinic's terms are for its own prices
}

// ---------------------------------------------------------------- financing
TEST_CASE("amortisation matches known tables") {
  CHECK(cents(monthly_payment(1000, 12, 12)) == doctest::Approx(88.85));
  CHECK(cents(monthly_payment(10000, 6, 60)) == doctest::Approx(193.33));
  CHECK(cents(monthly_payment(5000, 9.99, 24)) == doctest::Approx(230.70));
  CHECK(monthly_payment(1200, 0, 12) == doctest::Approx(100));
  CHECK(monthly_payment(1000, 12, 1) == doctest::Approx(1010));  // one month's interest
}

TEST_CASE("financing applies to the course total, only above the clinic's minimum") {
  ClinicConfig c = plain();
  c.financing = Financing{0, {10}, 1000};
  const Estimate e = estimate(treatment("microneedling"), {{"acne_scars", 2}}, options(), c);
  REQUIRE(e.payments.size() == 1);
  const FinancingTerm& term = e.payments[0];
  CHECK(!term.monthly[Level::low]);  // 810 < 1000
  REQUIRE(term.monthly[Level::typical]);
  CHECK(*term.monthly[Level::typical] == doctest::Approx(138.75));  // 1387.50 / 10
  CHECK(*term.monthly[Level::high] == doctest::Approx(229.5));
  c.financing.reset();
  CHECK(estimate(treatment("microneedling"), {}, options(), c).payments.empty());
}

// ---------------------------------------------------------------- calendar
TEST_CASE("session dates step by the interval; phases and milestones follow them") {
  for (const Treatment& t : Content::builtin().treatments()) {
    INFO(t.id);
    const Date start{2027, 12, 20};
    const Estimate e = estimate(t, {{"acne_scars", 3}}, options(start), demo());
    REQUIRE(static_cast<int>(e.visits.size()) == e.course.sessions[Level::high]);
    const Counts interval = e.interval_days.value_or(Counts{});
    CHECK(e.interval_days.has_value() == !not_applicable(t.interval_days));
    for (std::size_t i = 0; i < e.visits.size(); ++i) {
      const Visit& v = e.visits[i];
      const int step = static_cast<int>(i);
      CHECK(v.number == step + 1);
      CHECK(days_between(start, v.date) == step * interval[Level::typical]);
      CHECK(days_between(start, v.earliest) == step * interval[Level::low]);
      CHECK(days_between(start, v.latest) == step * interval[Level::high]);
      CHECK(v.beyond_typical == (v.number > e.course.sessions[Level::typical]));
      REQUIRE(v.phases.size() == t.phases.size());
      for (const DatedPhase& p : v.phases) {
        CHECK(days_between(v.date, p.from) == p.phase->from_day);
        CHECK(days_between(v.date, p.to) == p.phase->to_day);
      }
    }
    const Date last = e.visits[static_cast<std::size_t>(e.course.sessions[Level::typical] - 1)].date;
    for (const DatedMilestone& m : e.milestones)
      CHECK(days_between(m.milestone->from_first_session ? start : last, m.date) == m.milestone->days);
    // Maintenance: every typical interval after the course, all within the years asked for.
    if (e.maintenance_months) {
      const int every = (*e.maintenance_months)[Level::typical];
      Date previous = last;
      for (const Date& d : e.maintenance_dates) {
        CHECK(same_day(d, add_months(previous, every)));
        CHECK(days_between(d, add_months(start, 36)) > 0);
        previous = d;
      }
      CHECK(static_cast<int>(e.maintenance_dates.size()) == e.maintenance_sessions[Level::typical]);
      CHECK(e.maintenance_sessions[Level::low] <= e.maintenance_sessions[Level::typical]);
      CHECK(e.maintenance_sessions[Level::typical] <= e.maintenance_sessions[Level::high]);
      CHECK(days_between(add_months(previous, every), add_months(start, 36)) <= 0);  // none missing
    } else {
      CHECK(e.maintenance_dates.empty());
    }
  }
}

TEST_CASE("maintenance years bound the maintenance sessions") {
  const Treatment& t = treatment("neurotoxin");  // every 3–4 months
  int previous = -1;
  for (int years = 0; years <= kMaxMaintenanceYears; ++years) {
    EstimateOptions o = options();
    o.maintenance_years = years;
    const Estimate e = estimate(t, {{"wrinkles", 2}}, o, demo());
    CHECK(e.maintenance_sessions[Level::typical] > previous);
    previous = e.maintenance_sessions[Level::typical];
    if (years == 0) CHECK(e.total[Level::typical] == doctest::Approx(e.course_total[Level::typical]));
  }
  EstimateOptions o = options();
  o.maintenance_years = 1;
  const Estimate one = estimate(t, {{"wrinkles", 2}}, o, demo());
  CHECK(one.maintenance_sessions[Level::typical] == 2);  // every 4 months after the visit: months 4 and 8, not 12
  CHECK(one.first_year[Level::typical] == doctest::Approx(one.total[Level::typical]));
}

// ---------------------------------------------------------------- options and the JSON facade
TEST_CASE("check_options names every bad option") {
  const Treatment& t = treatment("microneedling");
  EstimateOptions o = options({1999, 12, 31});
  o.package = PackageChoice::parse("rf-microneedling-3");
  o.addons = {"led", "prp", "nope", "led"};
  o.maintenance_years = 11;
  const std::vector<Issue> issues = check_options(t, o, demo());
  std::vector<std::string> pointers;
  for (const Issue& i : issues) pointers.push_back(i.pointer);
  CHECK(pointers == std::vector<std::string>{"/start", "/package", "/addons/1", "/addons/2", "/addons/3",
                                             "/maintenance_years"});
  CHECK(check_options(t, options(), demo()).empty());
}

TEST_CASE("estimate_json: errors with pointers, or the estimate") {
  const std::string profile = R"({"concerns": [{"id": "acne_scars", "severity": 2}]})";
  AssessReply bad = estimate_json(profile, "microneedlin", "2027-02-30", Date{2027, 1, 4}, Lang::en, demo());
  REQUIRE(bad.issues.size() == 2);
  CHECK(bad.issues[0].pointer == "/treatment");
  CHECK(bad.issues[0].message.find("did you mean 'microneedling'") != std::string::npos);
  CHECK(bad.issues[1].pointer == "/start");
  WhatIf w;
  w.severities = {{"acne_scars", 4}};
  bad = estimate_json(profile, "microneedling", "2027-03-01", Date{2027, 1, 4}, Lang::en, demo(), w);
  REQUIRE(bad.issues.size() == 1);
  CHECK(bad.issues[0].pointer == "/severity/acne_scars");

  w.severities = {{"acne_scars", 3}};
  const AssessReply ok = estimate_json(profile, "microneedling", "2027-03-01", Date{2027, 1, 4}, Lang::en, demo(), w);
  REQUIRE(ok.ok());
  const Json j = Json::parse(ok.json);
  CHECK(j["sessions"]["typical"] == 6);  // the what-if severity, not the profile's
  CHECK(j["sessions"]["decided_by"]["severity"] == 3);
  CHECK(j["visits"].size() == 8);
  CHECK(j["costs"]["currency"] == "CAD");
  CHECK(j["financing"]["terms"].size() == 4);  // 6, 12 and 24 months, and the 0 % promotion
  CHECK(j["financing"]["terms"][3]["promotion"] == true);
}

TEST_CASE("estimate_json: areas per concern from the profile and the what-if, with their errors") {
  const std::string profile = R"({"concerns": [{"id": "acne_scars", "severity": 2, "areas": ["face_neck"]},
                                               {"id": "stretch_marks", "severity": 2}]})";
  const auto reply = [&](const WhatIf& w) { return estimate_json(profile, "microneedling", "2027-03-01", Date{2027, 1, 4}, Lang::en, demo(), w); };
  const auto area_ids = [](const Json& j) {
    std::vector<std::string> out;
    for (const Json& a : j["costs"]["areas"]) out.push_back(a["id"]);
    return out;
  };
  using V = std::vector<std::string>;
  AssessReply r = reply({});
  REQUIRE(r.ok());
  Json j = Json::parse(r.json);
  CHECK(area_ids(j) == V{"face_neck", "body_medium"});
  CHECK(j["concerns"][0]["areas"] == Json{"face_neck"});
  CHECK(!j["concerns"][1].contains("areas"));
  CHECK(j["costs"]["area_pick"]["by_concern"][0] == Json{{"concern", "acne_scars"}, {"areas", {"face_neck"}}, {"picked", true}});
  CHECK(j["costs"]["area_pick"]["by_concern"][1] == Json{{"concern", "stretch_marks"}, {"areas", {"body_medium"}}, {"picked", false}});
  CHECK(j["costs"]["area_pick"]["left_out"].empty());
  // The what-if's per-concern areas replace the profile's; JSON as the JavaScript API takes it.
  std::string error;
  auto w = parse_what_if(R"({"areas": {"stretch_marks": ["body_large"], "acne_scars": []}})", error);
  REQUIRE(w);
  j = Json::parse(reply(*w).json);
  CHECK(area_ids(j) == V{"face", "body_large"});  // acne scars back to its default
  // The treatment's own areas win, and then there is no pick per concern.
  w = parse_what_if(R"({"areas": ["hands"]})", error);
  REQUIRE(w);
  j = Json::parse(reply(*w).json);
  CHECK(area_ids(j) == V{"hands"});
  CHECK(j["costs"]["area_pick"].is_null());
  // Errors name the concern and the area.
  const auto first_error = [&](const std::string& what_if) {
    std::string e;
    const auto parsed = parse_what_if(what_if, e);
    if (!parsed) return Json::parse(e)["errors"][0]["pointer"].get<std::string>() + ": " + Json::parse(e)["errors"][0]["message"].get<std::string>();
    const AssessReply bad = reply(*parsed);
    REQUIRE(!bad.ok());
    return bad.issues[0].pointer + ": " + bad.issues[0].message;
  };
  CHECK(first_error(R"({"areas": {"stretch_marks": ["face"]}})") ==
        "/areas/stretch_marks/0: 'face' is not an area for stretch_marks (body_small, body_medium, body_large)");
  CHECK(first_error(R"({"areas": {"hair_loss": ["scalp"]}})") ==
        "/areas/hair_loss: 'hair_loss' is not one of the concerns (name it in the profile or the severities)");
  CHECK(first_error(R"({"areas": {"acne_scar": ["face"]}})").rfind("/areas/acne_scar: 'acne_scar' is not a concern id", 0) == 0);
  CHECK(first_error(R"({"areas": {"acne_scars": "face"}})") == "/what_if/areas/acne_scars: must list area ids, found 'face'");
  CHECK(first_error(R"({"areas": 3})").rfind("/what_if/areas: must list area ids", 0) == 0);
  // A concern added by a what-if severity can take areas.
  w = parse_what_if(R"({"severity": {"hair_loss": 2}, "areas": {"hair_loss": ["scalp"]}})", error);
  REQUIRE(w);
  CHECK(area_ids(Json::parse(reply(*w).json)) == V{"face_neck", "scalp", "body_medium"});
}

TEST_CASE("estimate_json names the price unit when it is not a session") {
  const AssessReply reply = estimate_json(R"({"concerns": []})", "neurotoxin", "2027-03-01", Date{2027, 1, 4}, Lang::es, demo());
  REQUIRE(reply.ok());
  const Json j = Json::parse(reply.json);
  CHECK(j["costs"]["price_unit"] == "area");
  CHECK(j["costs"]["unit_note"].get<std::string>().find("zona") != std::string::npos);
  CHECK(j["interval_days"].is_null());
}
