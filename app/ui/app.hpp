#pragma once
// The whole UI: navigation between screens, the top bar, language, and the frame's layout.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "imgui.h"
#include "ui/screens.hpp"

namespace mn::ui {

struct AppOptions {
  std::string lang;  // "en" / "es" from the URL or a remembered preference; empty = the clinic's default
  std::string mode;  // "patient" / "consult" / "kiosk" from the URL; empty = the clinic's default
  bool setup = false;  // the clinic setup editor (setup.html), not the patient app
};

struct FrameContext {
  ImVec2 display;  // CSS pixels
  bool touch;      // the last input came from a touch screen
};

class App {
 public:
  explicit App(const AppOptions& options);

  // Builds the next font role not yet built for this device pixel ratio (theme.hpp): its atlas, whose texture must
  // be (re-)uploaded, or nullptr once all are ready.
  ImFontAtlas* prepare_next_font(float dpr);
  // Draws one frame of the UI (between ImGui::NewFrame and ImGui::Render).
  void draw(const FrameContext& frame);
  // True while an animation runs and frames must keep coming without input.
  bool wants_frames() const { return state_.animating; }

  static ImVec4 background();

  // Applies a clinic's own configuration (clinic.json text as fetched; `source` names it in messages).
  // Bad values fall back to the built-in demo clinic; every problem is listed in a banner.
  void set_clinic_config(std::string_view json_text, std::string_view source);
  // The clinic's logo (brand.logo), uploaded by the platform as a texture of width × height pixels: drawn at the top
  // left instead of the app's own mark. A null id goes back to the mark.
  void set_logo(ImTextureID texture, int width, int height) {
    logo_ = texture;
    logo_aspect_ = height > 0 ? static_cast<float>(width) / static_cast<float>(height) : 0.0f;
  }
  bool has_logo() const { return logo_ != nullptr && logo_aspect_ > 0.0f; }
  // Letters beyond the app's own fonts that the clinic's texts need (and, in the setup editor, the document's), sorted:
  // the platform fetches the font slices that hold them (theme.hpp, add_glyph_font).
  std::vector<char32_t> glyphs_wanted() const;
  // The setup editor (setup.html): the editor's state (a file to open, unsaved work kept by the browser).
  SetupState& setup() { return state_.setup; }
  // A configuration that could not even be fetched (e.g. ?config= naming another site).
  void set_clinic_config_error(std::string_view source, std::string_view message);
  // `code`'s content could not be fetched (or arrived damaged). English: the screens that need it offer to try
  // again. Another language: back to English if it is still the one asked for.
  void language_failed(std::string_view code);

  // Called when the person picks a language, so the platform can remember it as a preference.
  void (*on_language_chosen)(Lang) = nullptr;
  // Called when everything a person entered is forgotten (consult "New patient", kiosk idle reset), so the
  // platform can clear what lives outside the app too (URL fragment, storage, accessibility mirror).
  void (*on_forget_person)(Mode) = nullptr;
  // Called when the mode is known or changes (the page adapts: kiosk disables selection and context menus).
  void (*on_mode)(Mode) = nullptr;

  // Call after every frame that drew in full: its place is where the person returns to after a crash.
  void frame_finished() { last_good_ = state_.place(); }
  // After a frame that stopped half-way (web: an abort or a trap, caught in JavaScript; ImGui's frame already closed
  // by the platform): back to the last place that drew in full, with a calm message and "Try again". If the crash
  // happened there (the place itself cannot be drawn), back to Home. Answers and plan stay in memory.
  void recover_from_crash();

  // Kiosk: with `idle_seconds` since the last input, starts over once the clinic's idle timeout has passed.
  // Returns true when it did (the frame must be redrawn).
  bool idle(double idle_seconds);
  Mode mode() const { return state_.mode; }

  // For the JavaScript API and tests: the current screen's id ("home", "learn", …) and language.
  const char* screen_id() const;
  // Where the person is, finer than the screen: "candidacy/3" (a step), "candidacy/results", "attract" (kiosk) …
  std::string place_id() const;
  // The page's title: the clinic's name and what the guide does, in the language shown.
  std::string page_title() const;
  // Goes to a place named as place_id() names it (the browser's back and forward: the URL fragment holds the place,
  // never an answer). False, and nothing changes, for a name that is not a place (or "attract").
  bool go_to_place(std::string_view id);
  const AppState& state() const { return state_; }
  AppState& state() { return state_; }  // for the JavaScript API's calls that change it (platform/runtime.hpp)
  std::string_view language() const;

 private:
  void apply_mode(Mode mode);
  void forget_person();
  void draw_top_bar();
  void draw_new_patient_confirmation();
  void draw_navigation();
  void draw_content();

  AppState state_;
  bool style_touch_ = false;
  bool style_set_ = false;
  std::optional<Rgb> brand_applied_;
  ImTextureID logo_ = nullptr;  // the clinic's logo (set_logo), or none
  std::vector<char32_t> clinic_glyphs_;  // the clinic configuration's letters beyond the app's fonts
  float logo_aspect_ = 0.0f;  // the clinic's brand colour the palette was last made from
  Place last_good_;
  std::uint64_t assets_seen_ = 0;  // core/assets.hpp's version the screens last computed with
};

}  // namespace mn::ui
