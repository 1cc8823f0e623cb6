// Loading, validation and fallback of clinic configurations (core/clinic_config.hpp).
#include <doctest/doctest.h>

#include <filesystem>
#include <functional>
#include <string>

#include "core/assets.hpp"
#include "core/catalog.hpp"
#include "core/clinic_config.hpp"
#include "core/files.hpp"
#include "core/json_parse.hpp"

using namespace mn;

namespace {

std::string source_file(const std::string& relative) {
  const auto text = read_file(std::string(MN_SOURCE_DIR) + "/" + relative, 1 << 24);
  REQUIRE_MESSAGE(text, "cannot read " << relative);
  return *text;
}

// tests/data/configs/minimal.json, changed by `edit`, then loaded.
ConfigLoad load_minimal(const std::function<void(Json&)>& edit = {}) {
  Json j = Json::parse(source_file("tests/data/configs/minimal.json"));
  if (edit) edit(j);
  return load_clinic_config(j.dump());
}

// The one issue at `pointer`; fails the test if there is not exactly one.
Issue issue_at(const ConfigLoad& load, std::string_view pointer) {
  std::vector<Issue> found;
  for (const Issue& i : load.issues)
    if (i.pointer == pointer) found.push_back(i);
  INFO("issues at " << pointer);
  for (const Issue& i : load.issues) INFO(format_issue(i));
  REQUIRE(found.size() == 1);
  return found[0];
}

std::string issue_lines(const std::vector<Issue>& issues) {
  std::string out;
  for (const Issue& i : issues) out += format_issue(i) + "\n";
  return out;
}

}  // namespace

TEST_CASE("the built-in demo clinic loads without any issue") {
  const auto text = embedded_asset("clinic/demo.json");
  REQUIRE(text);
  const ConfigLoad load = load_clinic_config(*text);
  INFO(issue_lines(load.issues));
  CHECK(load.issues.empty());
  CHECK(to_json(load.config) == to_json(builtin_clinic_config()));
}

TEST_CASE("the built-in demo clinic covers what the issue asks for") {
  const ClinicConfig& demo = builtin_clinic_config();
  CHECK(!demo.clinic.name.empty());
  CHECK(!demo.clinic.phone.empty());
  CHECK(!demo.clinic.email.empty());
  CHECK(!demo.clinic.address.empty());
  CHECK(demo.clinic.booking_url.rfind("https://", 0) == 0);
  CHECK(!demo.packages.empty());
  CHECK(!demo.addons.empty());
  CHECK(demo.financing);
  CHECK(demo.treatments.size() == kTreatmentIds.size());  // every id, so fallbacks exist for all
  for (const auto& [id, t] : demo.treatments) {
    CAPTURE(id);
    CHECK(t.price);  // even disabled ones: the fallback when a clinic enables one with a bad price
  }
  for (std::string_view id : {"microneedling", "chemical_peel_medium", "chemical_peel_deep", "laser_ablative"})
    CHECK(demo.treatment(id)->isotretinoin_wait_months == 6);
}

TEST_CASE("a minimal file is valid; what it leaves out is off or takes the built-in default") {
  const ConfigLoad load = load_minimal();
  INFO(issue_lines(load.issues));
  CHECK(load.issues.empty());
  const ClinicConfig& c = load.config;
  const ClinicConfig& demo = builtin_clinic_config();
  CHECK(c.clinic.name == "Test Clinic");
  CHECK(c.clinic.phone.empty());  // optional: never the demo's
  CHECK(c.clinic.booking_url.empty());
  CHECK(c.packages.empty());
  CHECK(c.addons.empty());
  CHECK_FALSE(c.financing);
  CHECK(c.brand.logo_text.empty());
  CHECK(c.logo_text() == "Test Clinic");
  CHECK(c.brand.primary == demo.brand.primary);  // default: the demo's
  CHECK(c.kiosk_idle_seconds == demo.kiosk_idle_seconds);
  CHECK(c.default_mode == demo.default_mode);
  CHECK(c.enabled_treatments() == std::vector<std::string>{"microneedling"});
  CHECK(c.treatments.size() == kTreatmentIds.size());
  CHECK_FALSE(c.offers("laser_ablative"));
  CHECK(c.treatment("laser_ablative")->isotretinoin_wait_months ==
        demo.treatment("laser_ablative")->isotretinoin_wait_months);
  CHECK_FALSE(c.treatment("laser_ablative")->price);
  CHECK(c.treatment("nonsense") == nullptr);
}

TEST_CASE("a bad required or default value falls back to the built-in value") {
  const ClinicConfig& demo = builtin_clinic_config();
  const ConfigLoad load = load_minimal([](Json& j) {
    j["currency"] = "usd";
    j["clinic"]["name"] = 42;
    j["kiosk_idle_seconds"] = 5;
    j["brand"] = {{"primary", "red"}};
  });
  CHECK_FALSE(load.ok());
  CHECK(load.config.currency == demo.currency);
  CHECK(load.config.clinic.name == demo.clinic.name);
  CHECK(load.config.kiosk_idle_seconds == demo.kiosk_idle_seconds);
  CHECK(load.config.brand.primary == demo.brand.primary);
  CHECK(issue_at(load, "/currency").message == "'usd' is not a supported ISO 4217 currency code (did you mean 'USD'?)");
  CHECK(issue_at(load, "/clinic/name").message == "expected a string, found 42");
  CHECK(issue_at(load, "/kiosk_idle_seconds").message == "must be between 30 and 3600, found 5");
  CHECK(issue_at(load, "/brand/primary").severity == Severity::error);
}

TEST_CASE("a bad optional value is left out, never replaced by the demo's") {
  const ConfigLoad load = load_minimal([](Json& j) {
    j["clinic"]["phone"] = "call us";
    j["clinic"]["booking_url"] = "javascript:alert(1)";
    j["financing"] = {{"apr_percent", 500}, {"terms_months", {12}}};
  });
  CHECK(load.config.clinic.phone.empty());
  CHECK(load.config.clinic.booking_url.empty());
  CHECK_FALSE(load.config.financing);
  CHECK(issue_at(load, "/clinic/booking_url").message == "'javascript:alert(1)' is not an http:// or https:// URL");
  CHECK(issue_at(load, "/financing/apr_percent").severity == Severity::error);
}

TEST_CASE("an enabled treatment with a bad price gets the built-in price for it") {
  const ConfigLoad load = load_minimal([](Json& j) { j["treatments"]["microneedling"]["price"] = "300"; });
  REQUIRE(load.config.treatment("microneedling")->price);
  CHECK(load.config.treatment("microneedling")->price->typical ==
        builtin_clinic_config().treatment("microneedling")->price->typical);
  CHECK(issue_at(load, "/treatments/microneedling/price").message ==
        "expected a number or an object with low, typical and high, found \"300\"");
}

TEST_CASE("prices: fixed or ordered ranges, finite, not negative, below a million") {
  const auto issues = [](Json price) {
    return issue_lines(load_minimal([&](Json& j) { j["treatments"]["microneedling"]["price"] = price; }).issues);
  };
  const std::string at = "error: /treatments/microneedling/price";
  CHECK(issues(300).empty());
  CHECK(issues(0).empty());
  CHECK(issues(-1) == at + ": must be between 0 and 999999, found -1\n");
  CHECK(issues(1e12) == at + ": must be between 0 and 999999, found 1000000000000\n");
  CHECK(issues({{"low", 500}, {"typical", 300}, {"high", 700}}) == at + ": low (500) is more than typical (300)\n");
  CHECK(issues({{"low", 100}, {"typical", 300}, {"high", 200}}) == at + ": typical (300) is more than high (200)\n");
  CHECK(issues({{"low", 100}, {"typical", 300}}) == at + "/high: is required but missing\n");
  const ConfigLoad fixed = load_minimal([](Json& j) { j["treatments"]["microneedling"]["price"] = 275; });
  CHECK(fixed.config.treatment("microneedling")->price->fixed());
}

TEST_CASE("input that is not a JSON object gives one root error and the whole built-in configuration") {
  const std::string demo = to_json(builtin_clinic_config());
  for (const std::string& text : std::vector<std::string>{"", "{", "[]", "null", "\"clinic\"", "\xff\xfe{}",
                                                          std::string(kMaxJsonBytes + 10, ' ')}) {
    CAPTURE(text.substr(0, 10));
    const ConfigLoad load = load_clinic_config(text);
    REQUIRE(load.issues.size() == 1);
    CHECK(load.issues[0].pointer.empty());
    CHECK(load.issues[0].severity == Severity::error);
    CHECK(to_json(load.config) == demo);
  }
}

TEST_CASE("a section of the wrong type is reported once, not once per member") {
  const ConfigLoad load = load_minimal([](Json& j) { j["clinic"] = {"Test Clinic"}; });
  REQUIRE(load.issues.size() == 1);
  CHECK(format_issue(load.issues[0]) == "error: /clinic: expected an object, found an array");
  CHECK(load.config.clinic.name == builtin_clinic_config().clinic.name);
}

TEST_CASE("unknown keys are warnings with a hint, and do not make a file invalid") {
  const ConfigLoad load = load_minimal([](Json& j) {
    j["curency"] = "EUR";
    j["clinic"]["a/b"] = 1;
  });
  CHECK(load.ok());
  CHECK(issue_at(load, "/curency").message == "unknown key 'curency' is ignored (did you mean 'currency'?)");
  CHECK(issue_at(load, "/clinic/a~1b").severity == Severity::warning);
}

TEST_CASE("packages must name an enabled treatment; bad entries are left out") {
  const ConfigLoad load = load_minimal([](Json& j) {
    j["packages"] = Json::parse(R"([
      {"id": "p1", "treatment": "foo", "sessions": 3, "percent_off": 10},
      {"id": "p2", "treatment": "laser_ablative", "sessions": 3, "percent_off": 10},
      {"id": "p3", "treatment": "microneedling", "sessions": 3, "amount_off": 100}])");
  });
  CHECK(issue_at(load, "/packages/0/treatment").message == "names 'foo', which is not an enabled treatment");
  CHECK(issue_at(load, "/packages/1/treatment").message == "names 'laser_ablative', which is not an enabled treatment");
  REQUIRE(load.config.packages.size() == 1);
  CHECK(load.config.packages[0].id == "p3");
  CHECK(load.config.packages[0].discount_kind == DiscountKind::amount);
}

TEST_CASE("a package's amount off must leave something to pay") {
  const auto load = load_minimal([](Json& j) {
    j["packages"] = {{{"id", "p"}, {"treatment", "microneedling"}, {"sessions", 2}, {"amount_off", 500}}};  // 2 × 250
  });
  CHECK(issue_at(load, "/packages/0/amount_off").message ==
        "takes off 500, not less than 2 sessions at the lowest price (500)");
}

TEST_CASE("package_total applies the discount to the whole series") {
  Package p;
  p.sessions = 3;
  p.discount_kind = DiscountKind::percent;
  p.discount = 10;
  CHECK(package_total(p, 300) == doctest::Approx(810));
  p.discount_kind = DiscountKind::amount;
  p.discount = 150;
  CHECK(package_total(p, 300) == doctest::Approx(750));
  p.discount = 5000;
  CHECK(package_total(p, 300) == 0);
}

TEST_CASE("add-ons: treatments must exist; one not offered is a warning") {
  const ConfigLoad load = load_minimal([](Json& j) {
    j["addons"] = Json::parse(R"([
      {"id": "prp", "name": {"en": "PRP"}, "price": 300, "treatments": ["microneedling", "laser_ablative"]},
      {"id": "bad", "name": "Bad", "price": 10, "treatments": ["laser"]}])");
  });
  CHECK(load.ok() == false);
  CHECK(issue_at(load, "/addons/0/treatments/1").severity == Severity::warning);
  CHECK(issue_at(load, "/addons/0/name").message == "has no 'es' text: another language's is shown");
  CHECK(issue_at(load, "/addons/1/treatments/0").message == "names 'laser', which is not a treatment id");
  REQUIRE(load.config.addons.size() == 1);
  CHECK(load.config.addons[0].name.get(Lang::es) == "PRP");  // falls back to English
}

TEST_CASE("a name given as one string serves every language") {
  const ConfigLoad load = load_minimal([](Json& j) {
    j["addons"] = {{{"id", "led"}, {"name", "LED"}, {"price", 50}, {"treatments", {"microneedling"}}}};
  });
  CHECK(load.issues.empty());
  CHECK(load.config.addons.at(0).name.get(Lang::en) == "LED");
  CHECK(load.config.addons.at(0).name.get(Lang::es) == "LED");
}

TEST_CASE("a file that enables no treatment gets the built-in treatments") {
  const ConfigLoad load = load_minimal([](Json& j) { j["treatments"]["microneedling"]["enabled"] = false; });
  CHECK(issue_at(load, "/treatments").message == "enables no treatment: the built-in treatments are used");
  CHECK(load.config.enabled_treatments() == builtin_clinic_config().enabled_treatments());
}

TEST_CASE("financing terms are sorted; repeats and empty lists are errors") {
  const auto terms = [](Json list) {
    return load_minimal([&](Json& j) { j["financing"] = {{"apr_percent", 0}, {"terms_months", list}}; });
  };
  const ConfigLoad sorted = terms({24, 6, 12});
  REQUIRE(sorted.config.financing);
  CHECK(sorted.config.financing->terms_months == std::vector<int>{6, 12, 24});
  CHECK(issue_at(terms({12, 12}), "/financing/terms_months").message == "lists a term twice");
  CHECK(issue_at(terms(Json::array()), "/financing/terms_months").message == "must list at least one term");
}

TEST_CASE("to_json writes a file that loads back to the same configuration") {
  for (const ClinicConfig* c : {&builtin_clinic_config()}) {
    const std::string text = to_json(*c);
    const ConfigLoad again = load_clinic_config(text);
    INFO(issue_lines(again.issues));
    CHECK(again.issues.empty());
    CHECK(to_json(again.config) == text);
  }
}

TEST_CASE("a long clinic name without a logo text round-trips (found by fuzz_config)") {
  const ConfigLoad load = load_minimal([](Json& j) { j["clinic"]["name"] = std::string(80, 'N'); });
  CHECK(load.issues.empty());
  CHECK(load.config.logo_text() == std::string(80, 'N'));
  CHECK(load_clinic_config(to_json(load.config)).issues.empty());
}

TEST_CASE("every catalogue entry loads without throwing into a configuration that is itself valid") {
  const std::filesystem::path dir = std::filesystem::path(MN_SOURCE_DIR) / "tests/data/bad-configs";
  int entries = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    ++entries;
    CAPTURE(entry.path().filename().string());
    const ConfigLoad load =
        load_clinic_config(source_file("tests/data/bad-configs/" + entry.path().filename().string()));
    const std::string effective = to_json(load.config);
    const ConfigLoad again = load_clinic_config(effective);
    INFO(issue_lines(again.issues));
    CHECK(again.ok());
    CHECK(to_json(again.config) == effective);
  }
  CHECK(entries >= 40);
}
