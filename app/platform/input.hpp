#pragma once
// SDL2 events → Dear ImGui 1.86 input, with what 1.86 lacks on the web done by hand:
//  - an event queue that applies at most one button change per frame, so a quick click is never lost;
//  - touch: the press arrives one frame after the pointer moves (so a tap works on the first try), and the
//    pointer is cleared one frame after release (no sticky hover);
//  - drag-to-scroll with inertia for touch screens (ImGui has none), which cancels the pressed widget;
//  - wheel and trackpad deltas kept fractional (1.86's SDL backend keeps only the sign).
#include <SDL.h>

#include <deque>
#include <string>

#include "imgui.h"

namespace mn::platform {

class Input {
 public:
  // Sets up ImGui's key map. Call once after ImGui::CreateContext().
  static void configure(ImGuiIO& io);

  // Takes one SDL event. `display` is the window size in CSS pixels (finger events are normalised).
  void handle(const SDL_Event& e, ImVec2 display);

  // Text and keys from the page's text agent (browser.js: an input method's composed text, an on-screen keyboard,
  // a paste), in order with the rest.
  void push_text(const std::string& utf8);
  void push_key_tap(int scancode);  // pressed, then released on the next frame

  // Before ImGui::NewFrame(): applies the queued events that belong to this frame.
  void apply(ImGuiIO& io);

  // After ImGui::NewFrame(): turns a touch drag into scrolling of the window under the finger, with inertia.
  void update_scroll(float dt);

  // True while something still has to be delivered or animated: keep drawing frames.
  bool pending() const { return !queue_.empty(); }  // input not yet handed to ImGui
  bool busy() const { return !queue_.empty() || scroll_mode_ || scroll_begin_ || pending_dy_ != 0.0f || inertia_ != 0.0f; }

  // The browser took the finger (touchcancel: it began panning the page, or the system interrupted): the touch ends
  // without a tap, without a fling, and nothing stays pressed or hovered.
  void cancel_touch();

  bool last_input_was_touch() const { return last_touch_; }
  // Before any input: whether to lay out for touch from the start (a phone or tablet), so the first touch does not
  // make targets grow under the finger.
  void assume_touch(bool touch) { last_touch_ = touch; }

  // Tab presses since the last call: +1 forward, -1 back (Shift+Tab).
  int take_tab() {
    int t = tab_;
    tab_ = 0;
    return t;
  }

 private:
  struct Event {
    enum Kind { Pos, Button, Key, Text };
    Event(Kind k, bool from_touch = false, ImVec2 p = ImVec2()) : kind(k), touch(from_touch), pos(p) {}
    Kind kind;
    bool touch = false;
    ImVec2 pos{};
    int button = 0;
    bool down = false;
    int key = 0;
    std::string text;
  };
  void push_pos(ImVec2 p, bool touch);
  // Withdraws the finger's events not yet handed to ImGui; true when a press was among them.
  bool drop_queued_touch();
  void push_button(int button, bool down, bool touch);

  std::deque<Event> queue_;
  int tab_ = 0;
  float wheel_x_ = 0, wheel_y_ = 0;

  // touch state
  SDL_FingerID finger_ = 0;
  bool finger_down_ = false;
  bool last_touch_ = false;
  ImVec2 touch_start_{}, touch_last_{};
  bool scroll_mode_ = false;          // the finger is dragging content
  bool scroll_begin_ = false;         // scroll mode entered, target not yet chosen
  float pending_dy_ = 0, pending_dx_ = 0;
  float velocity_ = 0;                // px/s, for inertia
  Uint32 last_motion_ms_ = 0;
  float inertia_ = 0;                 // current inertial velocity (px/s), 0 when still
  ImGuiID scroll_window_ = 0;
};

}  // namespace mn::platform
