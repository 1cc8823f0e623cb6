// libFuzzer target for the UI state machine: a fresh person at a size, in a mode and language chosen by the input's
// first byte, then up to 48 actions read from the rest: press the k-th widget on screen, scroll, jump to a screen, switch
// language, "New patient", or a crash's recovery. Under ASan and UBSan (the `fuzz` preset); natively nlohmann/json
// throws where the web build would abort, so any throw is a finding too (libFuzzer reports the uncaught exception).
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "ui/strings.hpp"
#include "ui_driver.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  static const mn::test::Viewport sizes[] = {mn::test::kPhone, mn::test::kTablet, mn::test::kDesktop};
  static const char* modes[] = {"patient", "consult", "kiosk"};
  const std::uint8_t setup = data[0];
  mn::test::UiDriver d(sizes[setup % 3], modes[(setup / 3) % 3], (setup / 9) % 2 ? "es" : "en");
  std::size_t pos = 1;
  for (int action = 0; action < 48 && pos + 1 < size; ++action) {
    const std::uint8_t op = data[pos++], arg = data[pos++];
    switch (op % 8) {
      case 5:
        d.scroll(arg % 2 ? -8.0f : 8.0f);
        break;
      case 6:
        d.state().go(static_cast<mn::ui::Screen>(arg % static_cast<int>(mn::ui::Screen::Count)));
        d.frame();
        break;
      case 7:
        if (arg % 3 == 0) {
          d.state().lang = arg % 2 ? mn::Lang::es : mn::Lang::en;
          mn::ui::set_language(d.state().lang);
        } else if (arg % 3 == 1) {
          d.app().recover_from_crash();
        } else {
          d.state().forget_person();
        }
        d.frame();
        break;
      default: {
        const auto items = d.pressable();
        if (!items.empty()) d.press(items[arg % items.size()]);
      }
    }
    if (!d.problem().empty()) {
      std::fprintf(stderr, "after action %d at %s: %s\n", action, d.place_name().c_str(), d.problem().c_str());
      std::abort();
    }
  }
  return 0;
}
