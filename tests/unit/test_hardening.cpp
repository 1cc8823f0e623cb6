// Hostile input (issue 20): repeated keys, half characters in parse errors, numbers past 32 bits, terminal escapes,
// and documents with very many members. Every reply must be well-formed UTF-8 JSON with a `pointer: message`.
#include <doctest/doctest.h>

#include <string>

#include "core/candidacy_json.hpp"
#include "core/clinic_config.hpp"
#include "core/compare_json.hpp"
#include "core/estimate_json.hpp"
#include "core/issues.hpp"
#include "core/json_parse.hpp"
#include "core/plan.hpp"
#include "core/profile.hpp"
#include "core/text.hpp"

using namespace mn;

namespace {

// A reply the JavaScript API could hand back: valid UTF-8, parses as JSON, and has the shape its kind promises.
Json reply_json(const std::string& text) {
  REQUIRE_FALSE(invalid_utf8_offset(text));
  const ParsedJson parsed = parse_json(text);
  REQUIRE_MESSAGE(parsed.ok(), parsed.error);
  return parsed.value;
}

std::string first_error(const AssessReply& reply) {
  REQUIRE_FALSE(reply.ok());
  const Json j = reply_json(reply.json);
  REQUIRE(j.contains("errors"));
  return j["errors"][0]["pointer"].get<std::string>() + ": " + j["errors"][0]["message"].get<std::string>();
}

// {"k0":0, "k1":0, ...} with `n` members.
std::string object_of(std::size_t n) {
  std::string out = "{";
  for (std::size_t i = 0; i < n; ++i) out += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":0";
  return out + "}";
}

const char* kProfile = R"({"age": 40, "fitzpatrick": 2, "concerns": [{"id": "acne_scars", "severity": 2}]})";

}  // namespace

TEST_CASE("a key that appears twice in one object is an error at its pointer, at any depth") {
  ParsedJson p = parse_json(R"({"conditions": ["active_infection"], "conditions": []})");
  CHECK(p.error == "the key 'conditions' appears more than once in its object");
  CHECK(p.pointer == "/conditions");
  CHECK(p.value.is_null());
  p = parse_json(R"({"a": [{"x": 1}, {"b~/": 1, "b~/": 2}]})");
  CHECK(p.pointer == "/a/1/b~0~1");
  // The same key in different objects is fine, and member order is kept.
  p = parse_json(R"({"b": {"a": 1}, "a": {"a": 2}})");
  REQUIRE(p.ok());
  CHECK(p.value.begin().key() == "b");
  CHECK(p.value["a"]["a"] == 2);
}

TEST_CASE("profiles, configurations and plan links all refuse repeated keys") {
  const ProfileParse profile =
      parse_profile(R"({"concerns": [], "conditions": ["active_infection"], "conditions": []})");
  REQUIRE(profile.issues.size() == 1);
  CHECK(format_issue(profile.issues[0]) == "error: /conditions: the key 'conditions' appears more than once in its object");
  const ConfigLoad config = load_clinic_config(R"({"clinic": {"name": "A", "name": "B"}, "currency": "USD"})");
  REQUIRE_FALSE(config.ok());
  CHECK(config.issues[0].pointer == "/clinic/name");
  const PlanRead plan = parse_plan(
      R"({"treatment": "microneedling", "concerns": [], "start": "2027-01-01", "lang": "en", "lang": "es"})");
  REQUIRE(plan.error);
  CHECK(plan.error->pointer == "/lang");
  CHECK(plan.error->message == "the key 'lang' appears more than once in its object");
}

TEST_CASE("objects and documents with too many members are refused with a pointer, not slowly parsed") {
  CHECK(parse_json(object_of(kMaxJsonObjectMembers)).ok());
  const ParsedJson wide = parse_json(R"({"a": )" + object_of(kMaxJsonObjectMembers + 1) + "}");
  CHECK(wide.error == "has more than " + std::to_string(kMaxJsonObjectMembers) + " members");
  CHECK(wide.pointer == "/a");
  std::string many = "[";
  for (std::size_t i = 0; i < kMaxJsonValues; ++i) many += i ? ",0" : "0";
  many += "]";
  const ParsedJson values = parse_json(many);  // the array itself is one more value than the limit
  CHECK(values.error == "holds more than 200000 values in all");
}

TEST_CASE("a document with thousands of problems lists the first hundred and counts the rest") {
  // Before: every unknown key became an issue (with a spelling hint), so assess() on a profile of a few thousand
  // unknown keys blocked the page for up to a quarter of a second just writing them out.
  std::string profile = R"({"concerns": [])";
  for (int i = 0; i < 1500; ++i) profile += ",\"k" + std::to_string(i) + "\": 1";
  profile += "}";
  const ProfileParse parsed = parse_profile(profile);
  REQUIRE(parsed.issues.size() == kMaxIssuesListed + 1);
  CHECK(parsed.issues[0].pointer == "/k0");
  CHECK(parsed.issues.back().pointer.empty());
  CHECK(parsed.issues.back().message == "1400 more problems are not listed: fix the ones above and check again");
  CHECK(has_errors(parsed.issues));

  // A configuration: the closing issue is an error whenever one it stands for is, even after a hundred warnings.
  std::vector<Issue> list;
  std::size_t unlisted = 0;
  for (std::size_t i = 0; i < kMaxIssuesListed; ++i) add_capped(list, {Severity::warning, "/w", "w", ""}, unlisted);
  CHECK_FALSE(has_errors(list));
  add_capped(list, {Severity::error, "/e", "e", ""}, unlisted);
  REQUIRE(list.size() == kMaxIssuesListed + 1);
  CHECK(has_errors(list));
  CHECK(list.back().message == "1 more problem is not listed: fix the ones above and check again");
}

TEST_CASE("a parse error that quotes half a UTF-8 character still gives a well-formed reply") {
  // Before: nlohmann quoted the lone first byte of 'é', and writing the error reply threw (type_error 316): the CLI
  // printed "the comparison failed: [json.exception...]" and the web build, which has no exceptions, aborted.
  for (const char* text : {"{\"concerns\":[] \xc3\xa9}", "\xc3\xa9", "[\"a\" \xe2\x82\xac]", "{\"x\": 1 \xf0\x9f\x98\x80"}) {
    CAPTURE(text);
    const std::string compare = first_error(compare_json(text, Lang::en, builtin_clinic_config(), ""));
    CHECK(compare.rfind(": not valid JSON", 0) == 0);
    const std::string estimate =
        first_error(estimate_json(text, "microneedling", "2027-03-01", Date{2027, 1, 4}, Lang::en, builtin_clinic_config(), {}));
    CHECK(estimate.rfind(": not valid JSON", 0) == 0);
    CHECK(first_error(assess_json(text, Lang::es, builtin_clinic_config())).rfind(": not valid JSON", 0) == 0);
  }
}

TEST_CASE("what-ifs check numbers as written, not their low 32 bits") {
  std::string error;
  auto w = parse_what_if(R"({"severity": {"acne_scars": 1099511627777}})", error);  // 2^40 + 1: low bits read 1
  CHECK_FALSE(w);
  CHECK(error.find("/what_if/severity/acne_scars") != std::string::npos);
  CHECK(error.find("must be 1, 2 or 3, found 1099511627777") != std::string::npos);
  CHECK_FALSE(parse_what_if(R"({"severity": [{"id": "acne_scars", "severity": 4294967298}]})", error));
  CHECK_FALSE(parse_what_if(R"({"severity": {"acne_scars": -18446744073709551615}})", error));
  CHECK_FALSE(parse_what_if(R"({"maintenance_years": 4294967299})", error));  // low bits read 3
  CHECK(error.find("found 4294967299") != std::string::npos);
  CHECK_FALSE(parse_what_if(R"({"maintenance_years": 18446744073709551615})", error));
  CHECK_FALSE(parse_what_if(R"({"package": "none", "package": "auto"})", error));
  CHECK(error.find("/what_if/package") != std::string::npos);
  CHECK_FALSE(parse_what_if("{\"severity\": {\"acne_scars\": 2} \xc3\xa9", error));
  CHECK_FALSE(invalid_utf8_offset(error));
  w = parse_what_if(R"({"severity": {"acne_scars": 3}, "addons": "led,numbing", "maintenance_years": 10})", error);
  REQUIRE(w);
  CHECK(w->severities.size() == 1);
  CHECK(w->severities[0].severity == 3);
  CHECK(w->addons.size() == 2);
  CHECK(w->maintenance_years == 10);
  CHECK(parse_what_if("", error));
}

TEST_CASE("quoted values are JSON-escaped: no terminal escape, bidi control or broken UTF-8 gets through") {
  CHECK(quoted_value("abc") == "'abc'");
  CHECK(quoted_value("\x1b[31mred\x07") == "'\\u001b[31mred\\u0007'");
  CHECK(quoted_value("a\\b\nc") == "'a\\\\b\\nc'");
  CHECK(quoted_value("\xc2\x9b" "2J") == "'\\u009b2J'");           // C1 CSI
  CHECK(quoted_value("\xe2\x80\xae" "txt") == "'\\u202etxt'");     // right-to-left override
  CHECK(quoted_value("\xc3") == "'\xef\xbf\xbd'");                  // half a character: U+FFFD
  CHECK(quoted_value("\xc3\xa9t\xc3\xa9") == "'\xc3\xa9t\xc3\xa9'");  // ordinary text is unchanged
  CHECK(valid_utf8("a\xff" "b") == "a\xef\xbf\xbd" "b");
  // Pointers built from the input's keys are escaped where issues are printed.
  CHECK(format_issue({Severity::error, "/\x1b[2J", "m\x1b", {}}) == "error: /\\u001b[2J: m\\u001b");
  // The messages of the replies quote escaped values.
  const std::string bad_treatment =
      first_error(estimate_json(kProfile, "\x1b]0;x\x07", "2027-03-01", Date{2027, 1, 4}, Lang::en, builtin_clinic_config(), {}));
  CHECK(bad_treatment == "/treatment: '\\u001b]0;x\\u0007' is not a treatment id");
  const std::string bad_start =
      first_error(estimate_json(kProfile, "microneedling", "\x1b[2J", Date{2027, 1, 4}, Lang::en, builtin_clinic_config(), {}));
  CHECK(bad_start == "/start: '\\u001b[2J' is not a date YYYY-MM-DD");
  const std::string bad_concern = first_error(compare_json(kProfile, Lang::en, builtin_clinic_config(), "\x9b"));
  CHECK(bad_concern == "/concern: '\xef\xbf\xbd' is not a concern id");
}

TEST_CASE("a plan link for a treatment the clinic switched off: 'not offered at this clinic', no price, no booking") {
  const ClinicConfig& clinic = builtin_clinic_config();  // the demo clinic has laser_ablative switched off
  REQUIRE_FALSE(clinic.offers("laser_ablative"));
  REQUIRE_FALSE(clinic.clinic.booking_url.empty());
  const auto page = [&](const char* treatment, bool html) {
    const PlanRead read = parse_plan(std::string(R"({"treatment": ")") + treatment +
                                     R"(", "concerns": [{"id": "acne_scars", "severity": 2}], "start": "2027-03-01", "lang": "en"})");
    REQUIRE(read.ok());
    const PlanEstimate e = estimate_plan(read.plan, clinic);
    REQUIRE(e.estimate);
    return html ? plan_html(read.plan, *e.estimate, clinic) : plan_text(read.plan, *e.estimate, clinic);
  };
  for (bool html : {false, true}) {
    CAPTURE(html);
    const std::string off = page("laser_ablative", html), on = page("microneedling", html);
    CHECK(off.find("Not offered at this clinic") != std::string::npos);
    CHECK(off.find("$") == std::string::npos);                       // no price, in any form
    CHECK(off.find(clinic.clinic.booking_url) == std::string::npos);  // no booking
    CHECK(off.find("US dollars") == std::string::npos);
    CHECK(on.find("Not offered at this clinic") == std::string::npos);
    CHECK(on.find("$") != std::string::npos);
    CHECK(on.find(clinic.clinic.booking_url) != std::string::npos);
  }
}
