// The app's start-up path, run once in a throw-away instance of the module inside a worker (web/wasm-warmup.js),
// before the page's own instance starts.
//
// Why: browsers compile WebAssembly lazily, each function on its first call and on the thread that calls it. The
// page's start-up calls about 1,300 functions (content and configuration parsing, the font atlas, the first passes
// of the UI): ~100 ms of compiling on the page's main thread on this machine, several times that on a phone, in
// tasks that keep the page from answering. A compiled module handed to a worker shares its compiled code with the
// page, so whatever the worker has called, the page finds compiled.
//
// Nothing here reaches the page: no GL, no SDL, no browser API. The worker answers every import with a stub, so
// this path must not depend on one (it calls none: the app's callbacks to the page are left unset). It runs in
// the worker's own instance, with its own memory, which the worker drops afterwards.
#include <emscripten/emscripten.h>

#include "core/content.hpp"
#include "imgui.h"
#include "platform/input.hpp"
#include "platform/item_registry.hpp"
#include "ui/app.hpp"
#include "ui/mirror.hpp"

extern "C" {

// Static constructors: the page's instance has them run by Emscripten's JavaScript, which this one does not have.
void __wasm_call_ctors();

// dpr, css_width and css_height: the page's canvas, so that the fonts and the layout take the page's own paths.
EMSCRIPTEN_KEEPALIVE void mn_warm_up(float dpr, float css_width, float css_height) {
  __wasm_call_ctors();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  mn::platform::Input::configure(io);
  mn::platform::item_registry_enable();
  mn::ui::App app(mn::ui::AppOptions{});
  mn::Content::builtin();
  while (app.prepare_next_font(dpr)) {
  }
  const ImVec2 display(css_width, css_height);
  for (int pass = 0; pass < 2; ++pass) {  // the first pass measures, the second lays out as the first frame shown
    io.DeltaTime = 1.0f / 60;
    io.DisplaySize = display;
    io.DisplayFramebufferScale = ImVec2(dpr, dpr);
    ImGui::NewFrame();
    mn::ui::mirror::begin_frame();
    app.draw(mn::ui::FrameContext{display, false});  // as the page's first frames: no input yet
    mn::ui::mirror::end_frame();
    ImGui::Render();
    mn::platform::item_registry_publish();
    (void)mn::ui::mirror::json();
  }
}

}  // extern "C"
