// The route walker: starting from Home, presses every widget on every screen it reaches and follows where each leads
// (breadth-first; every state it reaches is a snapshot of the app's state, so each press starts from the same place),
// at phone, tablet and desktop sizes, in English and Spanish, in patient, consult and kiosk modes. Natively, with real
// C++ exceptions: a throw anywhere in a frame fails here with its message, where the web build would have aborted.
// Fails on: an exception, a window left open, drawing outside the display, a place with nothing to press. Lists the
// widgets whose press changed nothing anywhere (a disabled-looking control that is not disabled, a dead end) and
// prints what it covered.
// Usage: ui_walk [--budget N]   (N: states explored per run, default 80)
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/profile_write.hpp"
#include "imgui_internal.h"
#include "ui/decision.hpp"
#include "ui/strings.hpp"
#include "ui_driver.hpp"

namespace {

using mn::test::UiDriver;
using mn::test::Viewport;

struct Totals {
  std::set<std::string> places, widgets;
  std::set<std::string> transitions;
  long presses = 0;
  std::vector<std::string> failures;
  std::set<std::string> inert;  // widgets whose press changed nothing visible: reported, to be looked at
};

// What a press can change that a person would notice: where they are, what they answered or chose, the language,
// an open dialog, what is on screen. Two states with the same fingerprint are the same to the walker.
std::string fingerprint(UiDriver& d) {
  const mn::ui::AppState& st = d.state();
  std::string f = d.place_name();
  f += '|' + std::string(mn::lang_code(st.lang));
  f += '|' + mn::profile_json(st.candidacy.answers.profile()).dump();
  f += '|' + st.decision.treatment + '|' + std::to_string(st.decision.maintenance_years);
  if (st.decision.start) f += '|' + mn::iso_date(*st.decision.start);
  f += '|' + st.decision.concern_filter;
  f += st.confirm_new_patient ? "|confirm" : "";
  f += st.crash.shown ? "|crash" : "";
  f += st.config_banner_hidden ? "|nobanner" : "";
  f += '|' + std::to_string(st.learn.open_faq) + st.learn.open_section;
  for (const auto& it : d.pressable()) f += '|' + it.label + (it.flags & ImGuiItemStatusFlags_Checked ? "*" : "");
  return f;
}

// Widgets whose effect happens outside the app (a new tab, the printer, the clipboard, fullscreen): natively they
// change nothing the walker can see.
bool acts_outside(const std::string& label) {
  for (const char* k : {"print", "copy", "book", "share", "open", "imprimir", "copiar", "reservar", "compartir", "abrir",
                        "call", "email", "llamar", "correo", "@", "http", "+1", "(", "save", "guardar", "download", "descargar"}) {
    std::string low;
    for (char c : label) low += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (low.find(k) != std::string::npos) return true;
  }
  return false;
}

void walk(const Viewport& vp, const char* mode, const char* lang, int budget, Totals& totals) {
  const std::string run = std::string(vp.name) + "/" + mode + "/" + lang;
  UiDriver d(vp, mode, lang);
  struct Node {
    mn::ui::AppState state;
    std::string name;
  };
  // States at a place not yet explored go first, so that a bounded walk reaches every place (the results behind the
  // questionnaire's last step, the self-test) before it tries every combination of answers.
  std::deque<Node> fresh, queue;
  std::set<std::string> explored_places;
  std::set<std::string> seen;
  seen.insert(fingerprint(d));
  fresh.push_back({d.state(), d.place_name()});
  int explored = 0;
  auto enqueue = [&](Node n) { (explored_places.count(n.name) ? queue : fresh).push_back(std::move(n)); };
  auto fail = [&](const std::string& where, const std::string& what) {
    if (totals.failures.size() < 40) totals.failures.push_back(run + " " + where + ": " + what);
  };
  while ((!fresh.empty() || !queue.empty()) && explored < budget) {
    std::deque<Node>& from = fresh.empty() ? queue : fresh;
    Node node = std::move(from.front());
    from.pop_front();
    if (&from == &fresh && explored_places.count(node.name)) {  // its place was explored meanwhile
      queue.push_back(std::move(node));
      continue;
    }
    explored_places.insert(node.name);
    ++explored;
    // The place at each scroll position in turn, a screen's height apart, as a person reads down: every widget seen
    // there is pressed once, from this same state and scroll position.
    auto arrive = [&](float y) {
      d.state() = node.state;
      d.state().scroll_to_top = true;
      d.frame();
      d.scroll_to(y);
    };
    arrive(0);
    totals.places.insert(d.place_name());
    std::set<std::string> pressed_here;
    bool any = false;
    const float page = d.viewport().height * 0.6f;
    std::vector<float> stops;
    for (float y = 0; y < d.scroll_max() && y < 40000; y += page) stops.push_back(y);
    stops.push_back(d.scroll_max());  // the foot of the screen
    for (float y : stops) {
      arrive(y);
      const auto items = d.pressable();
      any |= !items.empty();
      for (const auto& item : items) {
        if (!pressed_here.insert(item.label).second) continue;
        arrive(y);
        const std::string before = fingerprint(d), drawn_before = d.drawn();
        // The item may have moved (layout settles): find it again by its label.
        const auto again = d.pressable();
        const mn::platform::Item* now = nullptr;
        for (const auto& it : again)
          if (it.label == item.label) now = &it;
        if (!now) continue;
        const bool already_there = now->label.find("##tab") != std::string::npos || now->label.find("##nav") != std::string::npos ||
                                   now->label.find("##lang") != std::string::npos || now->label == mn::ui::tr("nav.home") ||
                                   (now->flags & ImGuiItemStatusFlags_Checked);
        try {
          d.press(*now);
        } catch (const std::exception& e) {
          fail(node.name, "pressing \"" + item.label + "\" threw: " + e.what());
          continue;
        }
        ++totals.presses;
        totals.widgets.insert(node.name + ":" + item.label);
        if (!d.problem().empty()) fail(node.name, "after \"" + item.label + "\": " + d.problem());
        const std::string after = fingerprint(d);
        const std::string to = d.place_name();
        totals.transitions.insert(node.name + " -> " + item.label + " -> " + to);
        // Pressing where one already is (the current tab, Home on Home, the language shown, a choice already picked)
        // rightly changes nothing.
        if (after == before && d.drawn() == drawn_before && !already_there && !acts_outside(item.label))
          totals.inert.insert(run + " " + node.name + ": \"" + item.label + "\"");
        if (seen.insert(after).second) enqueue({d.state(), to});
      }
    }
    if (!any) fail(node.name, "nothing to press: no way onward or back");
  }
  std::printf("  %-22s %4d states explored, %zu waiting, places:", run.c_str(), explored, fresh.size() + queue.size());
  for (const auto& p : explored_places) std::printf(" %s", p.c_str());
  std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
  // Default (ctest): every mode and language at phone size (the tightest layout), patient in English at tablet and
  // desktop size, 40 states each. --full: all 18 combinations. --budget N: states explored per run.
  int budget = 40;
  bool full = false;
  const char* only = nullptr;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--budget") == 0 && i + 1 < argc) budget = std::atoi(argv[++i]);
    else if (std::strcmp(argv[i], "--full") == 0) full = true;
    else if (std::strcmp(argv[i], "--only") == 0 && i + 1 < argc) only = argv[++i];  // e.g. "phone/patient/en"
  }
  Totals totals;
  std::printf("ui_walk: every widget of every reachable state (budget %d states a run)\n", budget);
  for (const Viewport& vp : {mn::test::kPhone, mn::test::kTablet, mn::test::kDesktop})
    for (const char* mode : {"patient", "consult", "kiosk"})
      for (const char* lang : {"en", "es"}) {
        const std::string run = std::string(vp.name) + "/" + mode + "/" + lang;
        if (only ? run != only : !full && vp.name != std::string("phone") && run != std::string(vp.name) + "/patient/en") continue;
        try {
          walk(vp, mode, lang, budget, totals);
        } catch (const std::exception& e) {
          totals.failures.push_back(run + ": threw " + e.what());
        }
        std::fflush(stdout);
      }
  std::printf("covered: %zu places, %zu widgets (by place), %zu transitions, %ld presses\n", totals.places.size(),
              totals.widgets.size(), totals.transitions.size(), totals.presses);
  std::printf("places:");
  for (const auto& p : totals.places) std::printf(" %s", p.c_str());
  std::printf("\n");
  for (const auto& w : totals.inert) std::printf("NOTE pressing changed nothing: %s\n", w.c_str());
  for (const auto& f : totals.failures) std::printf("FAIL %s\n", f.c_str());
  std::printf("%zu failures\n", totals.failures.size());
  return totals.failures.empty() ? 0 : 1;
}
