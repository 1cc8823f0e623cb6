// Plans and share links (core/plan.hpp): round trips, tampered and broken links, and the text and HTML pages.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <random>
#include <set>
#include <string>

#include "core/catalog.hpp"
#include "core/plan.hpp"
#include "core/pricing.hpp"

using namespace mn;

namespace {

const ClinicConfig& demo() { return builtin_clinic_config(); }

// The link format of docs/estimates.md, written out again independently of plan.cpp.
std::string seal(const std::string& head) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : head) h = (h ^ c) * 16777619u;
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08x", static_cast<unsigned>(h));
  return head + "." + hex;
}

std::string link_for_json(const std::string& json, const std::string& version = "p3") {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string data;
  std::size_t i = 0;
  for (; i + 2 < json.size(); i += 3) {
    const auto n = (std::uint32_t(std::uint8_t(json[i])) << 16) | (std::uint32_t(std::uint8_t(json[i + 1])) << 8) |
                   std::uint8_t(json[i + 2]);
    for (int shift : {18, 12, 6, 0}) data += kAlphabet[(n >> shift) & 63];
  }
  if (i + 1 == json.size()) {
    const auto n = std::uint32_t(std::uint8_t(json[i])) << 16;
    for (int shift : {18, 12}) data += kAlphabet[(n >> shift) & 63];
  } else if (i + 2 == json.size()) {
    const auto n = (std::uint32_t(std::uint8_t(json[i])) << 16) | (std::uint32_t(std::uint8_t(json[i + 1])) << 8);
    for (int shift : {18, 12, 6}) data += kAlphabet[(n >> shift) & 63];
  }
  return seal(version + "." + data);
}

Plan sample_plan() {
  Plan p;
  p.treatment = "microneedling";
  p.concerns = {{"acne_scars", 2}, {"texture", 1}};
  p.start = {2027, 3, 1};
  p.addons = {"led"};
  return p;
}

// A random plan of valid values.
Plan random_plan(std::mt19937& random) {
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  Plan p;
  p.treatment = std::string(kTreatmentIds[static_cast<std::size_t>(pick(kTreatmentIds.size()))]);
  for (std::string_view concern : kConcernIds)
    if (pick(3) == 0) p.concerns.push_back({std::string(concern), 1 + pick(3)});
  for (ConcernAnswer& c : p.concerns) {  // sometimes the areas picked for it: a valid pick of its choices
    if (pick(2) == 0) continue;
    for (std::string_view a : concern_area_choices(c.id))
      if (pick(3) == 0 &&
          std::none_of(c.areas.begin(), c.areas.end(), [&](const std::string& b) { return price_areas_overlap(a, b); }))
        c.areas.emplace_back(a);
  }
  std::shuffle(p.concerns.begin(), p.concerns.end(), random);
  p.start = {kMinStartYear + pick(kMaxStartYear - kMinStartYear + 1), 1 + pick(12), 1 + pick(28)};
  const std::array<std::string, 5> packages = {"auto", "none", "microneedling-3", "peel-series-6", "x_9"};
  p.package = PackageChoice::parse(packages[static_cast<std::size_t>(pick(5))]);
  const std::array<std::string, 4> addons = {"prp", "led", "numbing", "a-b_c"};
  for (const std::string& a : addons)
    if (pick(2) == 0) p.addons.push_back(a);
  p.maintenance_years = pick(kMaxMaintenanceYears + 1);
  p.lang = pick(2) == 0 ? Lang::en : Lang::es;
  for (std::string_view a : kSurfaceAreaIds)
    if (pick(4) == 0) p.areas.emplace_back(a);
  return p;
}

PlanErrorCode refusal(std::string_view link) {
  const PlanRead read = decode_plan(link);
  REQUIRE_MESSAGE(!read.ok(), "accepted: " << std::string(link.substr(0, 80)));
  return read.error->code;
}

}  // namespace

TEST_CASE("share links round-trip every generated plan") {
  std::mt19937 random(42);
  std::set<std::string> links;
  for (int i = 0; i < 2000; ++i) {
    const Plan plan = random_plan(random);
    const std::string link = encode_plan(plan);
    INFO(link);
    CHECK(link.size() <= kMaxPlanLinkChars);
    CHECK(link.rfind("p3.", 0) == 0);
    CHECK(link.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.") == std::string::npos);
    const PlanRead read = decode_plan(link);
    REQUIRE_MESSAGE(read.ok(), read.error->message);
    CHECK(read.plan == plan);
    CHECK(decode_plan("#" + link).plan == plan);
    links.insert(link);
  }
  CHECK(links.size() > 1900);  // different plans, different links
}

TEST_CASE("a link holds only the plan: no health answers, and other keys are refused") {
  const auto json = plan_to_json(sample_plan());
  std::vector<std::string> keys;
  for (const auto& [key, value] : json.items()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"treatment", "concerns", "start", "package", "addons", "maintenance_years", "lang", "areas"});
  for (const char* extra : {R"("conditions": ["vitiligo"])", R"("pregnant_or_breastfeeding": true)", R"("age": 30)",
                            R"("fitzpatrick": 4)", R"("medications": [])"}) {
    const std::string link =
        link_for_json(std::string(R"({"treatment": "microneedling", "start": "2027-03-01", )") + extra + "}");
    const PlanRead read = decode_plan(link);
    REQUIRE(!read.ok());
    CHECK(read.error->code == PlanErrorCode::malformed);
    CHECK(read.error->message.find("unknown key") == 0);
  }
}

TEST_CASE("defaults are left out of links and come back on decoding") {
  Plan p = sample_plan();
  p.addons.clear();
  const PlanRead read = decode_plan(link_for_json(R"({"treatment":"microneedling","start":"2027-03-01"})"));
  REQUIRE(read.ok());
  CHECK(read.plan.package.kind == PackageChoice::Kind::automatic);
  CHECK(read.plan.maintenance_years == kDefaultMaintenanceYears);
  CHECK(read.plan.lang == Lang::en);
  CHECK(encode_plan(p).size() < encode_plan(sample_plan()).size());
}

TEST_CASE("any changed character is caught") {
  const std::string link = encode_plan(sample_plan());
  for (std::size_t i = 0; i < link.size(); ++i)
    for (char replacement : {'A', 'z', '0', '_', '.'}) {
      if (link[i] == replacement) continue;
      std::string changed = link;
      changed[i] = replacement;
      INFO("position " << i << " -> " << replacement);
      refusal(changed);
    }
}

TEST_CASE("broken links are refused with their own code, never with an exception") {
  const std::string link = encode_plan(sample_plan());
  const std::string head = link.substr(0, link.rfind('.'));
  CHECK(refusal(head + ".00000000") == PlanErrorCode::checksum);
  CHECK(refusal(head + "." + std::string(8, 'g')) == PlanErrorCode::checksum);
  CHECK(refusal(head) == PlanErrorCode::malformed);  // no check digits at all
  // Older and newer versions, even with correct check digits.
  CHECK(refusal(seal("p0" + head.substr(2))) == PlanErrorCode::outdated_version);
  CHECK(refusal(seal("p4" + head.substr(2))) == PlanErrorCode::unknown_version);
  // Version 1 and 2 links still open (version 1 had no areas, version 2 none per concern).
  for (const char* version : {"p1", "p2"}) {
    const PlanRead old = decode_plan(seal(version + head.substr(2)));
    REQUIRE(old.ok());
    CHECK(old.plan == sample_plan());
  }
  CHECK(refusal(seal("p99999" + head.substr(2))) == PlanErrorCode::malformed);
  // Every truncation.
  for (std::size_t n = 0; n < link.size(); ++n) {
    INFO("first " << n << " characters");
    refusal(link.substr(0, n));
  }
  // Garbage.
  for (const char* garbage : {"", "#", "p", "p1", "p1..", "p1...", "x1.abc.00000000", "hello world", "p1.!!!!.00000000",
                              "p1.\xff\xfe.12345678", "p-1.abc.00000000"})
    refusal(garbage);
  CHECK(refusal(seal("p1.A")) == PlanErrorCode::malformed);  // impossible base64 length
  CHECK(refusal(seal("p1.bm90IGpzb24")) == PlanErrorCode::malformed);  // "not json"
  // Huge.
  CHECK(refusal(std::string(kMaxPlanLinkChars + 1, 'A')) == PlanErrorCode::too_long);
  CHECK(refusal("p1." + std::string(100000, 'A') + ".00000000") == PlanErrorCode::too_long);
}

TEST_CASE("well-sealed links with bad values are refused by field") {
  auto refused = [](const std::string& json) {
    const PlanRead read = decode_plan(link_for_json(json));
    REQUIRE_MESSAGE(!read.ok(), json);
    return *read.error;
  };
  PlanError e = refused(R"({"treatment":"botox","start":"2027-03-01"})");
  CHECK(e.code == PlanErrorCode::unknown_treatment);
  CHECK(e.pointer == "/treatment");
  e = refused(R"({"treatment":"neurotoxin","start":"2027-03-01","concerns":[{"id":"wrinkle","severity":2}]})");
  CHECK(e.code == PlanErrorCode::unknown_concern);
  CHECK(e.pointer == "/concerns/0/id");
  e = refused(R"({"treatment":"neurotoxin","start":"2027-03-01","concerns":[{"id":"wrinkles","severity":4}]})");
  CHECK(e.code == PlanErrorCode::out_of_range);
  CHECK(e.pointer == "/concerns/0/severity");
  CHECK(refused(R"({"treatment":"neurotoxin","start":"2027-02-30"})").code == PlanErrorCode::out_of_range);
  CHECK(refused(R"({"treatment":"neurotoxin","start":"1999-12-31"})").code == PlanErrorCode::out_of_range);
  CHECK(refused(R"({"treatment":"neurotoxin","start":"2027-03-01","maintenance_years":11})").code ==
        PlanErrorCode::out_of_range);
  CHECK(refused(R"({"treatment":"neurotoxin","start":"2027-03-01","maintenance_years":1.5})").code ==
        PlanErrorCode::malformed);
  CHECK(refused(R"({"treatment":"neurotoxin","start":"2027-03-01","lang":"fr"})").code == PlanErrorCode::out_of_range);
  CHECK(refused(R"({"treatment":"neurotoxin","start":"2027-03-01","package":"Bad Id"})").code == PlanErrorCode::malformed);
  CHECK(refused(R"({"treatment":"neurotoxin","start":"2027-03-01","addons":["prp","prp"]})").code ==
        PlanErrorCode::malformed);
  CHECK(refused(R"({"treatment":"neurotoxin","start":"2027-03-01","concerns":[{"id":"wrinkles","severity":1},{"id":"wrinkles","severity":2}]})")
            .code == PlanErrorCode::malformed);
  CHECK(refused(R"({"start":"2027-03-01"})").code == PlanErrorCode::malformed);
  CHECK(refused(R"({"treatment":"microneedling","start":"2027-03-01","areas":["lips"]})").pointer == "/areas/0");
  CHECK(refused(R"({"treatment":"microneedling","start":"2027-03-01","areas":"face"})").pointer == "/areas");
  CHECK(refused(R"([1, 2])").code == PlanErrorCode::malformed);
  CHECK(refused(R"({"treatment":5,"start":"2027-03-01"})").pointer == "/treatment");
}

TEST_CASE("a concern's areas: version 3 carries them, older versions refuse them, bad picks are named") {
  Plan p = sample_plan();
  p.concerns = {{"acne_scars", 2, {"face_neck"}}, {"stretch_marks", 3, {"body_large", "body_small"}}, {"texture", 1}};
  const std::string link = encode_plan(p);
  const PlanRead read = decode_plan(link);
  REQUIRE(read.ok());
  CHECK(read.plan == p);
  CHECK(read.plan.concerns[1].areas == std::vector<std::string>{"body_large", "body_small"});
  CHECK(read.plan.concerns[2].areas.empty());
  // A version 2 link with a concern's areas: that key did not exist then.
  const std::string json = R"({"treatment":"microneedling","start":"2027-03-01","concerns":[{"id":"acne_scars","severity":2,"areas":["face"]}]})";
  REQUIRE(!decode_plan(link_for_json(json, "p2")).ok());
  CHECK(decode_plan(link_for_json(json, "p2")).error->pointer == "/concerns/0");
  CHECK(decode_plan(link_for_json(json, "p3")).ok());
  auto refused = [](const std::string& areas) {
    const PlanRead r = decode_plan(link_for_json(
        R"({"treatment":"microneedling","start":"2027-03-01","concerns":[{"id":"stretch_marks","severity":2,"areas":)" + areas + "}]}"));
    REQUIRE_MESSAGE(!r.ok(), areas);
    CHECK(r.error->code == PlanErrorCode::malformed);
    return r.error->pointer + ": " + r.error->message;
  };
  CHECK(refused(R"(["face"])") == "/concerns/0/areas/0: 'face' is not an area for stretch_marks (body_small, body_medium, body_large)");
  CHECK(refused(R"(["body_small","body_small"])") == "/concerns/0/areas/1: 'body_small' is listed twice");
  CHECK(refused(R"([])") == "/concerns/0/areas: must be a list of 1 to 11 area ids");
  CHECK(refused(R"("body_small")") == "/concerns/0/areas: must be a list of 1 to 11 area ids");
  CHECK(refused(R"([7])") == "/concerns/0/areas/0: must be an area id");
}

TEST_CASE("estimate_plan checks the plan's package and add-ons against the clinic") {
  Plan p = sample_plan();
  PlanEstimate e = estimate_plan(p, demo());
  REQUIRE(e.estimate);
  CHECK(e.estimate->addons.size() == 1);
  p.package = PackageChoice::parse("gone-package");
  p.addons = {"prp"};  // not for microneedling at the demo clinic
  e = estimate_plan(p, demo());
  CHECK(!e.estimate);
  REQUIRE(e.issues.size() == 2);
  CHECK(e.issues[0].pointer == "/package");
  CHECK(e.issues[1].pointer == "/addons/0");
}

TEST_CASE("the plan as text and as a page, in the plan's language") {
  Plan p = sample_plan();
  ClinicConfig clinic = demo();
  clinic.clinic.name = "Skin & <Co> \"Best\" 'Clinic'";
  const Estimate e = *estimate_plan(p, clinic).estimate;
  const std::string text = plan_text(p, e, clinic);
  CHECK(text.find("Microneedling") != std::string::npos);
  CHECK(text.find("Mar 1, 2027") != std::string::npos);
  CHECK(text.find("Skin & <Co>") != std::string::npos);
  CHECK(text.find("LED light therapy") != std::string::npos);
  CHECK(text.find('{') == std::string::npos);

  const std::string html = plan_html(p, e, clinic);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<style>") != std::string::npos);
  CHECK(html.find("Skin &amp; &lt;Co&gt; &quot;Best&quot; &#39;Clinic&#39;") != std::string::npos);
  CHECK(html.find("<Co>") == std::string::npos);
  for (const char* banned : {"<script", "src=", "href=", "<link", "style=\"", "javascript:"})
    CHECK_MESSAGE(html.find(banned) == std::string::npos, banned);
  CHECK(html.find('{', html.find("</style>")) == std::string::npos);  // no placeholder left in the body

  p.lang = Lang::es;
  const std::string es = plan_text(p, e, clinic);
  CHECK(es.find("Mi plan de tratamiento") == 0);
  CHECK(es.find("1 mar 2027") != std::string::npos);
  CHECK(plan_html(p, e, clinic).find("<html lang=\"es\">") != std::string::npos);
}
