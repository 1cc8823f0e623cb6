#pragma once
// Calls into the page (implemented in browser.js, linked with --js-library).
#include <cstdlib>
#include <string>

extern "C" {
int mn_js_coarse_pointer();                            // the main pointer is a finger (phones, tablets)
void mn_js_install_listeners();                        // wake the paused main loop on input, resize, DPR change
void mn_js_install_api();                              // window.MicroneedlingNavigator (js_api.cpp)
void mn_js_first_frame();                              // hide the loading screen
void mn_js_fatal(const char* what, const char* detail);  // show a readable error instead of a blank canvas
// The WebGL context is lost: if it is not back soon, show `message` with a reload button labelled `reload`.
void mn_js_gl_lost(const char* message, const char* reload);
void mn_js_gl_restored();                                // it is back: the app draws again
char* mn_js_query_param_new(const char* name);         // malloc'd UTF-8 or null
char* mn_js_language_preference_new();                 // ?lang=, else the remembered choice; malloc'd or null
void mn_js_remember_language(const char* code);        // the only thing stored, and only when a person picks it
void mn_js_request_language(const char* code);         // fetch that language's asset pack (loader.js); it arrives
                                                       // through mn_add_asset_pack() or mn_language_failed()
void mn_js_forget_person();                            // clear the URL fragment and anything stored for this person
// The setup editor (setup.html): a file saved as a download, and the configuration being edited, for the preview
// (while `unsaved`, also kept in this browser's storage, across a reload, until it is saved or discarded).
void mn_js_download(const char* filename, const char* text);
void mn_js_setup_changed(const char* json, int unsaved);
char* mn_js_setup_kept_new();                          // the unsaved work kept by mn_js_setup_changed; malloc'd or null
// The text agent: while `active`, a hidden textarea at the caret (x, y: CSS pixels; h: the line's height) holds the
// page's focus for an input method, an on-screen keyboard and paste (mn_text_agent_input, mn_text_agent_key).
void mn_js_text_agent(int active, float x, float y, float h);
void mn_js_write_clipboard(const char* text);
// Fetch the font slices holding these code points (a JSON array), once each; they arrive via mn_add_glyph_font.
void mn_js_want_glyphs(const char* json);          // a copy from a text field; best effort, nothing is answered
// The person is now at `place` (App::place_id()): the address's fragment names it, in a new history entry when
// `push` (else in the current one).
void mn_js_show_place(const char* place, int push);
void mn_js_set_mode(const char* mode);                 // page behaviour per mode (kiosk: no selection, menus, exits)
int mn_js_prefers_reduced_motion();                    // 1 when the person asked for less motion (no inertia, no fades)
int mn_js_run_guarded(int which);                      // 0: mn_frame_body(), 1: mn_frame_close(); 1 if it stopped half-way
[[noreturn]] void mn_js_abort();                       // throws to the nearest mn_js_run_guarded (or the API's caller)
void mn_js_mirror_update(const char* json);            // rebuild the hidden HTML mirror of the screen
// Where the content's scroll stands (bit 1: at its top, bit 2: at its bottom), on a change: inside an iframe, a touch
// drag the content cannot follow is left to the browser, which scrolls the host page on.
void mn_js_scroll_edges(int edges);
}

namespace mn::platform {
// Takes ownership of a malloc'd string from JavaScript.
inline std::string adopt_js_string(char* raw) {
  std::string value = raw ? raw : "";
  std::free(raw);
  return value;
}
}  // namespace mn::platform

// The value of ?name=... in the page URL, or "" when absent.
inline std::string mn_js_query_param(const char* name) { return mn::platform::adopt_js_string(mn_js_query_param_new(name)); }
inline std::string mn_js_setup_kept() { return mn::platform::adopt_js_string(mn_js_setup_kept_new()); }
inline std::string mn_js_language_preference() { return mn::platform::adopt_js_string(mn_js_language_preference_new()); }
