#pragma once
// The running app, for the JavaScript API (js_api.cpp). Defined in main_web.cpp.
#include "ui/app.hpp"
#include "ui/screens.hpp"

namespace mn::platform {
// What the app shows now: for the calls that only read it.
const ui::AppState& current_app_state();
// The same state, for the calls that change it (open a share link, the clipboard's answer).
ui::AppState& mutable_app_state();
// The app itself, for the calls that go through it (browser history: go_to_place).
ui::App& mutable_app();
}  // namespace mn::platform
