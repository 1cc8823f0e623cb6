#include "platform/input.hpp"

#include <cfloat>
#include <cmath>

#include "imgui_internal.h"
#include "platform/browser.hpp"
#include "ui/widgets.hpp"

namespace mn::platform {
namespace {

// prefers-reduced-motion, asked of the page each time (it can change while the app runs); the UI asks too.
bool reduce_motion() { return mn_js_prefers_reduced_motion() != 0; }
const bool g_motion_query = [] {
  ui::set_motion_query(reduce_motion);
  return true;
}();

constexpr float kDragThreshold = 10.0f;   // CSS px a finger moves before a tap becomes a scroll
constexpr float kInertiaDecay = 4.5f;      // 1/s, exponential
constexpr float kInertiaStop = 25.0f;      // px/s below which inertia ends
constexpr Uint32 kRestMs = 80;             // a finger still this long before lifting ends the scroll without a fling
const ImVec2 kNoPointer(-FLT_MAX, -FLT_MAX);

float dist(ImVec2 a, ImVec2 b) { return std::hypot(a.x - b.x, a.y - b.y); }

// The nearest window at or above `w` that can scroll vertically.
ImGuiWindow* scrollable(ImGuiWindow* w) {
  while (w && w->ScrollMax.y <= 0.0f) w = w->ParentWindow;
  return w;
}

// The front-most window under a point (ImGui's own lookup is private and needs the pointer to be there).
ImGuiWindow* window_at(ImVec2 p) {
  ImGuiContext& g = *GImGui;
  for (int i = g.Windows.Size - 1; i >= 0; --i) {
    ImGuiWindow* w = g.Windows[i];
    // Called between NewFrame and the windows' Begin: "was active" is last frame's state, the one on screen.
    if (!w->WasActive || w->Hidden || (w->Flags & ImGuiWindowFlags_NoMouseInputs)) continue;
    if (w->OuterRectClipped.Contains(p)) return w;
  }
  return nullptr;
}

// A slider or drag widget owns the finger: the drag changes its value, not the scroll position.
// (A press on a window's empty space makes its move handle active with every nav direction claimed: not a slider.)
bool slider_active() {
  const ImGuiContext& g = *GImGui;
  if (g.ActiveId == 0 || g.ActiveIdUsingNavDirMask == ~0u) return false;
  if (g.ActiveIdWindow && g.ActiveId == g.ActiveIdWindow->MoveId) return false;
  return (g.ActiveIdUsingNavDirMask & ((1u << ImGuiDir_Left) | (1u << ImGuiDir_Right))) != 0;
}

}  // namespace

void Input::configure(ImGuiIO& io) {
  const struct { ImGuiKey_ key; SDL_Scancode code; } map[] = {
      {ImGuiKey_Tab, SDL_SCANCODE_TAB},         {ImGuiKey_LeftArrow, SDL_SCANCODE_LEFT},
      {ImGuiKey_RightArrow, SDL_SCANCODE_RIGHT}, {ImGuiKey_UpArrow, SDL_SCANCODE_UP},
      {ImGuiKey_DownArrow, SDL_SCANCODE_DOWN},   {ImGuiKey_PageUp, SDL_SCANCODE_PAGEUP},
      {ImGuiKey_PageDown, SDL_SCANCODE_PAGEDOWN}, {ImGuiKey_Home, SDL_SCANCODE_HOME},
      {ImGuiKey_End, SDL_SCANCODE_END},          {ImGuiKey_Insert, SDL_SCANCODE_INSERT},
      {ImGuiKey_Delete, SDL_SCANCODE_DELETE},    {ImGuiKey_Backspace, SDL_SCANCODE_BACKSPACE},
      {ImGuiKey_Space, SDL_SCANCODE_SPACE},      {ImGuiKey_Enter, SDL_SCANCODE_RETURN},
      {ImGuiKey_Escape, SDL_SCANCODE_ESCAPE},    {ImGuiKey_KeyPadEnter, SDL_SCANCODE_KP_ENTER},
      {ImGuiKey_A, SDL_SCANCODE_A}, {ImGuiKey_C, SDL_SCANCODE_C}, {ImGuiKey_V, SDL_SCANCODE_V},
      {ImGuiKey_X, SDL_SCANCODE_X}, {ImGuiKey_Y, SDL_SCANCODE_Y}, {ImGuiKey_Z, SDL_SCANCODE_Z},
  };
  for (const auto& m : map) io.KeyMap[m.key] = m.code;
  io.ConfigWindowsMoveFromTitleBarOnly = true;
  io.ConfigInputTextCursorBlink = false;  // a blinking cursor would keep the app from idling
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.IniFilename = nullptr;  // nothing is stored
  io.LogFilename = nullptr;
}

void Input::push_pos(ImVec2 p, bool touch) { queue_.emplace_back(Event::Pos, touch, p); }

void Input::push_text(const std::string& utf8) {
  Event t(Event::Text);
  t.text = utf8;
  queue_.push_back(std::move(t));
}

void Input::push_key_tap(int scancode) {
  for (bool down : {true, false}) {
    Event k(Event::Key);
    k.key = scancode;
    k.down = down;
    queue_.push_back(k);
  }
}

void Input::push_button(int button, bool down, bool touch) {
  Event e(Event::Button, touch);
  e.button = button;
  e.down = down;
  queue_.push_back(e);
}

void Input::handle(const SDL_Event& e, ImVec2 display) {
  switch (e.type) {
    case SDL_MOUSEMOTION:
      if (e.motion.which == SDL_TOUCH_MOUSEID) break;
      last_touch_ = false;
      push_pos(ImVec2(static_cast<float>(e.motion.x), static_cast<float>(e.motion.y)), false);
      break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP: {
      if (e.button.which == SDL_TOUCH_MOUSEID) break;
      int b = e.button.button == SDL_BUTTON_LEFT ? 0 : e.button.button == SDL_BUTTON_RIGHT ? 1
            : e.button.button == SDL_BUTTON_MIDDLE ? 2 : -1;
      if (b < 0) break;
      last_touch_ = false;
      push_pos(ImVec2(static_cast<float>(e.button.x), static_cast<float>(e.button.y)), false);
      push_button(b, e.type == SDL_MOUSEBUTTONDOWN, false);
      break;
    }
    case SDL_MOUSEWHEEL:
      // SDL normalises the browser's vertical delta (pixels / 100, lines / 3); horizontal comes raw in pixels.
      wheel_y_ += e.wheel.preciseY;
      wheel_x_ += e.wheel.preciseX / 100.0f;
      break;
    case SDL_WINDOWEVENT:
      if (e.window.event == SDL_WINDOWEVENT_LEAVE && !finger_down_) push_pos(kNoPointer, false);
      break;
    case SDL_FINGERDOWN: {
      if (finger_down_) break;  // only the first finger drives the pointer
      ImVec2 p(e.tfinger.x * display.x, e.tfinger.y * display.y);
      finger_ = e.tfinger.fingerId;
      finger_down_ = true;
      last_touch_ = true;
      touch_start_ = touch_last_ = p;
      last_motion_ms_ = e.tfinger.timestamp;
      scroll_mode_ = scroll_begin_ = false;
      velocity_ = inertia_ = 0.0f;
      pending_dx_ = pending_dy_ = 0.0f;
      push_pos(p, true);
      push_button(0, true, true);  // applied one frame after the move (see apply())
      break;
    }
    case SDL_FINGERMOTION: {
      if (!finger_down_ || e.tfinger.fingerId != finger_) break;
      ImVec2 p(e.tfinger.x * display.x, e.tfinger.y * display.y);
      if (!scroll_mode_ && dist(p, touch_start_) > kDragThreshold && !slider_active()) {
        // The tap becomes a scroll: withdraw the press if it is still queued, else release it off-target.
        const bool press_queued = drop_queued_touch();
        push_pos(kNoPointer, true);
        if (!press_queued) push_button(0, false, true);
        scroll_mode_ = scroll_begin_ = true;
      }
      if (scroll_mode_) {
        float dy = p.y - touch_last_.y;
        pending_dy_ += dy;
        float dt = ImMax(static_cast<float>(e.tfinger.timestamp - last_motion_ms_), 4.0f) / 1000.0f;
        velocity_ = 0.6f * velocity_ + 0.4f * (dy / dt);
      } else {
        push_pos(p, true);
      }
      touch_last_ = p;
      last_motion_ms_ = e.tfinger.timestamp;
      break;
    }
    case SDL_FINGERUP: {
      if (!finger_down_ || e.tfinger.fingerId != finger_) break;
      finger_down_ = false;
      if (scroll_mode_) {
        scroll_mode_ = false;
        // A fling keeps going; a drag that came to rest before the finger lifted stops where it is.
        bool resting = e.tfinger.timestamp - last_motion_ms_ > kRestMs;
        inertia_ = !resting && std::fabs(velocity_) > kInertiaStop * 2 && !reduce_motion() ? velocity_ : 0.0f;
      } else {
        ImVec2 p(e.tfinger.x * display.x, e.tfinger.y * display.y);
        push_pos(p, true);
        push_button(0, false, true);
        push_pos(kNoPointer, true);  // the frame after release: no hover left behind
      }
      break;
    }
    case SDL_KEYDOWN:
    case SDL_KEYUP: {
      Event k(Event::Key);
      k.key = e.key.keysym.scancode;
      // 1.86's Tab only cycles text fields and Enter only edits them. Here Tab and Shift+Tab move through every
      // control in reading order (see take_tab; a text field reached is edited at once), and Enter presses a control
      // like Space; in a text field being edited, Enter ends the editing.
      if (k.key == SDL_SCANCODE_TAB) {
        if (e.type == SDL_KEYDOWN) tab_ += (e.key.keysym.mod & KMOD_SHIFT) ? -1 : 1;
        break;
      }
      if ((k.key == SDL_SCANCODE_RETURN || k.key == SDL_SCANCODE_KP_ENTER) && !ImGui::GetIO().WantTextInput)
        k.key = SDL_SCANCODE_SPACE;
      k.down = e.type == SDL_KEYDOWN;
      queue_.push_back(k);
      break;
    }
    case SDL_TEXTINPUT: {
      Event t(Event::Text);
      t.text = e.text.text;
      queue_.push_back(t);
      break;
    }
    default:
      break;
  }
}

bool Input::drop_queued_touch() {
  bool press_queued = false;
  for (auto it = queue_.begin(); it != queue_.end();) {
    if (it->touch) {
      press_queued |= it->kind == Event::Button;
      it = queue_.erase(it);
    } else {
      ++it;
    }
  }
  return press_queued;
}

void Input::cancel_touch() {
  if (!finger_down_) return;
  finger_down_ = false;
  const bool press_queued = drop_queued_touch();
  // A press ImGui has already seen is released away from every widget, so it is not a click.
  push_pos(kNoPointer, true);
  if (!press_queued && !scroll_mode_) push_button(0, false, true);
  scroll_mode_ = scroll_begin_ = false;
  velocity_ = inertia_ = 0.0f;
  pending_dx_ = pending_dy_ = 0.0f;
}

void Input::apply(ImGuiIO& io) {
  bool pos_changed = false, button_changed = false, touch_pos_changed = false;
  bool key_changed[512] = {};
  while (!queue_.empty()) {
    Event& e = queue_.front();
    if (e.kind == Event::Pos) {
      if (button_changed) break;  // keep the pointer where the button changed for one frame
      io.MousePos = e.pos;
      pos_changed = true;
      touch_pos_changed |= e.touch;
    } else if (e.kind == Event::Button) {
      if (button_changed || (e.touch && touch_pos_changed)) break;  // touch: press a frame after the move
      io.MouseDown[e.button] = e.down;
      button_changed = true;
    } else if (e.kind == Event::Key) {
      if (e.key < 0 || e.key >= 512) { queue_.pop_front(); continue; }
      if (key_changed[e.key]) break;
      io.KeysDown[e.key] = e.down;
      key_changed[e.key] = true;
    } else {
      io.AddInputCharactersUTF8(e.text.c_str());
    }
    queue_.pop_front();
  }
  (void)pos_changed;
  SDL_Keymod mods = SDL_GetModState();
  io.KeyCtrl = (mods & KMOD_CTRL) != 0;
  io.KeyShift = (mods & KMOD_SHIFT) != 0;
  io.KeyAlt = (mods & KMOD_ALT) != 0;
  io.KeySuper = (mods & KMOD_GUI) != 0;
  io.MouseWheel = wheel_y_;
  io.MouseWheelH = wheel_x_;
  wheel_x_ = wheel_y_ = 0.0f;
}

void Input::update_scroll(float dt) {
  if (scroll_begin_) {
    // The drag scrolls whatever was under the finger where it went down (even on a slow device where the
    // press never reached ImGui before the drag began).
    scroll_begin_ = false;
    ImGuiWindow* w = scrollable(window_at(touch_start_));
    scroll_window_ = w ? w->ID : 0;
    ImGui::ClearActiveID();
  }
  // What the finger moved since the last frame (all of it, even if it already lifted), then any fling.
  float dy = pending_dy_;
  pending_dy_ = 0.0f;
  if (!scroll_mode_ && inertia_ != 0.0f) {
    dy += inertia_ * dt;
    inertia_ *= std::exp(-kInertiaDecay * dt);
    if (std::fabs(inertia_) < kInertiaStop) inertia_ = 0.0f;
  }
  if (dy == 0.0f || scroll_window_ == 0) return;
  if (ImGuiWindow* w = ImGui::FindWindowByID(scroll_window_)) {
    float target = ImClamp(w->Scroll.y - dy, 0.0f, w->ScrollMax.y);
    if (target == w->Scroll.y) inertia_ = 0.0f;  // hit an end: stop
    ImGui::SetScrollY(w, target);
  } else {
    inertia_ = 0.0f;
  }
}

}  // namespace mn::platform
