#pragma once
// Drives the whole UI natively, without a browser or a GPU: an ImGui context with the app's fonts, the App, and a
// pointer that presses the widgets the frame reports (platform/item_registry.hpp), as a finger or a mouse would.
// Used by the route walker (tests/ui/ui_walk.cpp, in ctest) and the UI fuzz target (tests/fuzz/fuzz_ui.cpp).
#include <memory>
#include <string>
#include <vector>

#include "platform/item_registry.hpp"
#include "ui/app.hpp"

namespace mn::test {

struct Viewport {
  const char* name;
  float width, height;
  bool touch;
};
inline constexpr Viewport kPhone{"phone", 390, 844, true};
inline constexpr Viewport kTablet{"tablet", 1024, 768, true};
inline constexpr Viewport kDesktop{"desktop", 1440, 900, false};

class UiDriver {
 public:
  // A fresh app (a new person) in `mode` ("patient", "consult", "kiosk") and language ("en", "es").
  UiDriver(const Viewport& viewport, const std::string& mode, const std::string& lang);
  ~UiDriver();
  UiDriver(const UiDriver&) = delete;
  UiDriver& operator=(const UiDriver&) = delete;

  // One UI pass with the current input.
  void frame();
  // Presses the widget (hover, press, release: a frame each, then settles). False when it is not on screen.
  bool press(const platform::Item& item);
  // Types text into the focused field (as a keyboard's characters, UTF-8), then settles.
  void type(const std::string& utf8);
  // Scrolls the content window by `steps` wheel notches (negative: down).
  void scroll(float steps);
  // Scrolls the content window to `y` (clamped to what it can scroll), and settles.
  void scroll_to(float y);
  float scroll_max() const;
  const Viewport& viewport() const { return viewport_; }

  // Widgets a person can press now: named, visible, inside the display.
  std::vector<platform::Item> pressable() const;
  ui::App& app() { return *app_; }
  ui::AppState& state() { return app_->state(); }
  // Where the person is, as a short name: "candidacy/3", "candidacy/results", "plan", "attract" …
  std::string place_name() const;
  // Problems seen in the last frame (text or widgets outside the display, an ImGui stack left open), or "".
  const std::string& problem() const { return problem_; }
  // What the last frame drew, in short (vertices, indices, commands): differs when anything visible changed.
  std::string drawn() const { return drawn_; }

 private:
  Viewport viewport_;
  std::unique_ptr<ui::App> app_;
  std::string problem_;
  std::string drawn_;
};

}  // namespace mn::test
