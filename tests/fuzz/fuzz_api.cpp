// libFuzzer target for the JavaScript API's entry points (app/platform/js_api.cpp) as the web build runs them:
// built WITHOUT C++ exceptions (-fno-exceptions, like the web build; see cmake/native.cmake), so anything that would
// throw (nlohmann's type_error 316 on half a UTF-8 character, an out-of-range .at()) aborts here as it aborts the
// app. One input is split at NUL bytes into the arguments the API passes on:
//   profile \0 treatment \0 start \0 what-if \0 concern \0 plan-link fragment
// and fed to assess_json, compare_json, parse_what_if + estimate_json and decode_plan/parse_plan. Every reply must
// be well-formed UTF-8 JSON: the results, or {"errors": [{"pointer", "message"}, ...]}.
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/candidacy_json.hpp"
#include "core/compare_json.hpp"
#include "core/estimate_json.hpp"
#include "core/json_parse.hpp"
#include "core/plan.hpp"
#include "core/text.hpp"

#if defined(__cpp_exceptions)
#error "fuzz_api must be built with -fno-exceptions, as the web build is"
#endif

namespace {

[[noreturn]] void bad(const char* what, const std::string& reply) {
  std::fprintf(stderr, "%s: %s\n", what, reply.c_str());
  std::abort();
}

// The reply must be valid UTF-8 JSON, and an error reply must name at least one error with a pointer and message.
void check(const char* what, const mn::AssessReply& reply) {
  if (mn::invalid_utf8_offset(reply.json)) bad("reply is not valid UTF-8", reply.json);
  const mn::ParsedJson j = mn::parse_json(reply.json);
  if (!j.ok() || !j.value.is_object()) bad(what, reply.json);
  if (!reply.ok()) {
    const auto errors = j.value.find("errors");
    if (errors == j.value.end() || !errors->is_array() || errors->empty()) bad(what, reply.json);
    for (const auto& e : *errors)
      if (!e.is_object() || !e.contains("pointer") || !e.contains("message")) bad(what, reply.json);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  std::array<std::string_view, 6> arg{};
  for (std::size_t i = 0; i < arg.size(); ++i) {
    const std::size_t nul = i + 1 < arg.size() ? rest.find('\0') : std::string_view::npos;
    arg[i] = rest.substr(0, nul);
    rest = nul == std::string_view::npos ? std::string_view() : rest.substr(nul + 1);
  }
  const auto& [profile, treatment, start, what_if, concern, link] = arg;
  const mn::ClinicConfig& clinic = mn::builtin_clinic_config();
  const mn::Lang lang = size % 2 ? mn::Lang::es : mn::Lang::en;

  check("assess", mn::assess_json(profile, lang, clinic));
  check("compare", mn::compare_json(profile, lang, clinic, concern));
  std::string error;
  const auto w = mn::parse_what_if(what_if, error);
  if (w) {
    check("estimate", mn::estimate_json(profile, treatment, start, mn::Date{2027, 1, 4}, lang, clinic, *w));
  } else {
    check("what-if", mn::AssessReply{error, {{mn::Severity::error, "", "", {}}}});
  }
  const mn::PlanRead read = mn::decode_plan(link);
  if (read.error && mn::invalid_utf8_offset(read.error->message)) bad("plan link error", read.error->message);
  const mn::PlanRead parsed = mn::parse_plan(profile);
  if (parsed.error && mn::invalid_utf8_offset(parsed.error->message)) bad("plan error", parsed.error->message);
  return 0;
}
