#include "core/plan.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <set>

#include "core/catalog.hpp"
#include "core/civil_date.hpp"
#include "core/guarded.hpp"
#include "core/pricing.hpp"
#include "core/text.hpp"

namespace mn {
namespace {

using OJson = nlohmann::ordered_json;
using Code = PlanErrorCode;

constexpr std::array<std::string_view, 8> kPlanKeys = {"treatment", "concerns",          "start", "package",
                                                       "addons",    "maintenance_years", "lang",  "areas"};
constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string base64url(std::string_view bytes) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += kAlphabet[(buffer >> bits) & 63u];
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (6 - bits)) & 63u];
  return out;
}

std::optional<std::string> from_base64url(std::string_view text) {
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    const std::size_t value = kAlphabet.find(c);
    if (value == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 6) | static_cast<std::uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFFu);
    }
  }
  return out;
}

// FNV-1a, 32 bits, as 8 lower-case hex digits.
std::string checksum(std::string_view text) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : text) h = (h ^ c) * 16777619u;
  char buffer[9];
  std::snprintf(buffer, sizeof buffer, "%08x", static_cast<unsigned>(h));
  return buffer;
}

// A package or add-on id as clinic.json allows it: a-z 0-9 - _, up to 40, starting with a letter or digit.
bool is_clinic_id(std::string_view id) {
  auto ok = [](char c) { return is_lower(c) || is_digit(c) || c == '-' || c == '_'; };
  return !id.empty() && id.size() <= 40 && (is_lower(id[0]) || is_digit(id[0])) && std::all_of(id.begin(), id.end(), ok);
}

PlanRead fail(Code code, std::string pointer, std::string message) {
  return {{}, PlanError{code, std::move(pointer), std::move(message)}};
}

// Reads a plan's JSON field by field; the first problem ends the reading.
class PlanReader {
 public:
  PlanReader(const Json& json, int version) : json_(json), version_(version) {}

  PlanRead read() {
    if (!json_.is_object()) return fail(Code::malformed, "", "a plan must be a JSON object");
    for (const auto& [key, value] : json_.items())
      if (!contains(kPlanKeys, key) || (key == "areas" && version_ < 2))
        return fail(Code::malformed, pointer_append("", key),
                    "unknown key '" + key + "' (a plan holds only the treatment, concerns and choices)");
    Plan& p = read_.plan;
    text("/treatment", json_.find("treatment"), true, [&](const std::string& v) {
      if (!is_treatment_id(v)) return error(Code::unknown_treatment, "/treatment", quoted_value(v) + " is not a treatment id");
      p.treatment = v;
    });
    if (const auto it = json_.find("concerns"); it != json_.end()) read_concerns(*it);
    text("/start", json_.find("start"), true, [&](const std::string& v) {
      const auto date = parse_iso_date(v);
      if (!date || date->year < kMinStartYear || date->year > kMaxStartYear)
        return error(Code::out_of_range, "/start",
                     "must be a date YYYY-MM-DD from " + std::to_string(kMinStartYear) + " to " +
                         std::to_string(kMaxStartYear));
      p.start = *date;
    });
    text("/package", json_.find("package"), false, [&](const std::string& v) {
      if (v != "auto" && v != "none" && !is_clinic_id(v))
        return error(Code::malformed, "/package", "must be 'auto', 'none' or a package id");
      p.package = PackageChoice::parse(v);
    });
    if (const auto it = json_.find("addons"); it != json_.end()) read_addons(*it);
    if (const auto it = json_.find("maintenance_years"); it != json_.end()) {
      if (!it->is_number_integer()) error(Code::malformed, "/maintenance_years", "must be a whole number");
      else if (*it < 0 || *it > kMaxMaintenanceYears)
        error(Code::out_of_range, "/maintenance_years", "must be from 0 to " + std::to_string(kMaxMaintenanceYears));
      else p.maintenance_years = it->get<int>();
    }
    text("/lang", json_.find("lang"), false, [&](const std::string& v) {
      const auto lang = parse_lang(v);
      if (!lang) return error(Code::out_of_range, "/lang", "must be 'en' or 'es'");
      p.lang = *lang;
    });
    if (const auto it = json_.find("areas"); it != json_.end()) read_areas(*it);
    return std::move(read_);
  }

 private:
  void error(Code code, std::string pointer, std::string message) {
    if (!read_.error) read_.error = PlanError{code, std::move(pointer), std::move(message)};
  }

  // Calls `use` with the string at `it`, or records why there is none.
  template <class Use>
  void text(const std::string& pointer, Json::const_iterator it, bool required, Use&& use) {
    if (read_.error) return;
    if (it == json_.end()) {
      if (required) error(Code::malformed, pointer, "is required but missing");
    } else if (!it->is_string()) {
      error(Code::malformed, pointer, "must be a string");
    } else {
      use(it->get<std::string>());
    }
  }

  void read_concerns(const Json& list) {
    if (read_.error) return;
    if (!list.is_array() || list.size() > kConcernIds.size())
      return error(Code::malformed, "/concerns", "must be a list of at most " + std::to_string(kConcernIds.size()) + " concerns");
    for (std::size_t i = 0; i < list.size() && !read_.error; ++i) {
      const Json& c = list[i];
      const std::string at = pointer_append("/concerns", i);
      // Version 3 added a concern's areas.
      const bool with_areas = version_ >= 3 && c.is_object() && c.contains("areas");
      const bool shaped = c.is_object() && c.size() == (with_areas ? 3u : 2u) && c.contains("id") &&
                          c.contains("severity") && c["id"].is_string() && c["severity"].is_number_integer();
      if (!shaped)
        return error(Code::malformed, at, version_ >= 3 ? "must be {\"id\": CONCERN, \"severity\": 1|2|3, \"areas\": [AREA…]}"
                                                        : "must be {\"id\": CONCERN, \"severity\": 1|2|3}");
      const std::string name = c["id"].get<std::string>();
      const Json& severity = c["severity"];
      if (!is_concern_id(name)) return error(Code::unknown_concern, at + "/id", quoted_value(name) + " is not a concern id");
      if (severity < 1 || severity > 3) return error(Code::out_of_range, at + "/severity", "must be 1, 2 or 3");
      for (const ConcernAnswer& seen : read_.plan.concerns)
        if (seen.id == name) return error(Code::malformed, at + "/id", quoted_value(name) + " is listed twice");
      ConcernAnswer answer{name, severity.get<int>()};
      if (with_areas) {
        const Json& areas = c["areas"];
        const std::string areas_at = at + "/areas";
        if (!areas.is_array() || areas.empty() || areas.size() > kMaxAreas)
          return error(Code::malformed, areas_at, "must be a list of 1 to " + std::to_string(kMaxAreas) + " area ids");
        for (std::size_t k = 0; k < areas.size(); ++k) {
          if (!areas[k].is_string()) return error(Code::malformed, pointer_append(areas_at, k), "must be an area id");
          answer.areas.push_back(areas[k].get<std::string>());
        }
        if (const auto problem = check_concern_areas(name, answer.areas))
          return error(Code::malformed, pointer_append(areas_at, problem->index), problem->message);
      }
      read_.plan.concerns.push_back(std::move(answer));
    }
  }

  void read_addons(const Json& list) {
    if (read_.error) return;
    if (!list.is_array() || list.size() > kMaxPlanAddons)
      return error(Code::malformed, "/addons", "must be a list of at most " + std::to_string(kMaxPlanAddons) + " add-on ids");
    for (std::size_t i = 0; i < list.size() && !read_.error; ++i) {
      const std::string at = pointer_append("/addons", i);
      if (!list[i].is_string() || !is_clinic_id(list[i].get<std::string>()))
        return error(Code::malformed, at, "must be an add-on id");
      const std::string id = list[i].get<std::string>();
      auto& addons = read_.plan.addons;
      if (std::find(addons.begin(), addons.end(), id) != addons.end())
        return error(Code::malformed, at, quoted_value(id) + " is listed twice");
      addons.push_back(id);
    }
  }

  void read_areas(const Json& list) {
    if (read_.error) return;
    if (!list.is_array() || list.size() > kMaxAreas)
      return error(Code::malformed, "/areas", "must be a list of at most " + std::to_string(kMaxAreas) + " area ids");
    for (std::size_t i = 0; i < list.size() && !read_.error; ++i) {
      const std::string at = pointer_append("/areas", i);
      if (!list[i].is_string() || !is_area_id(list[i].get<std::string>()))
        return error(Code::malformed, at, "must be an area id");
      const std::string id = list[i].get<std::string>();
      auto& areas = read_.plan.areas;
      if (std::find(areas.begin(), areas.end(), id) != areas.end())
        return error(Code::malformed, at, "'" + id + "' is listed twice");
      areas.push_back(id);
    }
  }

  const Json& json_;
  int version_;
  PlanRead read_;
};

}  // namespace

bool Plan::operator==(const Plan& o) const {
  auto same_concerns = [](const std::vector<ConcernAnswer>& a, const std::vector<ConcernAnswer>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const ConcernAnswer& x, const ConcernAnswer& y) {
                        return x.id == y.id && x.severity == y.severity && x.areas == y.areas;
                      });
  };
  return treatment == o.treatment && same_concerns(concerns, o.concerns) && same_day(start, o.start) &&
         package.text() == o.package.text() && addons == o.addons && maintenance_years == o.maintenance_years &&
         lang == o.lang && areas == o.areas;
}

std::string_view plan_error_name(PlanErrorCode code) {
  constexpr std::array<std::string_view, 8> kNames = {"malformed", "too_long",         "outdated_version", "unknown_version",
                                                      "checksum",  "unknown_treatment", "unknown_concern",  "out_of_range"};
  return kNames[static_cast<std::size_t>(code)];
}

OJson plan_to_json(const Plan& plan) {
  OJson concerns = OJson::array();
  for (const ConcernAnswer& c : plan.concerns) {
    OJson one = {{"id", c.id}, {"severity", c.severity}};
    if (!c.areas.empty()) one["areas"] = c.areas;
    concerns.push_back(std::move(one));
  }
  return {{"treatment", plan.treatment},   {"concerns", std::move(concerns)},
          {"start", iso_date(plan.start)}, {"package", plan.package.text()},
          {"addons", plan.addons},         {"maintenance_years", plan.maintenance_years},
          {"lang", lang_code(plan.lang)},  {"areas", plan.areas}};
}

PlanRead read_plan(const Json& json, int version) {
  return run_guarded([&] { return PlanReader(json, version).read(); },
                     [](const char* what) { return fail(Code::malformed, "", what); });
}

PlanRead parse_plan(std::string_view json_text, int version) {
  const ParsedJson parsed = parse_json(json_text);
  if (!parsed.ok()) return fail(Code::malformed, parsed.pointer, parsed.error);
  return read_plan(parsed.value, version);
}

std::string encode_plan(const Plan& plan) {
  OJson json = plan_to_json(plan);  // defaults left out: shorter links, same plan
  if (plan.package.kind == PackageChoice::Kind::automatic) json.erase("package");
  if (plan.addons.empty()) json.erase("addons");
  if (plan.maintenance_years == kDefaultMaintenanceYears) json.erase("maintenance_years");
  if (plan.areas.empty()) json.erase("areas");
  const std::string head = "p" + std::to_string(kPlanVersion) + "." + base64url(json.dump());
  return head + "." + checksum(head);
}

PlanRead decode_plan(std::string_view fragment) {
  return run_guarded([&]() -> PlanRead {
    if (!fragment.empty() && fragment[0] == '#') fragment.remove_prefix(1);
    if (fragment.size() > kMaxPlanLinkChars)
      return fail(Code::too_long, "", "the link is longer than " + std::to_string(kMaxPlanLinkChars) + " characters");
    const std::size_t first = fragment.find('.'), last = fragment.rfind('.');
    if (fragment.size() < 2 || fragment[0] != 'p' || first == std::string_view::npos || first == last)
      return fail(Code::malformed, "", "not a plan link (expected p<version>.<data>.<check>)");
    const std::string_view version = fragment.substr(1, first - 1);
    if (version.empty() || version.size() > 4 || !std::all_of(version.begin(), version.end(), is_digit))
      return fail(Code::malformed, "", "not a plan link (the version is not a number)");
    const int number = std::stoi(std::string(version));
    if (number < kOldestPlanVersion)
      return fail(Code::outdated_version, "", "made by an older version of the app (link version " + std::string(version) + ")");
    if (number > kPlanVersion)
      return fail(Code::unknown_version, "", "link version " + std::string(version) + " is not one this app reads");
    if (checksum(fragment.substr(0, last)) != fragment.substr(last + 1))
      return fail(Code::checksum, "", "the check digits do not match: the link was changed or cut short");
    const auto payload = from_base64url(fragment.substr(first + 1, last - first - 1));
    if (!payload) return fail(Code::malformed, "", "the link's data is not base64url");
    return parse_plan(*payload, number);
  }, [](const char* what) { return fail(Code::malformed, "", what); });
}

PlanEstimate estimate_plan(const Plan& plan, const ClinicConfig& clinic, const Content& content) {
  PlanEstimate out;
  const Treatment* t = content.treatment(plan.treatment);
  if (!t) {
    out.issues.push_back({Severity::error, "/treatment", quoted_value(plan.treatment) + " is not a treatment id", {}});
    return out;
  }
  const EstimateOptions options{plan.start, plan.package, plan.addons, plan.maintenance_years, plan.areas};
  out.issues = check_options(*t, options, clinic);
  if (out.issues.empty()) out.estimate = estimate(*t, plan.concerns, options, clinic);
  return out;
}

}  // namespace mn
