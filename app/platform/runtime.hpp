#pragma once
// The running app, for the JavaScript API (js_api.cpp). Defined in main_web.cpp.
#include "ui/screens.hpp"

namespace mn::platform {
const ui::AppState& current_app_state();
}  // namespace mn::platform
