#pragma once
// Shared state of the screens and one draw function per screen (screen_*.cpp).
#include <string>

#include <vector>

#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include "core/candidacy.hpp"
#include "core/candidacy_json.hpp"
#include "core/clinic_config.hpp"
#include "core/clinic_draft.hpp"
#include "core/issues.hpp"
#include "core/lang.hpp"
#include "ui/answers.hpp"
#include "ui/decision_state.hpp"
#include "ui/layout.hpp"
#include "ui/theme.hpp"

namespace mn::ui {

enum class Screen { Home, Learn, Candidacy, Compare, Estimate, Plan, Privacy, Count };

struct LearnState {
  std::string open_section = "what";  // the one open accordion section ("" = none)
  int open_faq = -1;
  // A section (or FAQ row) just opened, to bring into view on the next frame: opening it closed the one open above it,
  // so only then is its header where it will stay ("" / -1 = none).
  std::string scroll_to_section;
  int scroll_to_faq = -1;
};

// The results' words in one language, made from the assessment by the same core functions as assessment_json() (the
// CLI's and the JS API's text): a card per treatment, in the assessment's order.
struct ResultText {
  struct Card {
    std::string name, verdict_label;
    std::vector<ReasonText> reasons;
  };
  std::vector<Card> cards;         // parallel to Assessment::treatments
  std::vector<std::string> notes;  // about the skin type (the self-test)
};

struct CandidacyState {
  Answers answers;
  int page = 0;
  bool show_results = false;
  bool review = false;                 // before the results: the questions left without an answer, to answer or skip
  std::set<int> seen;                  // questions the person has moved on from (screen_candidacy.cpp's Question)
  std::optional<Lang> results_lang;    // the language the results were rendered in (none: recompute)
  Assessment assessment;
  ResultText results;
  std::string jump_to;                 // results: the treatment whose card to bring into view (from the summary)
};

// Where a person is: the screen, and on "Am I a candidate?" the step or the results.
struct Place {
  Screen screen = Screen::Home;
  int page = 0;
  bool show_results = false;
  bool review = false;  // the questions left without an answer, before the results
  bool operator==(const Place& o) const {
    return screen == o.screen && page == o.page && show_results == o.show_results && review == o.review;
  }
  bool operator!=(const Place& o) const { return !(*this == o); }
};

// A frame that stopped half-way (web: an abort or a trap, caught by the platform): the screen it happened on, to try
// again, while the person carries on from the last place that drew in full. Nothing the person entered is lost.
struct CrashNotice {
  bool shown = false;
  Place where;
};

// The clinic setup editor (setup.html): the clinic.json being edited.
struct SetupState {
  bool active = false;  // this page is the editor, not the patient app
  ClinicDraft draft;
  std::string shown;          // the document last sent to the preview (and kept by the browser while unsaved)
  bool shown_unsaved = false;
  std::string site_text;      // the site's own clinic.json, which Discard goes back to
  std::set<std::string> more;  // treatments whose further settings are open
  // An action that would replace unsaved changes waits for a yes: opening a file, the demo, discarding.
  enum class Confirm { none, open_file, demo, discard };
  Confirm confirm = Confirm::none;
  std::string offered_name, offered_text;  // the file waiting to be opened
  std::string notice;                      // what the last open did ("Opened …", or why it was refused)
  bool notice_error = false;
  bool restored = false;  // started from unsaved work the browser kept
  std::vector<char32_t> glyphs;  // letters beyond the app's fonts the document's texts need (core/glyphs.hpp)
};
// A file to open in the editor (picked or dropped): at once, or after a yes when there are unsaved changes.
void setup_offer_file(SetupState& s, std::string name, std::string text);
// Unsaved work the browser kept from before a reload: opened as unsaved.
void setup_restore(SetupState& s, const std::string& text);

// What the setup editor needs from the browser (set by app/platform; unset in native builds).
struct SetupPlatform {
  void (*download)(const std::string& filename, const std::string& text) = nullptr;  // saves a file (a download)
  // The document after a change: the preview shows it; while `unsaved`, the browser keeps it (across a reload) and
  // forgets it once saved or discarded.
  void (*changed)(const std::string& json, bool unsaved) = nullptr;
};
SetupPlatform& setup_platform();

struct AppState {
  Screen screen = Screen::Home;
  Lang lang = Lang::en;
  bool lang_chosen = false;           // by the person (URL or remembered preference), not by the clinic default
  ClinicConfig clinic = builtin_clinic_config();
  std::vector<Issue> config_issues;   // problems in the clinic's own clinic.json, shown in a banner
  std::string config_source;          // where that configuration came from
  bool config_banner_hidden = false;
  Mode mode = Mode::patient;          // patient (default), consult (tablet between clinician and patient), kiosk
  bool mode_chosen = false;           // by the URL, not by the clinic default
  bool attract = false;               // kiosk: the "touch to start" screen is showing
  bool confirm_new_patient = false;   // consult: the "New patient" confirmation is open
  LearnState learn;
  CandidacyState candidacy;
  DecisionState decision;
  Layout layout;
  bool scroll_to_top = false;
  bool animating = false;
  bool content_failed = false;         // English's content could not be fetched (offline, never cached): see draw_pending
  Screen privacy_back = Screen::Home;  // where "Back" on the privacy page returns to
  CrashNotice crash;
  TextSize text_size = TextSize::normal;  // the person's reading size (top bar); not a health answer
  SetupState setup;

  Place place() const { return {screen, candidacy.page, candidacy.show_results, candidacy.review}; }
  void go(const Place& p) {
    go(p.screen);
    if (candidacy.page != p.page || candidacy.show_results != p.show_results || candidacy.review != p.review)
      scroll_to_top = true;
    candidacy.page = p.page;
    candidacy.show_results = p.show_results;
    candidacy.review = p.review;
  }

  void go(Screen s) {
    if (s != screen) scroll_to_top = true;
    screen = s;
  }

  // The content changed under the screens (a language's content arrived): what they computed from it is redone.
  void content_reloaded() {
    candidacy.results_lang.reset();
    decision.compare_key.clear();
    decision.estimate_key.clear();
  }

  // Forgets everything a person entered or chose (answers, plan, screen, language choice): the next person
  // starts fresh. The clinic's configuration and the mode stay.
  void forget_person() {
    candidacy = CandidacyState{};
    decision = DecisionState{};
    learn = LearnState{};
    crash = CrashNotice{};
    confirm_new_patient = false;
    screen = Screen::Home;
    scroll_to_top = true;
    lang = clinic.default_language;
    lang_chosen = false;
    text_size = TextSize::normal;
  }
};

// Kiosk: the attract screen inviting the next visitor.
void draw_attract(AppState& st);

// Key of the screen's navigation label in ui.json ("nav.learn", …).
const char* nav_key(Screen s);

void draw_home(AppState& st);
void draw_learn(AppState& st);
void draw_candidacy(AppState& st);
void draw_results(AppState& st);  // the candidacy results, part of the candidacy screen
void draw_compare(AppState& st);
void draw_estimate(AppState& st);
void draw_plan(AppState& st);
void draw_privacy(AppState& st);  // what is and is not stored, in plain words
// Whether screen `s` reads more than the UI strings (everything but Home and Privacy).
bool screen_needs_content(Screen s);
// In place of such a screen while its content is on its way, or could not be fetched (with "Try again").
void draw_pending(AppState& st);
// Opens the privacy page, remembering the screen to go back to.
void open_privacy(AppState& st);

// A banner naming every problem in the clinic's configuration (drawn above every screen while there are any).
void config_banner(AppState& st);

// A short text of the candidacy rules (condition and medication names, verdict labels) in the current language.
std::string candidacy_text(std::string_view key);

// After a crash (App::recover_from_crash): what happened, with "Try again" (the screen it happened on) and "Carry on".
void crash_notice(AppState& st);

// The title, lead and education disclaimer every screen opens with.
// The clinic setup editor, the whole window (screen_setup.cpp).
void draw_setup(AppState& st);
void screen_header(const char* title_key, const char* lead_key);
// The in-app back: one level up from where the person is (a step: the one before; results: the answers; Estimate:
// Compare; My plan: Estimate; Learn, Compare: Home; the privacy page has its own Back), as a quiet "‹ Home" link above the screen's title
// (named "Back to Home" for screen readers).
std::optional<Place> parent_place(const AppState& st);
void back_link(AppState& st);
// The line at the foot of every screen: education, not medical advice.
void screen_footer(AppState& st);

}  // namespace mn::ui
