// libFuzzer target for share links (core/plan.hpp). Besides crashes and undefined behaviour, it checks the
// decoder's promises: it never throws, and a link it accepts re-encodes to a link that decodes to the same plan.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/plan.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const mn::PlanRead& read : {mn::decode_plan(text), mn::parse_plan(text)}) {
    if (!read.ok()) continue;
    const mn::PlanRead again = mn::decode_plan(mn::encode_plan(read.plan));
    if (!again.ok() || again.plan != read.plan) {
      std::fprintf(stderr, "an accepted plan does not survive encoding: %s\n", mn::encode_plan(read.plan).c_str());
      std::abort();
    }
  }
  return 0;
}
