// libFuzzer target for the clinic configuration loader (run it with scripts/fuzz).
// Besides crashes, leaks and undefined behaviour (ASan + UBSan), it checks the loader's promise: whatever the
// input, the configuration it returns is valid, i.e. it loads back from to_json() without errors, unchanged.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/clinic_config.hpp"
#include "core/format.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const mn::ConfigLoad load = mn::load_clinic_config(text);

  const std::string effective = mn::to_json(load.config);
  const mn::ConfigLoad again = mn::load_clinic_config(effective);
  if (!again.ok() || mn::to_json(again.config) != effective) {
    std::fprintf(stderr, "the returned configuration does not reload cleanly:\n%s\n", effective.c_str());
    for (const mn::Issue& issue : again.issues) std::fprintf(stderr, "%s\n", mn::format_issue(issue).c_str());
    std::abort();
  }

  // Format every price the configuration holds, as the app would.
  const mn::MoneyFormat money(load.config.currency, load.config.locale);
  for (const auto& entry : load.config.treatments)
    if (entry.second.price) (void)money.range(entry.second.price->low, entry.second.price->high);
  for (const mn::Package& p : load.config.packages) {
    const mn::TreatmentSettings* t = load.config.treatment(p.treatment);
    if (t && t->price) (void)money(mn::package_total(p, t->price->typical), mn::MoneyPrecision::exact);
  }
  return 0;
}
