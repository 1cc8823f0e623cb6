// The browser entry point: SDL2 window + WebGL2 context, Dear ImGui, and a main loop that draws only
// when something changed (input, resize, a pixel-ratio change, an animation) and otherwise pauses.
#include <SDL.h>
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "imgui.h"
#include "core/assets.hpp"
#include "core/content.hpp"
#include "core/json_parse.hpp"
#include "imgui_internal.h"
#include "platform/browser.hpp"
#include "platform/input.hpp"
#include "platform/item_registry.hpp"
#include "platform/renderer.hpp"
#include "platform/runtime.hpp"
#include "ui/app.hpp"
#include "ui/mirror.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"

extern "C" void mn_wake();  // below

namespace {

constexpr int kFramesAfterInput = 4;   // hover → active → settled layout takes a few frames in ImGui
// At start: the first pass only measures (ImGui settles the layout in the second, the first frame shown); the third
// checks the shaders (Renderer::check) and, with nothing new to show, sends nothing to the GPU.
constexpr int kFramesAtStart = 3;
constexpr int kIdleFramesBeforePause = 2;

struct Runtime {
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  mn::platform::Renderer renderer;
  mn::platform::Input input;
  std::unique_ptr<mn::ui::App> app;
  int frames_to_draw = kFramesAtStart;
  int idle_frames = 0;
  unsigned frames_drawn = 0;      // passes of the UI (what tests wait on); a pass that changes nothing draws nothing
  unsigned frames_presented = 0;  // frames actually drawn on the canvas
  double css_w = 0, css_h = 0, dpr = 0;
  Uint64 last_counter = 0;
  bool paused = false;
  double last_input_ms = 0;
  std::uint64_t mirror_version = 0;
  int startup_step = 0;
  int crashes_in_a_row = 0;       // frames that stopped half-way since the last one that finished
  unsigned crashes = 0;           // all of them (tests: mn_state_json)
  double slowest_pass_ms = 0;     // the longest UI pass (NewFrame … Render) since start, for tests: mn_state_json
  std::vector<mn::ui::AppState> snapshots;  // tests: mn_test_snapshot / mn_test_restore
  int crash_test = 0;             // tests: make the next UI pass stop half-way (1: abort(), 2: a trap)
  mn::AssetFiles incoming;        // content packs received, not yet added (their JSON is parsed first, see below)
  std::size_t incoming_parsed = 0;
  bool gl_lost = false;           // the WebGL context is lost: nothing is drawn until it is restored
  std::string place_shown;        // the place the address's fragment names (browser history: mn_js_show_place)
  std::string title_shown;        // the page's title (the clinic's name first)
  int edges_shown = -1;           // the content's scroll edges last told to the page (mn_js_scroll_edges)
  bool typing_shown = false;      // a text field is being edited: the page's text agent has the focus (mn_js_text_agent)
  ImVec2 caret_shown{-1, -1};
  std::string clipboard;          // what the app last copied (ImGui's Ctrl+C in a text field)
  std::set<char32_t> glyphs_asked;  // letters the page was asked to fetch (mn_js_want_glyphs)
  Uint32 touch_cancel_event = 0;  // an SDL event of ours: the browser took the finger (mn_touch_cancel)
};
Runtime* rt = nullptr;

// Where the content window's scroll stands at the last frame: bit 1 at its top, bit 2 at its bottom (both: nothing to
// scroll, or no content window).
int scroll_edges() {
  const ImGuiWindow* content = ImGui::FindWindowByName("content");
  if (!content) return 3;
  return (content->Scroll.y <= 0.5f ? 1 : 0) | (content->Scroll.y >= content->ScrollMax.y - 0.5f ? 2 : 0);
}

// Keeps the canvas backing store at CSS size × devicePixelRatio. Returns true when anything changed.
bool sync_canvas_size() {
  double w = 0, h = 0;
  emscripten_get_element_css_size("#canvas", &w, &h);
  double dpr = std::clamp(emscripten_get_device_pixel_ratio(), 0.5, 4.0);
  if (w == rt->css_w && h == rt->css_h && dpr == rt->dpr) return false;
  rt->css_w = std::max(w, 1.0);
  rt->css_h = std::max(h, 1.0);
  rt->dpr = dpr;
  emscripten_set_canvas_element_size("#canvas", static_cast<int>(std::lround(rt->css_w * dpr)),
                                     static_cast<int>(std::lround(rt->css_h * dpr)));
  rt->renderer.invalidate();
  return true;
}

// Start-up work, one piece per animation frame, so that no single task keeps the page busy for long (a phone's
// slower CPU makes each several times longer): the app with its clinic configuration, then the content, then the
// fonts (a role per frame); the first frame follows. Returns false once everything is ready.
bool starting_up() {
  switch (rt->startup_step) {
    case 0: {
      mn::ui::on_language_wanted = [](mn::Lang lang) { mn_js_request_language(std::string(mn::lang_code(lang)).c_str()); };
      rt->app = std::make_unique<mn::ui::App>(
          mn::ui::AppOptions{mn_js_language_preference(), mn_js_query_param("mode"), mn_js_query_param("setup") == "1"});
      mn::ui::setup_platform().download = [](const std::string& name, const std::string& text) {
        mn_js_download(name.c_str(), text.c_str());
      };
      mn::ui::setup_platform().changed = [](const std::string& json, bool unsaved) {
        mn_js_setup_changed(json.c_str(), unsaved ? 1 : 0);
      };
      // Unsaved work from before a reload: the editor carries on with it (the site's clinic.json does not replace it).
      if (rt->app->setup().active)
        if (const std::string kept = mn_js_setup_kept(); !kept.empty()) mn::ui::setup_restore(rt->app->setup(), kept);
      rt->app->on_language_chosen = [](mn::Lang lang) { mn_js_remember_language(std::string(mn::lang_code(lang)).c_str()); };
      rt->app->on_forget_person = [](mn::Mode) {
        mn_js_forget_person();
        rt->place_shown.clear();  // the next person's first place replaces the history entry, it does not add one
      };
      rt->app->on_mode = [](mn::Mode mode) { mn_js_set_mode(std::string(mn::mode_name(mode)).c_str()); };
      mn_js_set_mode(std::string(mn::mode_name(rt->app->mode())).c_str());

      rt->input.assume_touch(mn_js_coarse_pointer() != 0);
      mn_js_install_listeners();
      mn_js_install_api();
      break;
    }
    case 1:
      mn::Content::builtin();  // parses the built-in content (every screen's text)
      break;
    case 2:  // the fonts, one role per frame: this step repeats until every role is built
      if (ImFontAtlas* atlas = rt->app->prepare_next_font(static_cast<float>(rt->dpr))) {
        rt->renderer.upload_fonts(*atlas);
        return true;
      }
      break;
    default:
      return false;
  }
  ++rt->startup_step;
  return true;
}

// A content pack (English's ~150 kB of JSON) read in at once was one task of 30-150 ms, the longest of the
// start-up. Its JSON files are parsed one per frame instead (mn::parse_json_ahead), and the pack is added only then:
// the content reload that follows finds every file parsed. Returns true while files are waiting.
bool taking_in_content() {
  if (rt->incoming.empty()) return false;
  if (rt->incoming_parsed < rt->incoming.size()) {
    const auto& [path, data] = rt->incoming[rt->incoming_parsed++];
    if (path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0) mn::parse_json_ahead(data);
    return true;
  }
  mn::add_asset_files(rt->incoming);
  rt->incoming.clear();
  rt->incoming_parsed = 0;
  rt->frames_to_draw = std::max(rt->frames_to_draw, kFramesAfterInput);  // show what the content changes
  return false;
}

// Tests of the crash guard (mn_test_crash): a frame stops half-way, as a bug would stop it.
void crash_for_test() {
  const int kind = rt->crash_test;
  rt->crash_test = 0;
  if (kind == 1) std::abort();
  if (kind == 2) __builtin_trap();
}

// WebGL context loss (a phone puts a background tab's GPU memory to other use; a driver resets): the app's state
// stays as it is, nothing is drawn meanwhile, and on restore every GL object and font texture is made again. The
// lost event is cancelled (returning true), without which the browser would never restore the context.
EM_BOOL on_gl_lost(int, const void*, void*) {
  rt->gl_lost = true;
  mn_js_gl_lost(mn::ui::tr("gl.lost"), mn::ui::tr("gl.reload"));
  return EM_TRUE;
}

EM_BOOL on_gl_restored(int, const void*, void*) {
  rt->gl_lost = false;
  rt->renderer.restore();
  mn::ui::forget_fonts();
  mn_js_gl_restored();
  mn_wake();
  return EM_TRUE;
}

void frame() {
  if (rt->gl_lost) {  // wait for webglcontextrestored (on_gl_restored wakes the loop)
    rt->paused = true;
    emscripten_pause_main_loop();
    return;
  }
  if (starting_up()) return;
  const bool taking_in = taking_in_content();
  ImGuiIO& io = ImGui::GetIO();
  bool changed = sync_canvas_size();
  ImVec2 display(static_cast<float>(rt->css_w), static_cast<float>(rt->css_h));

  SDL_Event e;
  bool had_input = false;
  while (SDL_PollEvent(&e)) {
    if (rt->touch_cancel_event && e.type == rt->touch_cancel_event)
      rt->input.cancel_touch();
    else
      rt->input.handle(e, display);
    had_input = true;
  }
  if (had_input) rt->last_input_ms = emscripten_get_now();
  if (had_input || changed) rt->frames_to_draw = kFramesAfterInput;
  if (rt->input.busy() || rt->app->wants_frames()) rt->frames_to_draw = std::max(rt->frames_to_draw, 1);

  if (rt->frames_to_draw <= 0) {
    if (taking_in) return;  // the loop runs on until the content is in
    // Nothing to show: stop the loop until the browser reports input, a resize or a timer (browser.js).
    if (++rt->idle_frames >= kIdleFramesBeforePause) {
      rt->paused = true;
      emscripten_pause_main_loop();
    }
    return;
  }
  rt->idle_frames = 0;
  --rt->frames_to_draw;

  // Letters beyond the app's own fonts that the clinic's texts need: those already fetched are merged into the fonts
  // (rebuilt just below); the page is asked once for each of the others (browser.js fetches their font slices).
  if (const std::vector<char32_t> wanted = rt->app->glyphs_wanted(); !wanted.empty()) {
    mn::ui::set_glyphs_needed(wanted);
    std::string ask;
    for (char32_t c : wanted)
      if (rt->glyphs_asked.insert(c).second) ask += (ask.empty() ? "" : ",") + std::to_string(static_cast<unsigned>(c));
    if (!ask.empty()) mn_js_want_glyphs(("[" + ask + "]").c_str());
  }
  while (ImFontAtlas* atlas = rt->app->prepare_next_font(static_cast<float>(rt->dpr))) rt->renderer.upload_fonts(*atlas);

  Uint64 now = SDL_GetPerformanceCounter();
  double dt = rt->last_counter ? double(now - rt->last_counter) / double(SDL_GetPerformanceFrequency()) : 1.0 / 60;
  rt->last_counter = now;
  io.DeltaTime = static_cast<float>(std::clamp(dt, 1.0 / 240, 0.1));  // 1.86 asserts DeltaTime > 0
  io.DisplaySize = display;
  io.DisplayFramebufferScale = ImVec2(static_cast<float>(rt->dpr), static_cast<float>(rt->dpr));
  rt->input.apply(io);

  const double pass_start = emscripten_get_now();
  ImGui::NewFrame();
  rt->input.update_scroll(io.DeltaTime);
  mn::platform::focus_next_item(rt->input.take_tab());
  mn::ui::mirror::begin_frame();
  if (rt->crash_test) crash_for_test();
  rt->app->draw(mn::ui::FrameContext{display, rt->input.last_input_was_touch()});
  mn::ui::mirror::end_frame();
  ImGui::Render();
  mn::platform::item_registry_publish();
  rt->app->frame_finished();
  // Every change of place is a browser history entry (back and forward work; the fragment names the place, never an
  // answer). The kiosk keeps one entry: its visitors have no browser controls, and the next one starts fresh.
  // The tab's title names the clinic, in the language shown (SDL's window title is the page's title).
  if (std::string title = rt->app->page_title(); title != rt->title_shown) {
    SDL_SetWindowTitle(rt->window, title.c_str());
    rt->title_shown = std::move(title);
  }
  // While a text field is edited, the page's text agent (a hidden textarea at its caret) takes the browser's focus,
  // so that an input method, an on-screen keyboard and a paste reach the app; it lets go when the editing ends.
  const ImVec2 caret = GImGui->PlatformImePos;
  const bool caret_moved = caret.x != rt->caret_shown.x || caret.y != rt->caret_shown.y;
  if (const bool typing = io.WantTextInput; typing != rt->typing_shown || (typing && caret_moved)) {
    mn_js_text_agent(typing ? 1 : 0, caret.x, caret.y, ImGui::GetFontSize());
    rt->typing_shown = typing;
    rt->caret_shown = caret;
  }
  if (const int edges = scroll_edges(); edges != rt->edges_shown) {
    mn_js_scroll_edges(edges);
    rt->edges_shown = edges;
  }
  if (std::string place = rt->app->place_id(); place != rt->place_shown) {
    mn_js_show_place(place.c_str(), rt->app->mode() == mn::Mode::kiosk ? 0 : 1);
    rt->place_shown = std::move(place);
  }
  if (rt->frames_drawn > 2) rt->slowest_pass_ms = std::max(rt->slowest_pass_ms, emscripten_get_now() - pass_start);

  // The shaders' link status, asked once the first frame is out (a synchronous query: it waits for the GPU process).
  // Drawing with a program that failed to link shows nothing: say why instead of leaving a blank canvas. check()
  // asks once; later calls answer at once.
  if (rt->frames_presented > 0) {
    if (std::string error; !rt->renderer.check(error)) mn_js_fatal("webgl2", error.c_str());
  }
  const bool measure_only = rt->frames_drawn == 0;
  ++rt->frames_drawn;
  if (!measure_only) {
    int fb_w = 0, fb_h = 0;
    emscripten_webgl_get_drawing_buffer_size(emscripten_webgl_get_current_context(), &fb_w, &fb_h);
    if (rt->renderer.render(*ImGui::GetDrawData(), fb_w, fb_h, mn::ui::App::background()) && ++rt->frames_presented == 1)
      mn_js_first_frame();
  }
  if (mn::ui::mirror::version() != rt->mirror_version) {
    rt->mirror_version = mn::ui::mirror::version();
    mn_js_mirror_update(mn::ui::mirror::json().c_str());
  }
}

// ---------------------------------------------------------------- the crash guard
// The web build has no C++ exceptions: a throw (nlohmann/json without exceptions), abort() or a trap anywhere in a frame
// would stop the whole app, and every answer with it. Instead, each frame runs inside a JavaScript try/catch
// (browser.js mn_js_run_guarded): a frame that stops half-way unwinds to it, the stack pointer is put back, the console
// says "mn-crash: …" (the tests watch for it), ImGui's half-built frame is closed, and the app returns to the last place
// that drew in full with a calm message (ui::App::recover_from_crash). The person's answers are in memory, untouched.
// A crash that repeats frame after frame (the recovery itself failing) ends in the page's error panel, never a blank
// canvas.
constexpr int kMaxCrashesInARow = 3;

void recover_from_crash() {
  ++rt->crashes;
  if (++rt->crashes_in_a_row > kMaxCrashesInARow || !rt->app || rt->startup_step < 3 ||
      (GImGui->WithinFrameScope && mn_js_run_guarded(1) != 0)) {
    emscripten_cancel_main_loop();
    mn_js_fatal(rt->startup_step < 3 ? "crash" : "stopped", "frames stopped half-way several times in a row");
    return;
  }
  rt->app->recover_from_crash();
  rt->frames_to_draw = std::max(rt->frames_to_draw, kFramesAfterInput);
}

void guarded_frame() {
  if (mn_js_run_guarded(0) == 0) {
    if (rt->frames_drawn > 0) rt->crashes_in_a_row = 0;
    return;
  }
  recover_from_crash();
}

}  // namespace

// abort() (nlohmann/json's "throw" without exceptions, libc++'s, ours) unwinds to the frame's guard instead of ending
// the runtime (Emscripten's own abort() stops every later frame and call for good).
extern "C" void abort() {  // (declared noreturn by the C library)
  mn_js_abort();
  __builtin_unreachable();  // mn_js_abort throws; in the warm-up worker (stub imports) this traps instead
}

extern "C" {
EMSCRIPTEN_KEEPALIVE void mn_wake();
// Called by mn_js_run_guarded only.
EMSCRIPTEN_KEEPALIVE void mn_frame_body() { frame(); }
// Closes a frame that stopped half-way: every window, group, ID, style and font left pushed, then the frame.
EMSCRIPTEN_KEEPALIVE void mn_frame_close() {
  ImGui::ErrorCheckEndFrameRecover(nullptr);
  GImGui->FontStack.resize(0);
  ImGui::EndFrame();
}
// Tests (the route explorer): keep the app's state (every answer and choice) and go back to it later, so that each
// widget can be pressed from the same place. Nothing leaves the page's memory; forget_person() does not touch these,
// so only tests call them.
EMSCRIPTEN_KEEPALIVE int mn_test_snapshot() {
  if (!rt || !rt->app) return -1;
  rt->snapshots.push_back(rt->app->state());
  return static_cast<int>(rt->snapshots.size()) - 1;
}
EMSCRIPTEN_KEEPALIVE void mn_test_restore(int id) {
  if (!rt || !rt->app || id < 0 || static_cast<std::size_t>(id) >= rt->snapshots.size()) return;
  rt->app->state() = rt->snapshots[static_cast<std::size_t>(id)];
  rt->app->state().scroll_to_top = true;
  mn_wake();
}
// Tests: the next UI pass stops half-way (1: abort(), 2: a trap), to check the guard.
EMSCRIPTEN_KEEPALIVE void mn_test_crash(int kind) {
  if (!rt) return;
  rt->crash_test = kind;
  mn_wake();
}
}  // extern "C"

namespace mn::platform {
const ui::AppState& current_app_state() { return rt->app->state(); }
ui::AppState& mutable_app_state() { return rt->app->state(); }
ui::App& mutable_app() { return *rt->app; }
}  // namespace mn::platform

// ---- called from JavaScript (browser.js and tests)
extern "C" {

// Resume drawing after input, a resize, a pixel-ratio change or a timer.
EMSCRIPTEN_KEEPALIVE void mn_wake() {
  if (!rt) return;
  rt->frames_to_draw = std::max(rt->frames_to_draw, kFramesAfterInput);
  if (rt->paused) {
    rt->paused = false;
    rt->idle_frames = 0;
    rt->last_counter = 0;
    emscripten_resume_main_loop();
  }
}

// A release event is being handled (browser.js): draw now, in the event, until its input is taken in (a tap's
// release lands a frame after its position), so whatever the press does (copy, share) happens within the gesture.
EMSCRIPTEN_KEEPALIVE void mn_frame_in_gesture() {
  if (!rt || !rt->app || rt->gl_lost || rt->startup_step < 3) return;
  mn_wake();
  for (int i = 0; i < 3; ++i) {
    guarded_frame();
    if (!rt->input.pending()) break;
  }
}

// Once a second in kiosk mode (browser.js): starts over after the clinic's idle timeout.
EMSCRIPTEN_KEEPALIVE void mn_kiosk_tick() {
  if (!rt || !rt->app) return;
  if (rt->last_input_ms == 0) rt->last_input_ms = emscripten_get_now();
  if (rt->app->idle((emscripten_get_now() - rt->last_input_ms) / 1000.0)) mn_wake();
}

// A control of the accessibility mirror was activated (a screen reader's button): press it in the app.
EMSCRIPTEN_KEEPALIVE void mn_mirror_activate(unsigned id) {
  if (rt) rt->last_input_ms = emscripten_get_now();  // a press is activity: the kiosk's idle clock starts over
  mn::ui::mirror::request_activation(id);
  mn_wake();
}

// Where the content's scroll stands (bit 1: at the top, bit 2: at the bottom), for browser.js: inside an iframe a wheel
// the content cannot follow goes on to scroll the host page.
EMSCRIPTEN_KEEPALIVE int mn_scroll_edges() { return rt ? scroll_edges() : 3; }

// The browser took the finger (touchcancel, kept from SDL by browser.js): after the touch events SDL has queued, the
// touch ends without a tap.
EMSCRIPTEN_KEEPALIVE void mn_touch_cancel() {
  if (!rt || !rt->touch_cancel_event) return;
  SDL_Event e{};
  e.type = rt->touch_cancel_event;
  SDL_PushEvent(&e);
  mn_wake();
}

// Passes of the UI since start (idle loop iterations are not counted); frames_presented in mn_state_json() says how
// many of them drew on the canvas.
EMSCRIPTEN_KEEPALIVE unsigned mn_frame_count() { return rt ? rt->frames_drawn : 0; }

// The last frame's named widgets with their rectangles in CSS pixels (see item_registry.hpp).
EMSCRIPTEN_KEEPALIVE const char* mn_items_json() {
  static std::string json;
  json = mn::platform::published_items_json();
  return json.c_str();
}

// The clinic's logo as its configuration names it (brand.logo, a checked relative path), or "": loader.js fetches it.
EMSCRIPTEN_KEEPALIVE const char* mn_clinic_logo() {
  return rt && rt->app ? rt->app->state().clinic.brand.logo.c_str() : "";
}

// The logo's pixels (RGBA, width × height, decoded by loader.js) become a texture drawn in the top bar.
EMSCRIPTEN_KEEPALIVE int mn_set_logo(const unsigned char* rgba, int width, int height) {
  if (!rt || !rt->app || !rgba || width <= 0 || height <= 0 || width > 2048 || height > 2048) return 0;
  std::vector<unsigned char> pixels(rgba, rgba + static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
  ImTextureID id = rt->renderer.upload_picture(std::move(pixels), width, height);
  rt->app->set_logo(id, width, height);
  mn_wake();
  return id ? 1 : 0;
}

// A clinic's clinic.json (raw bytes, as fetched by loader.js) replaces the built-in demo configuration.
EMSCRIPTEN_KEEPALIVE void mn_set_clinic_config(const char* data, int size, const char* source) {
  if (!rt || !rt->app || size < 0) return;
  rt->app->set_clinic_config(std::string_view(data, static_cast<size_t>(size)), source ? source : "clinic.json");
  mn_wake();
}

// A font slice holding letters beyond the app's own fonts (browser.js, asked by mn_js_want_glyphs): its bytes for the
// regular or bold face, and the code points it covers as JSON ([[first, last], …]).
EMSCRIPTEN_KEEPALIVE void mn_add_glyph_font(int bold, const char* data, int size, const char* covers_json) {
  if (!rt || !data || size <= 0 || !covers_json) return;
  const mn::ParsedJson covers = mn::parse_json(covers_json);
  std::vector<std::pair<char32_t, char32_t>> ranges;
  if (covers.ok() && covers.value.is_array())
    for (const mn::Json& r : covers.value)
      if (r.is_array() && r.size() == 2 && r[0].is_number_unsigned() && r[1].is_number_unsigned())
        ranges.emplace_back(r[0].get<char32_t>(), r[1].get<char32_t>());
  mn::ui::add_glyph_font(bold != 0, std::string(data, static_cast<size_t>(size)), std::move(ranges));
  mn_wake();
}

// For tests: how many of the letters the clinic's texts need (App::glyphs_wanted) the fonts still lack (drawn as '?').
EMSCRIPTEN_KEEPALIVE int mn_glyphs_missing() {
  if (!rt || !rt->app) return -1;
  int missing = 0;
  for (char32_t c : rt->app->glyphs_wanted())
    for (mn::ui::FontRole role : {mn::ui::FontRole::Body, mn::ui::FontRole::H1})
      if (const ImFont* f = mn::ui::font(role); !f || c > 0xFFFF || !f->FindGlyphNoFallback(static_cast<ImWchar>(c))) ++missing;
  return missing;
}

// The text agent's input (browser.js): text an input method composed, an on-screen keyboard typed or a paste brought,
// and the keys an on-screen keyboard sends only as edits (0: Backspace, 1: Enter).
EMSCRIPTEN_KEEPALIVE void mn_text_agent_input(const char* utf8) {
  if (!rt || !utf8 || !*utf8) return;
  rt->input.push_text(utf8);
  mn_wake();
}
EMSCRIPTEN_KEEPALIVE void mn_text_agent_key(int which) {
  if (!rt) return;
  rt->input.push_key_tap(which == 1 ? SDL_SCANCODE_RETURN : SDL_SCANCODE_BACKSPACE);
  mn_wake();
}

// An edit made in the accessibility mirror's text box (a screen reader's): the field takes it on its next frame.
EMSCRIPTEN_KEEPALIVE void mn_mirror_set_text(unsigned id, const char* utf8) {
  if (!rt) return;
  mn::ui::mirror::request_text(id, utf8 ? utf8 : "");
  mn_wake();
}

// A clinic.json picked or dropped on the setup page (loader.js): opened in the editor, after a yes when it would
// replace unsaved changes; a file that is not a configuration is refused with the reason, and nothing is lost.
EMSCRIPTEN_KEEPALIVE void mn_setup_open(const char* name, const char* data, int size) {
  if (!rt || !rt->app || size < 0 || !rt->app->setup().active) return;
  mn::ui::setup_offer_file(rt->app->setup(), name ? name : "", std::string(data, static_cast<size_t>(size)));
  mn_wake();
}

// A content pack (raw bytes, fetched by loader.js when its language was first wanted; English's rest right after the
// first frame): checked at once, taken in over the next frames (taking_in_content). Returns 1, or 0 if the pack was
// refused (damaged): then the loader reports the language as failed, as for a failed download.
EMSCRIPTEN_KEEPALIVE int mn_add_asset_pack(const char* data, int size) {
  if (size < 0 || !rt) return 0;
  const std::string problem = mn::read_asset_pack(std::string_view(data, static_cast<size_t>(size)), rt->incoming);
  if (!problem.empty()) std::fprintf(stderr, "content pack refused: %s\n", problem.c_str());
  mn_wake();
  return problem.empty() ? 1 : 0;
}

// A language's pack could not be fetched (offline and never cached, a server error, a damaged pack): English's
// screens then offer to try again; another language goes back to English if it is still the one shown, rather than
// claiming a language it cannot show.
EMSCRIPTEN_KEEPALIVE void mn_language_failed(const char* code) {
  if (!rt || !rt->app) return;
  rt->app->language_failed(code ? code : "");
  mn_wake();
}

// A configuration that could not be fetched: shown in the same banner as a broken one.
EMSCRIPTEN_KEEPALIVE void mn_set_clinic_config_error(const char* source, const char* message) {
  if (!rt || !rt->app) return;
  rt->app->set_clinic_config_error(source ? source : "", message ? message : "");
  mn_wake();
}

// What tests and the page need to know: {"screen","lang","hovered","scroll_y","scroll_max_y","frames","presented",…,
// "lang_ready"} (lang_ready: that language's content is loaded, not shown as English meanwhile).
EMSCRIPTEN_KEEPALIVE const char* mn_state_json() {
  static std::string json;
  if (!rt || !rt->app) return "{}";
  ImGuiContext& g = *GImGui;
  ImGuiWindow* content = ImGui::FindWindowByName("content");
  const ImGuiWindow* modal = ImGui::GetTopMostPopupModal();  // only its widgets can be pressed
  char buf[768];
  std::snprintf(buf, sizeof buf,
                "{\"screen\":\"%s\",\"lang\":\"%s\",\"hovered\":%s,\"scroll_y\":%.1f,\"scroll_max_y\":%.1f,\"frames\":%u,\"presented\":%u,"
                "\"place\":\"%s\",\"modal\":\"%s\",\"crashes\":%u,\"slowest_pass_ms\":%.1f,"
                "\"font_scale\":%.4f,\"dpr\":%.3f,\"config_issues\":%zu,\"banner\":%s,\"mode\":\"%s\",\"attract\":%s,\"nav_id\":%u,\"lang_ready\":%s,\"logo\":%s}",
                rt->app->screen_id(), std::string(rt->app->language()).c_str(), g.HoveredId != 0 ? "true" : "false",
                content ? content->Scroll.y : 0.0f, content ? content->ScrollMax.y : 0.0f, rt->frames_drawn, rt->frames_presented,
                rt->app->place_id().c_str(), modal ? modal->Name : "", rt->crashes, rt->slowest_pass_ms,
                ImGui::GetIO().FontGlobalScale, rt->dpr,
                rt->app->state().config_issues.size(), rt->app->state().config_banner_hidden ? "false" : "true",
                std::string(mn::mode_name(rt->app->mode())).c_str(), rt->app->state().attract ? "true" : "false", g.NavId,
                mn::language_available(rt->app->state().lang) ? "true" : "false", rt->app->has_logo() ? "true" : "false");
  json = buf;
  return json.c_str();
}

}  // extern "C"

int main() {
  SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");  // leave the host page's keys alone
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");                  // touch is handled as touch (input.cpp)
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    mn_js_fatal("video", SDL_GetError());
    return 1;
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

  static Runtime runtime;
  rt = &runtime;
  if (const Uint32 type = SDL_RegisterEvents(1); type != static_cast<Uint32>(-1)) rt->touch_cancel_event = type;
  sync_canvas_size();
  rt->window = SDL_CreateWindow("Microneedling Navigator", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED,
                                static_cast<int>(rt->css_w), static_cast<int>(rt->css_h),
                                SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  rt->gl = rt->window ? SDL_GL_CreateContext(rt->window) : nullptr;
  if (!rt->gl) {
    mn_js_fatal("webgl2", SDL_GetError());
    return 1;
  }
  rt->css_w = rt->css_h = 0;  // SDL resized the canvas: measure again
  sync_canvas_size();

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  mn::platform::Input::configure(ImGui::GetIO());
  // ImGui's copy and cut in a text field go to the system clipboard (a paste arrives through the text agent).
  ImGui::GetIO().SetClipboardTextFn = [](void*, const char* text) {
    rt->clipboard = text ? text : "";
    mn_js_write_clipboard(rt->clipboard.c_str());
  };
  ImGui::GetIO().GetClipboardTextFn = [](void*) -> const char* { return rt->clipboard.c_str(); };
  mn::platform::item_registry_enable();
  rt->renderer.init();
  emscripten_set_webglcontextlost_callback("#canvas", nullptr, EM_FALSE, on_gl_lost);
  emscripten_set_webglcontextrestored_callback("#canvas", nullptr, EM_FALSE, on_gl_restored);
  emscripten_set_main_loop(guarded_frame, 0, false);
  return 0;
}
