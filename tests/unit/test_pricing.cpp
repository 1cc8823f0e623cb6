// Clinic pricing: areas, units and syringes, memberships, consultation fee, tax, promotional financing
// (core/pricing.hpp, core/estimate.hpp), and the invariants the estimate keeps whatever the clinic's prices.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "builtin_fixture.hpp"
#include "core/catalog.hpp"
#include "core/civil_date.hpp"
#include "core/estimate.hpp"
#include "core/plan.hpp"

using namespace mn;

using mn::test::demo;
using mn::test::treatment;

namespace {

EstimateOptions with_areas(std::vector<std::string> areas, Date start = {2027, 3, 1}) {
  EstimateOptions o;
  o.start = start;
  o.areas = std::move(areas);
  return o;
}

double sum_of_lines(const Estimate& e, Level l) {
  double sum = 0;
  for (const CostLine& line : e.lines) sum += line.amount[l];
  return sum;
}

// A random clinic: the demo with random area prices along the chains, random units, packages, a membership, a
// consultation fee (credited or not) and tax (included or added).
ClinicConfig random_clinic(std::mt19937& rng) {
  std::uniform_real_distribution<double> money(20, 900), step(0, 300), percent(1, 40);
  std::uniform_int_distribution<int> coin(0, 1), months(1, 12), units(1, 40);
  ClinicConfig c = demo();
  for (auto& [id, s] : c.treatments) {
    if (!s.enabled || !s.price) continue;
    const double face = money(rng);
    s.price = PriceRange{face, face + step(rng), 0};
    s.price->high = s.price->typical + step(rng);
    s.area_prices.clear();
    s.area_multipliers.clear();
    if (area_kind_of_treatment(id) == AreaKind::surface) {
      PriceRange p = *s.price;
      for (std::string_view a : {"face_neck", "face_neck_chest"}) {
        const double up = step(rng);
        p = {p.low + up, p.typical + up, p.high + up};
        s.area_prices[std::string(a)] = p;
      }
      p = {money(rng), 0, 0};
      p.typical = p.low + step(rng);
      p.high = p.typical + step(rng);
      for (std::string_view a : {"body_small", "body_medium", "body_large", "scalp", "hands"}) {
        s.area_prices[std::string(a)] = p;
        const double up = step(rng);
        p = {p.low + up, p.typical + up, p.high + up};
      }
    }
    if (id == "neurotoxin") {
      s.unit_price = PriceRange{10, 10 + step(rng) / 30, 0};
      s.unit_price->high = s.unit_price->typical + 2;
      for (std::string_view a : kToxinAreaIds) {
        const double u = units(rng);
        s.units[std::string(a)] = {u, u + units(rng) / 4, 0};
        s.units[std::string(a)].high = s.units[std::string(a)].typical + 3;
      }
    }
  }
  c.packages.clear();
  for (const std::string& id : c.enabled_treatments())
    if (coin(rng)) {
      Package p;
      p.id = id + "-pack";
      p.treatment = id;
      p.sessions = 2 + coin(rng) * 2;
      p.discount_kind = coin(rng) ? DiscountKind::percent : DiscountKind::amount;
      p.discount = p.discount_kind == DiscountKind::percent ? percent(rng) : 10;
      c.packages.push_back(p);
    }
  c.memberships.clear();
  Membership m;
  m.id = "club";
  m.monthly_fee = money(rng) / 4;
  m.min_months = months(rng);
  m.percent_off = percent(rng);
  m.treatments = c.enabled_treatments();
  c.memberships.push_back(m);
  c.consultation = Consultation{money(rng) / 3, coin(rng) == 1};
  c.tax = Tax{percent(rng) / 3, coin(rng) == 1, {}};
  return c;
}

// Every pick of areas for a treatment at a clinic that check_options accepts, as subsets of the priced areas.
std::vector<std::vector<std::string>> area_sets(const Treatment& t, const ClinicConfig& c) {
  const std::vector<std::string> all = priced_areas(t, c);
  std::vector<std::vector<std::string>> out;
  for (std::uint32_t mask = 1; mask < (1u << all.size()); ++mask) {
    std::vector<std::string> set;
    for (std::size_t i = 0; i < all.size(); ++i)
      if (mask & (1u << i)) set.push_back(all[i]);
    if (check_options(t, with_areas(set), c).empty()) out.push_back(set);
  }
  return out;
}

}  // namespace

// ---------------------------------------------------------------- areas
TEST_CASE("areas: kinds, overlaps, the choices and default per concern, merging") {
  CHECK(area_kind_of_treatment("microneedling") == AreaKind::surface);
  CHECK(area_kind_of_treatment("neurotoxin") == AreaKind::toxin);
  CHECK(area_kind_of_treatment("dermal_filler_ha") == AreaKind::none);
  CHECK(price_areas_overlap("face", "face_neck"));
  CHECK(!price_areas_overlap("face", "scalp"));
  CHECK(!price_areas_overlap("face", "face"));
  CHECK(default_concern_area("acne_scars", AreaKind::surface) == "face");
  CHECK(default_concern_area("stretch_marks", AreaKind::surface) == "body_medium");
  CHECK(default_concern_area("hair_loss", AreaKind::surface) == "scalp");
  CHECK(default_concern_area("wrinkles", AreaKind::toxin) == "frown_lines");
  CHECK(default_concern_area("acne_scars", AreaKind::toxin).empty());
  CHECK(default_concern_area("volume_loss", AreaKind::none).empty());
  // Every concern's default is among its choices (volume loss has none: filler is priced by the syringe).
  for (std::string_view c : kConcernIds) {
    CAPTURE(c);
    const auto choices = concern_area_choices(c);
    for (AreaKind kind : {AreaKind::surface, AreaKind::toxin}) {
      const std::string_view d = default_concern_area(c, kind);
      if (!d.empty() && c != "volume_loss") CHECK(std::find(choices.begin(), choices.end(), d) != choices.end());
    }
    for (std::string_view a : choices) CHECK(is_area_id(a));
  }
  CHECK(concern_area_choices("hair_loss") == std::vector<std::string_view>{"scalp"});
  CHECK(concern_area_choices("enlarged_pores") == std::vector<std::string_view>{"face", "face_neck", "face_neck_chest"});
  CHECK(concern_area_choices("volume_loss").empty());
  // Toxin areas only for lines, the concerns neurotoxin treats.
  for (std::string_view c : kConcernIds) {
    const auto choices = concern_area_choices(c);
    const bool toxin = std::any_of(choices.begin(), choices.end(), [](std::string_view a) { return area_kind_of_area(a) == AreaKind::toxin; });
    const auto& suits = treatment("neurotoxin").suits;
    const auto level = suits.find(c);
    CHECK(toxin == (level != suits.end() && level->second >= 1));
  }
  CHECK(merge_areas({"hands", "face", "face_neck_chest", "face", "frown_lines"}) ==
        std::vector<std::string>{"face_neck_chest", "hands", "frown_lines"});
  CHECK(merge_areas({"body_large", "body_small", "face_neck"}) == std::vector<std::string>{"face_neck", "body_small", "body_large"});
  CHECK(!check_concern_areas("acne_scars", {"face_neck", "body_large"}));
  CHECK(check_concern_areas("acne_scars", {"face_neck", "face"})->index == 1);
  CHECK(check_concern_areas("acne_scars", {"scalp"})->message == "'scalp' is not an area for acne_scars (face, face_neck, "
                                                                   "face_neck_chest, body_small, body_medium, body_large)");
}

TEST_CASE("areas_for: each treated concern's areas, or its default, merged; unpriced ones named") {
  const Treatment& mn = treatment("microneedling");
  const auto areas = [&](const Treatment& t, const std::vector<ConcernAnswer>& concerns, const ClinicConfig& c = demo()) {
    return areas_for(t, concerns, c).areas;
  };
  using V = std::vector<std::string>;
  CHECK(areas(mn, {{"stretch_marks", 2}}) == V{"body_medium"});
  CHECK(areas(mn, {{"hair_loss", 1}}) == V{"scalp"});
  CHECK(areas(mn, {{"volume_loss", 2}}) == V{"face"});  // not treated: the face
  CHECK(areas(mn, {}) == V{"face"});
  CHECK(areas(mn, {{"hair_loss", 1}, {"acne_scars", 2}}) == V{"face", "scalp"});
  // A pick wins over the default; the face chain keeps its largest (texture's default face is inside face and neck).
  CHECK(areas(mn, {{"acne_scars", 2, {"face_neck"}}, {"texture", 1}}) == V{"face_neck"});
  CHECK(areas(mn, {{"acne_scars", 2, {"face", "body_large"}}, {"stretch_marks", 3, {"body_large"}}}) == V{"face", "body_large"});
  CHECK(areas(mn, {{"acne_scars", 2, {"body_small"}}, {"stretch_marks", 3, {"body_large"}}}) == V{"body_small", "body_large"});
  // Neurotoxin takes only the toxin areas of lines; other concerns do not change it.
  const Treatment& toxin = treatment("neurotoxin");
  const AreaPick pick = areas_for(toxin, {{"wrinkles", 2, {"face", "forehead", "frown_lines"}}, {"acne_scars", 2}}, demo());
  CHECK(pick.areas == V{"frown_lines", "forehead"});
  REQUIRE(pick.concerns.size() == 1);
  CHECK(pick.concerns[0].concern == "wrinkles");
  CHECK(pick.concerns[0].picked);
  CHECK(pick.concerns[0].areas == V{"forehead", "frown_lines"});
  CHECK(areas(toxin, {{"wrinkles", 2, {"face_neck"}}}) == V{"frown_lines"});  // no toxin area picked: the default
  CHECK(areas(toxin, {{"acne_scars", 2}}) == V{"frown_lines"});
  CHECK(areas_for(treatment("dermal_filler_ha"), {{"volume_loss", 2}}, demo()).areas.empty());
  // A clinic without a scalp price: the scalp is named as left out; with nothing priced, the first priced area stands in.
  ClinicConfig c = demo();
  c.treatments.at("microneedling").area_prices.erase("scalp");
  c.treatments.at("microneedling").area_multipliers.erase("scalp");
  REQUIRE(!area_priced(mn, c, "scalp"));
  AreaPick left = areas_for(mn, {{"hair_loss", 1}, {"acne_scars", 2}}, c);
  CHECK(left.areas == V{"face"});
  CHECK(left.left_out == V{"scalp"});
  CHECK(!left.stand_in);
  left = areas_for(mn, {{"hair_loss", 1}}, c);
  CHECK(left.areas == V{"face"});
  CHECK(left.left_out == V{"scalp"});
  CHECK(left.stand_in);
  // The estimate uses them, and an explicit list still wins.
  CHECK(estimate(mn, {{"stretch_marks", 2, {"body_large"}}}, with_areas({}), demo()).price.areas.at(0).id == "body_large");
  CHECK(estimate(mn, {{"stretch_marks", 2, {"body_large"}}}, with_areas({"hands"}), demo()).price.areas.at(0).id == "hands");
  CHECK(!estimate(mn, {{"stretch_marks", 2}}, with_areas({"hands"}), demo()).area_pick);
}

TEST_CASE("more area never costs less: adding an area to a concern's pick") {
  std::mt19937 rng(1717);
  for (int round = 0; round < 60; ++round) {
    const ClinicConfig c = random_clinic(rng);
    for (const char* id : {"microneedling", "rf_microneedling", "laser_nonablative_fractional", "neurotoxin"}) {
      const Treatment& t = treatment(id);
      const std::string concern = id == std::string("neurotoxin") ? "wrinkles" : "acne_scars";
      std::vector<std::string> picked;
      double before = -1;
      for (std::string_view a : concern_area_choices(concern)) {
        if (area_kind_of_area(a) != area_kind_of_treatment(id) || !area_priced(t, c, a)) continue;
        if (std::any_of(picked.begin(), picked.end(), [&](const std::string& b) { return price_areas_overlap(a, b); })) continue;
        picked.emplace_back(a);
        const Estimate e = estimate(t, {{concern, 2, picked}}, with_areas({}), c);
        CAPTURE(id);
        CAPTURE(a);
        CHECK(e.price.per_session[Level::typical] >= before);
        CHECK(e.course_cost[Level::high].cost >= before);
        before = e.price.per_session[Level::typical];
      }
    }
  }
}

TEST_CASE("the demo clinic's microneedling areas: the defaults per concern and the prices per session") {
  const Treatment& t = treatment("microneedling");
  const Estimate e = estimate(t, {{"acne_scars", 2}}, with_areas({"face_neck", "hands"}), demo());
  REQUIRE(e.price.areas.size() == 2);
  CHECK(e.price.per_session[Level::low] == doctest::Approx(375 + 200));
  CHECK(e.price.per_session[Level::typical] == doctest::Approx(450 + 250));
  CHECK(e.price.per_session[Level::high] == doctest::Approx(525 + 300));
  // Multipliers: PRP microneedling face and neck at 1.25 × 550 / 650 / 750.
  const Estimate prp = estimate(treatment("microneedling_prp"), {}, with_areas({"face_neck"}), demo());
  CHECK(prp.price.per_session[Level::typical] == doctest::Approx(812.5));
}

TEST_CASE("check_options names bad areas") {
  const Treatment& mn = treatment("microneedling");
  auto first = [](const std::vector<Issue>& issues) { return issues.empty() ? std::string() : issues[0].pointer + ": " + issues[0].message; };
  CHECK(first(check_options(mn, with_areas({"face", "lips"}), demo())).rfind("/areas/1: 'lips' is not an area for microneedling", 0) == 0);
  CHECK(first(check_options(mn, with_areas({"frown_lines"}), demo())).rfind("/areas/0: 'frown_lines' is not an area", 0) == 0);
  CHECK(first(check_options(mn, with_areas({"face", "face_neck"}), demo())) ==
        "/areas/1: 'face_neck' overlaps 'face': pick one of them");
  CHECK(first(check_options(mn, with_areas({"scalp", "scalp"}), demo())) == "/areas/1: 'scalp' is listed twice");
  CHECK(first(check_options(treatment("chemical_peel_medium"), with_areas({"scalp"}), demo())).rfind(
            "/areas/0: 'scalp' has no price for chemical_peel_medium at this clinic", 0) == 0);
  CHECK(first(check_options(treatment("dermal_filler_ha"), with_areas({"face"}), demo())) ==
        "/areas: dermal_filler_ha is priced by the syringe: it takes no areas");
  CHECK(check_options(mn, with_areas({"face_neck_chest", "scalp", "hands", "body_large"}), demo()).empty());
}

// ---------------------------------------------------------------- units and syringes
TEST_CASE("neurotoxin per unit: units per area × the unit price, the label's units where the clinic gives none") {
  ClinicConfig c = demo();
  c.treatments["neurotoxin"].units.erase("forehead");
  const Estimate e = estimate(treatment("neurotoxin"), {{"wrinkles", 2}}, with_areas({"frown_lines", "forehead", "crows_feet"}), c);
  REQUIRE(e.price.areas.size() == 3);
  REQUIRE(e.price.unit_price);
  CHECK(e.price.areas[0].units_from_clinic);
  CHECK(!e.price.areas[1].units_from_clinic);
  CHECK((*e.price.areas[1].units)[Level::typical] == 20);  // the label's forehead dose
  // typical: (22 + 20 + 24) units × 14
  CHECK(e.price.per_session[Level::typical] == doctest::Approx(66 * 14));
  CHECK(e.price.per_session[Level::low] == doctest::Approx((20 + 20 + 20) * 12));
  CHECK(e.price.per_session[Level::high] == doctest::Approx((25 + 20 + 24) * 16));
  CHECK(!e.forehead_without_frown_lines);
  CHECK(estimate(treatment("neurotoxin"), {}, with_areas({"forehead"}), c).forehead_without_frown_lines);
}

TEST_CASE("neurotoxin not offered: US reference figures per unit and the label's units") {
  ClinicConfig c = demo();
  c.treatments["neurotoxin"].enabled = false;
  c.treatments["neurotoxin"].price.reset();
  c.treatments["neurotoxin"].unit_price.reset();
  const Estimate e = estimate(treatment("neurotoxin"), {{"wrinkles", 2}}, with_areas({"frown_lines", "crows_feet"}), c);
  CHECK(!e.price.from_clinic);
  CHECK(e.price.currency == "USD");
  CHECK(e.price.per_session[Level::low] == doctest::Approx((20 + 24) * 10));
  CHECK(e.price.per_session[Level::typical] == doctest::Approx((20 + 24) * 12.5));
  CHECK(e.price.per_session[Level::high] == doctest::Approx((30 + 24) * 15));
}

TEST_CASE("filler: syringes per visit from the clinic's table for the concern and severity, else one") {
  const Treatment& t = treatment("dermal_filler_ha");
  const Estimate severe = estimate(t, {{"volume_loss", 3}}, with_areas({}), demo());
  REQUIRE(severe.price.syringes);
  CHECK(severe.price.syringes_from_clinic);
  CHECK((*severe.price.syringes)[Level::typical] == 3);
  CHECK(severe.price.per_session[Level::low] == doctest::Approx(2 * 750));
  CHECK(severe.price.per_session[Level::high] == doctest::Approx(4 * 750));
  const Estimate other = estimate(t, {{"acne_scars", 2}}, with_areas({}), demo());
  CHECK(!other.price.syringes_from_clinic);
  CHECK(other.price.per_session[Level::typical] == doctest::Approx(750));
}

// ---------------------------------------------------------------- lines, membership, tax, consultation
TEST_CASE("worked example: abdomen stretch marks, microneedling at the demo clinic") {
  // 4 sessions typical (moderate stretch marks: 3 / 4 / 6) of body_large at 600 / 750 / 900 CAD.
  const Estimate e = estimate(treatment("microneedling"), {{"stretch_marks", 2}}, with_areas({"body_large"}), demo());
  CHECK(e.course.sessions[Level::typical] == 4);
  // typical: 3-pack (3 × 750 − 10 % = 2025) + 1 single (750) = 2775; Renew membership: 4 months × 79 + 4 × 600
  // = 2716 is cheaper.
  CHECK(e.option[Level::typical] == BuyOption::membership);
  REQUIRE(e.membership[Level::typical]);
  CHECK(e.membership[Level::typical]->months == 4);
  CHECK(e.membership[Level::typical]->cost() == doctest::Approx(4 * 79 + 4 * 750 * 0.8));
  // consultation 75 credited, then GST 5 % on 2716: 135.80 → 2851.80
  CHECK(e.course_total[Level::typical] == doctest::Approx((2716 + 75 - 75) * 1.05));
  for (Level l : kLevels) CHECK(e.course_total[l] == doctest::Approx(sum_of_lines(e, l)));
}

TEST_CASE("a membership still paid for prices the top-ups at member price; after it ends, list price") {
  // Before: every top-up was at list price, even while the person was still paying the membership's fees.
  ClinicConfig c = demo();
  c.consultation.reset();
  for (Membership& m : c.memberships)
    if (m.id == "renew") {
      m.monthly_fee = 10;
      m.min_months = 24;  // 24 × 10 + 4 × 600 = 2640, below the 3-pack + single (2775): chosen
    }
  EstimateOptions o = with_areas({"body_large"});
  o.maintenance_years = 3;
  const Estimate e = estimate(treatment("microneedling"), {{"stretch_marks", 2}}, o, c);
  REQUIRE(e.option[Level::typical] == BuyOption::membership);
  REQUIRE(e.membership[Level::typical]->months == 24);
  REQUIRE(e.maintenance_dates.size() >= 2);
  const Date member_until = add_months(o.start, 24);
  double expected = e.course_total[Level::typical];
  int at_member_price = 0, at_list_price = 0;
  for (const Date& d : e.maintenance_dates) {
    const bool member = days_between(d, member_until) > 0;
    (member ? at_member_price : at_list_price)++;
    expected += (member ? 750 * 0.8 : 750) * 1.05;  // GST 5 % added
  }
  CHECK(at_member_price > 0);
  CHECK(at_list_price > 0);
  CHECK(e.total[Level::typical] == doctest::Approx(expected));
  CHECK(e.cumulative.back()[Level::typical] == doctest::Approx(expected));  // 3 years: the same window
}

TEST_CASE("tax included: nothing is added, and the estimate says how much of the total is tax") {
  ClinicConfig c = demo();
  c.tax = Tax{13, true, {}};
  c.consultation.reset();
  c.memberships.clear();
  const Estimate e = estimate(treatment("chemical_peel_superficial"), {{"dullness", 2}}, with_areas({"face"}), c);
  for (Level l : kLevels) {
    CHECK(e.course_total[l] == doctest::Approx(e.course_cost[l].cost));
    CHECK(e.tax_included[l] == doctest::Approx(e.course_total[l] * 13 / 113));
  }
  CHECK(std::none_of(e.lines.begin(), e.lines.end(), [](const CostLine& l) { return l.kind == LineKind::tax; }));
}

TEST_CASE("a consultation credit never exceeds what the treatment costs") {
  ClinicConfig c = demo();
  c.consultation = Consultation{500, true};
  c.tax.reset();
  const Estimate e = estimate(treatment("microdermabrasion"), {}, with_areas({}), c);
  for (Level l : kLevels) {
    CHECK(e.course_total[l] >= 500 - 1e-9);  // the fee is paid in full when the treatment costs less
    CHECK(e.course_total[l] == doctest::Approx(std::max(500.0, e.course_cost[l].cost)));
  }
}

TEST_CASE("promotional financing: a payment per offer, 0 % APR is the total over the months") {
  const Estimate e = estimate(treatment("rf_microneedling"), {{"acne_scars", 2}}, with_areas({"face"}), demo());
  const auto promo = std::find_if(e.payments.begin(), e.payments.end(), [](const FinancingTerm& t) { return t.promotion; });
  REQUIRE(promo != e.payments.end());
  CHECK(promo->apr_percent == 0);
  for (Level l : kLevels) {
    REQUIRE(promo->monthly[l]);
    CHECK(*promo->monthly[l] == doctest::Approx(e.course_total[l] / 12));
  }
  CHECK(e.payments.size() == 4);  // 6, 12, 24 months at 9.99 % and the promotion
}

// ---------------------------------------------------------------- invariants over random clinics
TEST_CASE("property: more area never costs less") {
  std::mt19937 rng(20261206);
  for (int round = 0; round < 40; ++round) {
    const ClinicConfig c = random_clinic(rng);
    for (std::string_view id : {"microneedling", "rf_microneedling", "chemical_peel_superficial", "neurotoxin"}) {
      const Treatment& t = treatment(id);
      const auto sets = area_sets(t, c);
      for (const auto& small : sets)
        for (const auto& large : sets) {
          if (!std::includes(large.begin(), large.end(), small.begin(), small.end()) || small == large) continue;
          const Estimate a = estimate(t, {{"acne_scars", 2}, {"wrinkles", 2}}, with_areas(small), c);
          const Estimate b = estimate(t, {{"acne_scars", 2}, {"wrinkles", 2}}, with_areas(large), c);
          for (Level l : kLevels) {
            INFO(id << " round " << round << " level " << static_cast<int>(l));
            CHECK(b.price.per_session[l] >= a.price.per_session[l] - 1e-9);
            CHECK(b.course_total[l] >= a.course_total[l] - 1e-9);
            CHECK(b.first_year[l] >= a.first_year[l] - 1e-9);
            CHECK(b.total[l] >= a.total[l] - 1e-9);
            CHECK(b.cumulative.back()[l] >= a.cumulative.back()[l] - 1e-9);
          }
        }
      // A larger area of the face chain instead of a smaller one never costs less either.
      const std::vector<std::string> chain = {"face", "face_neck", "face_neck_chest"};
      for (std::size_t i = 1; i < chain.size() && area_kind_of_treatment(id) == AreaKind::surface; ++i) {
        const Estimate a = estimate(t, {}, with_areas({chain[i - 1]}), c), b = estimate(t, {}, with_areas({chain[i]}), c);
        for (Level l : kLevels) CHECK(b.course_total[l] >= a.course_total[l] - 1e-9);
      }
    }
  }
}

TEST_CASE("property: a package or a membership is chosen only where it saves") {
  std::mt19937 rng(7);
  for (int round = 0; round < 60; ++round) {
    const ClinicConfig c = random_clinic(rng);
    for (const std::string& id : c.enabled_treatments()) {
      const Treatment& t = treatment(id);
      for (int severity = 1; severity <= 3; ++severity) {
        const std::vector<ConcernAnswer> concerns = {{"acne_scars", severity}, {"wrinkles", severity}};
        const Estimate e = estimate(t, concerns, with_areas({}), c);
        EstimateOptions none = with_areas({});
        none.package = PackageChoice::parse("none");
        const Estimate singles = estimate(t, concerns, none, c);
        for (Level l : kLevels) {
          INFO(id << " severity " << severity << " round " << round);
          const double list = e.course_cost[l].list;
          if (!e.course_cost[l].packages.empty()) CHECK(e.course_cost[l].cost < list - 1e-9);
          if (e.option[l] == BuyOption::membership) {
            REQUIRE(e.membership[l]);
            CHECK(e.membership[l]->cost() < e.course_cost[l].cost - 1e-9);
          }
          CHECK(e.course_total[l] <= singles.course_total[l] + 1e-9);  // the choice never costs more than singles
        }
      }
    }
  }
}

TEST_CASE("property: totals equal the sum of their lines; 1- and 3-year totals add maintenance") {
  std::mt19937 rng(99);
  for (int round = 0; round < 60; ++round) {
    const ClinicConfig c = random_clinic(rng);
    for (const std::string& id : c.enabled_treatments()) {
      const Treatment& t = treatment(id);
      EstimateOptions o = with_areas({});
      o.maintenance_years = 3;
      const Estimate e = estimate(t, {{"acne_scars", 2}, {"stretch_marks", 3}}, o, c);
      for (Level l : kLevels) {
        INFO(id << " round " << round);
        CHECK(e.course_total[l] == doctest::Approx(sum_of_lines(e, l)));
        CHECK(e.first_year[l] >= e.course_total[l] - 1e-9);
        // Top-ups at list price, or at member price while a membership is still paid for (never more than list).
        const double at_list = e.course_total[l] + e.maintenance_sessions[l] * e.maintenance_per_session[l];
        if (e.membership[l]) CHECK(e.total[l] <= at_list + 1e-6);
        else CHECK(e.total[l] == doctest::Approx(at_list));
        CHECK(e.cumulative.back()[l] == doctest::Approx(e.total[l]));  // three years either way
        CHECK(e.cumulative[12][l] == doctest::Approx(e.first_year[l]));
        for (std::size_t m = 1; m < e.cumulative.size(); ++m) CHECK(e.cumulative[m][l] >= e.cumulative[m - 1][l] - 1e-9);
        // The per-area parts add up to the session price.
        double areas = 0;
        for (const AreaCost& a : e.price.areas) areas += a.per_session[l];
        if (!e.price.areas.empty()) CHECK(e.price.per_session[l] == doctest::Approx(areas));
      }
    }
  }
}

// ---------------------------------------------------------------- plans carry areas
TEST_CASE("share links carry the areas; version 1 links without areas still open") {
  Plan plan;
  plan.treatment = "microneedling";
  plan.concerns = {{"stretch_marks", 2, {"body_small"}}};
  plan.start = {2027, 3, 1};
  plan.areas = {"body_large", "hands"};
  const std::string link = encode_plan(plan);
  CHECK(link.rfind("p3.", 0) == 0);
  const PlanRead back = decode_plan(link);
  REQUIRE(back.ok());
  CHECK(back.plan == plan);
  const PlanEstimate pe = estimate_plan(back.plan, demo());
  REQUIRE(pe.estimate);
  CHECK(pe.estimate->price.areas.size() == 2);
  // The golden version 1 link (tests/data/golden/cases.txt) opens, with no areas.
  const PlanRead old = decode_plan(
      "p1.eyJ0cmVhdG1lbnQiOiJyZl9taWNyb25lZWRsaW5nIiwiY29uY2VybnMiOlt7ImlkIjoiYWNuZV9zY2FycyIsInNldmVyaXR5IjozfSx7ImlkIjoidGV4dHVyZSIsInNldmVyaXR5IjoxfV0sInN0YXJ0IjoiMjAyNy0wMy0wMSIsImFkZG9ucyI6WyJwcnAiXSwibGFuZyI6ImVuIn0.a5bfe987");
  REQUIRE(old.ok());
  CHECK(old.plan.treatment == "rf_microneedling");
  CHECK(old.plan.areas.empty());
  // A version 1 link never held areas: one that does was not made by the app.
  CHECK(!parse_plan(R"({"treatment": "microneedling", "start": "2027-03-01", "areas": ["face"]})", 1).ok());
  CHECK(!parse_plan(R"({"treatment": "microneedling", "start": "2027-03-01", "areas": ["lips"]})").ok());
  CHECK(!parse_plan(R"({"treatment": "microneedling", "start": "2027-03-01", "areas": ["face", "face"]})").ok());
}
