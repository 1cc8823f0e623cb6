// When a course may begin (core/timing.hpp), and how the estimate's JSON carries it through (core/estimate_json.hpp).
#include <doctest/doctest.h>

#include <string>

#include "builtin_fixture.hpp"
#include "core/candidacy.hpp"
#include "core/civil_date.hpp"
#include "core/estimate_json.hpp"
#include "core/profile.hpp"
#include "core/timing.hpp"

using namespace mn;
using mn::test::demo;
using Json = nlohmann::ordered_json;

namespace {

constexpr Date kToday{2026, 12, 1};

TreatmentAssessment assessed(const char* profile_json, const char* treatment, Assessment& keep) {
  ProfileParse parse = parse_profile(profile_json);
  REQUIRE(parse.issues.empty());
  keep = assess(parse.profile, demo());
  const TreatmentAssessment* t = keep.find(treatment);
  REQUIRE(t);
  return *t;
}

Json estimate(const char* profile_json, const char* treatment, const char* start, ClinicConfig clinic = demo()) {
  const AssessReply reply = estimate_json(profile_json, treatment, start, kToday, Lang::en, clinic);
  REQUIRE(reply.ok());
  return Json::parse(reply.json);
}

constexpr const char* kClean = R"({"concerns": [{"id": "acne_scars", "severity": 2}], "age": 40, "fitzpatrick": 2,
  "pregnant_or_breastfeeding": false, "conditions": [], "medications": [], "recent_procedures": [], "sun": "normal"})";

}  // namespace

TEST_CASE("timing: ready after the consultation, the clinic's lead time") {
  Assessment a;
  const TreatmentAssessment t = assessed(kClean, "microneedling", a);
  const StartTiming timing = start_timing(t, kToday, 7);
  CHECK(timing.kind == StartTiming::Kind::ready);
  CHECK(iso_date(timing.earliest) == "2026-12-08");
  CHECK(iso_date(start_timing(t, kToday, 0).earliest) == "2026-12-01");
  CHECK(iso_date(start_timing(t, kToday, -3).earliest) == "2026-12-01");  // never before the day of the answers
}

TEST_CASE("timing: a known wait puts the earliest date at its end, never before the consultation") {
  TreatmentAssessment t;
  t.verdict = Verdict::defer;
  t.wait = Duration{3, TimeUnit::months};
  StartTiming timing = start_timing(t, kToday, 7);
  CHECK(timing.kind == StartTiming::Kind::wait);
  CHECK(iso_date(timing.earliest) == "2027-03-01");
  t.wait = Duration{1, TimeUnit::weeks};  // shorter than the consultation's lead time: the consultation decides
  CHECK(iso_date(start_timing(t, kToday, 14).earliest) == "2026-12-15");
  t.wait.reset();  // a defer whose length nobody knows: no date
  timing = start_timing(t, kToday, 7);
  CHECK(timing.kind == StartTiming::Kind::wait_open);
  CHECK_FALSE(timing.dated());
  t.verdict = Verdict::not_recommended;
  CHECK(start_timing(t, kToday, 7).kind == StartTiming::Kind::not_advised);
}

TEST_CASE("estimate_json: no start means the earliest; a start before it moves there and says so") {
  Json e = estimate(kClean, "microneedling", "");
  CHECK(e["start"] == "2026-12-08");
  CHECK(e["timing"]["kind"] == "ready");
  CHECK_FALSE(e["timing"].contains("requested_start"));
  e = estimate(kClean, "microneedling", "2026-12-03");
  CHECK(e["start"] == "2026-12-08");
  CHECK(e["timing"]["requested_start"] == "2026-12-03");
  e = estimate(kClean, "microneedling", "2027-05-10");  // later than the earliest: kept
  CHECK(e["start"] == "2027-05-10");
  ClinicConfig same_day = demo();
  same_day.first_session_after_days = 0;
  CHECK(estimate(kClean, "microneedling", "", same_day)["start"] == "2026-12-01");

  // Microneedling 1 week ago: the 4-week interval leaves 3 weeks.
  const char* recent = R"({"concerns": [{"id": "acne_scars", "severity": 2}], "age": 40, "fitzpatrick": 2,
    "pregnant_or_breastfeeding": false, "conditions": [], "medications": [], "sun": "normal",
    "recent_procedures": [{"id": "microneedling", "weeks_ago": 1}]})";
  e = estimate(recent, "microneedling", "2026-12-02");
  CHECK(e["timing"]["kind"] == "wait");
  CHECK(e["timing"]["wait"]["weeks"] == 3);
  CHECK(e["start"] == "2026-12-22");
  CHECK(e["visits"][0]["date"] == "2026-12-22");
  CHECK(e["timing"]["reasons"].size() >= 1);
  CHECK(e["timing"]["reasons"][0]["rule"] == "recent.needling");
}

TEST_CASE("estimate_json: no estimate while the answers advise against it or leave the wait open") {
  const char* pregnant = R"({"concerns": [{"id": "acne_scars", "severity": 2}], "pregnant_or_breastfeeding": true})";
  Json e = estimate(pregnant, "microneedling", "2027-03-01");
  CHECK(e["timing"]["kind"] == "wait_open");
  CHECK_FALSE(e.contains("sessions"));
  CHECK_FALSE(e.contains("costs"));
  CHECK_FALSE(e.contains("start"));
  CHECK(e["timing"]["reasons"][0]["rule"] == "pregnancy");

  const char* keloid = R"({"concerns": [{"id": "acne_scars", "severity": 2}], "conditions": ["keloid_tendency"]})";
  e = estimate(keloid, "microneedling", "");
  CHECK(e["timing"]["kind"] == "not_advised");
  CHECK_FALSE(e.contains("costs"));
  // The same answers leave a treatment that does not wound the skin dated.
  e = estimate(keloid, "neurotoxin", "");
  CHECK(e["timing"]["kind"] != "not_advised");
}
