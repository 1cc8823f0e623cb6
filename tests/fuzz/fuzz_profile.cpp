// libFuzzer target for the candidacy facade (core/candidacy_json.hpp): any text in, never a crash or an exception.
// A profile it accepts must give all treatments a verdict; one it refuses must say where, with a pointer.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/candidacy_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const mn::AssessReply reply = mn::assess_json(text, mn::Lang::es, mn::builtin_clinic_config());
  const auto out = nlohmann::json::parse(reply.json, nullptr, false);
  const bool answered = reply.ok() ? out.contains("results") && out["results"].size() == mn::Content::builtin().treatments().size()
                                   : out.contains("errors") && !out["errors"].empty();
  if (out.is_discarded() || !answered) {
    std::fprintf(stderr, "unexpected reply: %s\n", reply.json.c_str());
    std::abort();
  }
  return 0;
}
