// Screens checked natively through the UI driver: what a person sees (the accessibility mirror's model of the
// frame) for a given clinic and set of answers.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <string>

#include "core/civil_date.hpp"
#include "core/clinic_config.hpp"
#include "core/content.hpp"
#include "ui/decision.hpp"
#include "imgui_internal.h"
#include "ui/mirror.hpp"
#include "ui/widgets.hpp"
#include "ui_driver.hpp"

using namespace mn;
using namespace mn::test;

namespace {

// Every text and table cell of the last frame, one per line.
std::string shown() {
  std::string out;
  for (const ui::mirror::Node& n : ui::mirror::nodes()) {
    out += n.text + "\n";
    for (const auto& row : n.rows)
      for (const std::string& cell : row) out += cell + "\n";
  }
  return out;
}

const ui::mirror::Node* results_table() {
  for (const ui::mirror::Node& n : ui::mirror::nodes())
    if (n.role == ui::mirror::Role::table) return &n;
  return nullptr;
}

// The results screen, drawn twice (the first frame lays out, the second is what a person sees).
void open_results(UiDriver& ui) {
  ui.state().candidacy.show_results = true;
  ui.state().candidacy.results_lang.reset();
  ui.state().go(ui::Screen::Candidacy);
  ui.frame();
  ui.frame();
}

}  // namespace

TEST_CASE("results give verdicts only for what the clinic offers; the rest are named as not screened") {
  UiDriver ui(kDesktop, "patient", "en");
  // The demo clinic without its injectables: the questionnaire leaves out their own questions, so no verdict.
  ui.state().clinic.treatments["neurotoxin"].enabled = false;
  ui.state().clinic.treatments["dermal_filler_ha"].enabled = false;
  open_results(ui);
  const ui::mirror::Node* table = results_table();
  REQUIRE(table);
  // The demo clinic offers 9 of the 11 (no deep peel, no fully ablative laser); without its 2 injectables, 7.
  CHECK(table->text == "Verdict for each of 7 treatments");
  for (const auto& row : table->rows) {
    CHECK(row[0].find("Neurotoxin") == std::string::npos);
    CHECK(row[0].find("filler") == std::string::npos);
  }
  const std::string text = shown();
  CHECK(text.find("Not offered at this clinic, so not screened here:") != std::string::npos);
  for (const char* name : {"Neurotoxin", "filler", "Deep chemical peel", "laser"}) {
    CAPTURE(name);
    const auto line = text.find("so not screened here:");
    CHECK(text.find(name, line) < text.find('\n', line));
  }
}

TEST_CASE("the demo clinic: a verdict for each of its 9 treatments, the other 2 named once (Spanish)") {
  UiDriver ui(kPhone, "patient", "es");
  open_results(ui);
  const ui::mirror::Node* table = results_table();
  REQUIRE(table);
  CHECK(table->rows.size() == 9);
  const std::string text = shown();
  const auto line = text.find("No se ofrecen en esta clínica, por lo que aquí no se evalúan:");
  REQUIRE(line != std::string::npos);
  CHECK(text.find("Neurotoxina", line) > text.find('\n', line));

  // Every clinic's offer is honoured: with all 11 offered, nothing is listed.
  for (auto& [id, t] : ui.state().clinic.treatments) t.enabled = t.price.has_value();
  open_results(ui);
  REQUIRE(results_table());
  CHECK(results_table()->rows.size() == ui.state().clinic.enabled_treatments().size());
  CHECK(shown().find("No se ofrecen en esta clínica") == std::string::npos);
}

TEST_CASE("a wait carries through: no estimate, no plan to share and no booking date while pregnant") {
  UiDriver ui(kTablet, "consult", "en");
  ui.state().candidacy.answers.concerns["acne_scars"] = 2;
  ui.state().candidacy.answers.pregnant = 1;
  ui.state().go(ui::Screen::Estimate);
  ui.frame();
  ui.frame();
  std::string text = shown();
  CHECK(text.find("No estimate for Microneedling") != std::string::npos);
  CHECK(text.find("You are pregnant or breastfeeding.") != std::string::npos);
  CHECK(text.find("Course cost") == std::string::npos);
  ui.state().go(ui::Screen::Plan);
  ui.frame();
  ui.frame();
  text = shown();
  CHECK(text.find("No estimate for Microneedling") != std::string::npos);
  CHECK(text.find("Book a consultation at Harbour Skin Clinic") != std::string::npos);
  CHECK(text.find("Keep or share this plan") == std::string::npos);
  const std::string booking = ui::booking_address(ui.state());
  CHECK(booking.find("treatment=microneedling") != std::string::npos);
  CHECK(booking.find("start=") == std::string::npos);
  CHECK(booking.find("sessions=") == std::string::npos);

  // Answered "not pregnant": the estimate is back, after the consultation (7 days from today).
  ui.state().candidacy.answers.pregnant = 0;
  ui.frame();
  ui.frame();
  const Date start = ui::decision_start(ui.state());
  CHECK(days_between(ui.state().decision.today, start) == 7);
  CHECK(ui::booking_address(ui.state()).find("start=" + iso_date(start)) != std::string::npos);
}

TEST_CASE("results open with a summary ranked by fit, and a note many treatments share is said once") {
  UiDriver ui(kPhone, "patient", "en");
  ui.state().candidacy.answers.concerns["acne_scars"] = 2;  // nothing else answered: the same notes for every treatment
  open_results(ui);
  const std::string text = shown();
  const auto summary = text.find("At a glance");
  REQUIRE(summary != std::string::npos);
  // The summary's groups, and within "with precautions" the strongest for acne scars first.
  const auto care = text.find("May suit you, with precautions", summary);
  REQUIRE(care != std::string::npos);
  const auto microneedling = text.find("Microneedling", care);
  const auto microdermabrasion = text.find("Microdermabrasion", care);
  REQUIRE(microneedling != std::string::npos);
  REQUIRE(microdermabrasion != std::string::npos);
  CHECK(microneedling < microdermabrasion);
  // The unanswered pregnancy question's note: once, in the shared notes, not under each of the 9 cards.
  const std::string note = "You did not say whether you are pregnant or breastfeeding";
  const auto first = text.find(note);
  REQUIRE(first != std::string::npos);
  CHECK(text.find(note, first + 1) == std::string::npos);
  CHECK(text.find("Applies to every treatment above", first) != std::string::npos);
  CHECK(text.find("Also applies here: ") != std::string::npos);

  // Tapping a treatment in the summary brings its card into view.
  ui.state().candidacy.jump_to = "chemical_peel_superficial";
  ui.frame();
  CHECK(ui.state().candidacy.jump_to.empty());
}

namespace {
// Presses the pressable widget whose label is `label` (the "##id" included); false when it is not on screen.
bool press(UiDriver& ui, const std::string& label) {
  for (const platform::Item& item : ui.pressable())
    if (item.label == label) return ui.press(item);
  return false;
}
}  // namespace

TEST_CASE("a question passed without an answer is marked, and listed again before the results") {
  UiDriver ui(kTablet, "consult", "en");
  ui.state().go(ui::Screen::Candidacy);
  ui.frame();
  ui.frame();
  // Step 1 (age and pregnancy) passed with nothing chosen: the step overview marks it, and Next always stays on screen.
  REQUIRE(press(ui, "Next"));
  CHECK(ui.app().place_id() == "candidacy/1");
  CHECK(shown().find("Step 1: not answered") != std::string::npos);
  CHECK(press(ui, "Step 1: not answered##step.1"));
  CHECK(ui.app().place_id() == "candidacy/0");
  CHECK(shown().find("Not answered yet") != std::string::npos);
  // Through to the end: "See my results" lists the questions still open instead of skipping them.
  for (int i = 0; i < 5; ++i) REQUIRE(press(ui, "Next"));
  REQUIRE(press(ui, "See my results"));
  CHECK(ui.app().place_id() == "candidacy/review");
  const std::string text = shown();
  CHECK(text.find("questions have no answer yet") != std::string::npos);
  CHECK(text.find("Are you pregnant or breastfeeding, or could you be?") != std::string::npos);
  // Answering from the list goes to that question's step; "See results anyway" opens the results.
  REQUIRE(press(ui, "Are you pregnant or breastfeeding, or could you be?##review.1"));
  CHECK(ui.app().place_id() == "candidacy/0");
  ui.state().go(ui::Place{ui::Screen::Candidacy, 0, false, true});
  ui.frame();
  REQUIRE(press(ui, "See results anyway"));
  CHECK(ui.app().place_id() == "candidacy/results");
}

TEST_CASE("Learn draws where the needles reach and the healing stages, named by their words for a screen reader") {
  for (const char* lang : {"en", "es"}) {
    INFO(lang);
    UiDriver ui(kPhone, "patient", lang);
    ui.state().go(ui::Screen::Learn);
    ui.state().learn.open_section = "what";
    ui.frame();
    ui.frame();
    const bool en = std::string(lang) == "en";
    bool depths = false, healing = false;
    for (const ui::mirror::Node& n : ui::mirror::nodes())
      if (n.role == ui::mirror::Role::image && n.text.rfind(en ? "Epidermis: the thin outer layer" : "Epidermis: la fina capa exterior", 0) == 0)
        depths = n.text.find(en ? "Up to about 2.5 mm" : "Hasta unos 2,5 mm") != std::string::npos;
    CHECK(depths);
    ui.state().learn.open_section = "healing";
    ui.frame();
    ui.frame();
    for (const ui::mirror::Node& n : ui::mirror::nodes())
      if (n.role == ui::mirror::Role::image && n.text.find(en ? "Remodelling stage" : "Etapa de remodelación") != std::string::npos)
        healing = true;
    CHECK(healing);
  }
}

TEST_CASE("the text size control steps small, normal, large; the type grows and the page reflows") {
  UiDriver ui(kPhone, "patient", "en");
  ui.state().go(ui::Screen::Learn);
  ui.frame();
  ui.frame();
  const float normal = ImGui::GetFontSize();
  const float normal_height = ui.scroll_max();
  REQUIRE(press(ui, "Text size: normal##text_size"));
  CHECK(ui.state().text_size == ui::TextSize::large);
  ui.frame();
  ui.frame();
  CHECK(ImGui::GetFontSize() == doctest::Approx(normal * 1.6f / 1.36f).epsilon(0.01));
  CHECK(ui.scroll_max() > normal_height);  // longer lines wrapped into more of them
  CHECK(ui.problem().empty());
  REQUIRE(press(ui, "Text size: large##text_size"));
  CHECK(ui.state().text_size == ui::TextSize::small);
  ui.frame();
  // Small keeps body text at 16 CSS px on a phone: ImGui's size is the line height, 1.362 em for Noto Sans.
  CHECK(ImGui::GetFontSize() / 1.362f >= 15.9f);
  REQUIRE(press(ui, "Text size: small##text_size"));
  CHECK(ui.state().text_size == ui::TextSize::normal);
  // A new person starts at the normal size.
  ui.state().text_size = ui::TextSize::large;
  ui.state().forget_person();
  CHECK(ui.state().text_size == ui::TextSize::normal);
}

namespace {
// The widget of the last frame labelled `label` (the "##id" included), on screen or not; nullptr if none.
const platform::Item* find_item(const std::string& label) {
  for (const platform::Item& item : platform::published_items())
    if (item.label == label) return &item;
  return nullptr;
}

bool on_screen(UiDriver& ui, const std::string& label) {
  for (const platform::Item& item : ui.pressable())
    if (item.label == label) return true;
  return false;
}

// Learn, with `section` open, drawn twice (laid out, then as a person sees it).
void open_learn(UiDriver& ui, const std::string& section) {
  ui.state().go(ui::Screen::Learn);
  ui.state().learn.open_section = section;
  ui.frame();
  ui.frame();
}
}  // namespace

TEST_CASE("opening a section below a longer open one brings its title into view") {
  for (const Viewport& vp : {kPhone, kTablet, kDesktop}) {
    const std::string viewport = vp.name;
    CAPTURE(viewport);
    UiDriver ui(vp, "patient", "en");
    const auto& sections = Content::builtin().education(Lang::en);
    REQUIRE(sections.size() > 2);
    open_learn(ui, sections[0].id);  // the first section, the longest but one, open as Learn opens
    // Read down the open section until the next one's title is on screen, then open that one.
    const std::string next = sections[1].title + "##section";
    for (int i = 0; i < 400 && !on_screen(ui, next); ++i) ui.scroll(-1);
    REQUIRE(press(ui, next));
    CHECK(ui.state().learn.open_section == sections[1].id);
    const ui::Layout& l = ui.state().layout;
    const float view_top = l.top_bar_h, view_bottom = vp.height - l.bottom_nav_h - l.action_bar_h;
    const platform::Item* header = find_item(next);
    REQUIRE(header);
    CHECK(header->visible);
    CHECK(header->rect.y >= view_top - 1);
    CHECK(header->rect.y + header->rect.w <= view_bottom + 1);
    // Near the top, so the opened section reads from its start (not lost below a screenful of the closed one).
    CHECK(header->rect.y < view_top + (view_bottom - view_top) * 0.25f);
  }
}

TEST_CASE("opening an FAQ question below a longer open answer keeps the question in view") {
  UiDriver ui(kPhone, "patient", "en");
  const auto& sections = Content::builtin().education(Lang::en);
  const EducationSection& faq = sections.back();
  REQUIRE(faq.id == "faq");
  const EducationBlock* block = nullptr;
  for (const EducationBlock& b : faq.blocks)
    if (b.type == BlockType::faq) block = &b;
  REQUIRE(block);
  REQUIRE(block->faq.size() > 2);
  // The longest answer open, then the question after it.
  std::size_t longest = 0;
  for (std::size_t i = 0; i + 1 < block->faq.size(); ++i)
    if (block->faq[i].a.size() > block->faq[longest].a.size()) longest = i;
  open_learn(ui, "faq");
  ui.state().learn.open_faq = static_cast<int>(longest);
  ui.frame();
  const std::string next = block->faq[longest + 1].q + "##faq";
  for (int i = 0; i < 400 && !on_screen(ui, next); ++i) ui.scroll(-1);
  // Scroll on until the question sits at the bottom of the view: the answer above fills what a person sees.
  for (int i = 0; i < 40; ++i) {
    const platform::Item* item = find_item(next);
    REQUIRE(item);
    if (item->rect.y > ui.viewport().height * 0.6f) break;
    ui.scroll(0.25f);
  }
  REQUIRE(press(ui, next));
  CHECK(ui.state().learn.open_faq == static_cast<int>(longest + 1));
  const ui::Layout& l = ui.state().layout;
  const platform::Item* header = find_item(next);
  REQUIRE(header);
  CHECK(header->visible);
  CHECK(header->rect.y >= l.top_bar_h - 1);
  CHECK(header->rect.y + header->rect.w <= ui.viewport().height - l.bottom_nav_h - l.action_bar_h + 1);
}

namespace {
std::string g_opened;  // the last address the app asked the platform to open
}  // namespace

TEST_CASE("Learn lists only public documents as sources, and opens the ones with a public address") {
  ui::DecisionPlatform& platform = ui::decision_platform();
  const auto saved = platform.open;
  platform.open = [](const std::string& url) { g_opened = url; };
  for (Lang lang : kLanguages) {
    CAPTURE(lang_code(lang));
    UiDriver ui(kDesktop, "patient", std::string(lang_code(lang)));
    for (const EducationSection& section : Content::builtin().education(lang)) {
      CAPTURE(section.id);
      open_learn(ui, section.id);
      const std::string text = shown();
      CHECK(text.find(Content::builtin().tr(lang, "learn.sources")) != std::string::npos);
      for (const char* internal : {"shared/", "web article", "Domain research", "internal research", "seeds/", ".md#"})
        CHECK(text.find(internal) == std::string::npos);
      for (const EducationBlock& b : section.blocks)
        for (const std::string& id : b.sources) {
          const Source* s = Content::builtin().source(id);
          REQUIRE(s);
          if (is_weak(s->strength)) CHECK(text.find(s->title) == std::string::npos);
          else CHECK(text.find(patient_citation(*s)) != std::string::npos);
        }
    }
  }
  // A review with a public address: its row opens that address.
  UiDriver ui(kDesktop, "patient", "en");
  const Source* review = Content::builtin().source("src_alster_graham_2018");
  REQUIRE(review);
  REQUIRE(!review->url.empty());
  open_learn(ui, "what");
  const std::string label = patient_citation(*review) + "##source." + review->id;
  for (int i = 0; i < 400 && !on_screen(ui, label); ++i) ui.scroll(-1);
  g_opened.clear();
  REQUIRE(press(ui, label));
  CHECK(g_opened == review->url);
  // A shared kiosk opens no other sites: the same source is plain text there.
  UiDriver kiosk(kDesktop, "kiosk", "en");
  kiosk.state().attract = false;
  open_learn(kiosk, "what");
  CHECK(find_item(label) == nullptr);
  CHECK(shown().find(patient_citation(*review)) != std::string::npos);
  // On a touch screen the row is a finger's size (44 px), even for a one-line title (a tablet's width).
  UiDriver phone(kTablet, "patient", "en");
  open_learn(phone, "what");
  for (int i = 0; i < 400 && !on_screen(phone, label); ++i) phone.scroll(-1);
  const platform::Item* row = find_item(label);
  REQUIRE(row);
  CHECK(row->rect.w >= 44.0f);
  platform.open = saved;
}

TEST_CASE("side effects: the emergency warning has a heading of its own, apart from the routine reminder") {
  for (Lang lang : kLanguages) {
    CAPTURE(lang_code(lang));
    UiDriver ui(kPhone, "patient", std::string(lang_code(lang)));
    open_learn(ui, "side_effects");
    const std::string& heading = Content::builtin().tr(lang, "learn.urgent.title");
    const EducationBlock* urgent = nullptr;
    for (const EducationSection& s : Content::builtin().education(lang))
      if (s.id == "side_effects")
        for (const EducationBlock& b : s.blocks)
          if (b.type == BlockType::urgent) urgent = &b;
    REQUIRE(urgent);
    const auto& nodes = ui::mirror::nodes();
    bool found = false;
    for (std::size_t i = 0; i + 1 < nodes.size(); ++i)
      if (nodes[i].role == ui::mirror::Role::heading3 && nodes[i].text == heading) {
        found = true;
        CHECK(nodes[i + 1].text == urgent->text);  // the heading, then the warning itself
      }
    CHECK(found);
  }
}

TEST_CASE("the needles go in once when the figure comes into view, and stand still with reduced motion") {
  for (bool reduced : {false, true}) {
    INFO("reduced motion: " << reduced);
    ui::set_motion_query(reduced ? +[] { return true; } : nullptr);
    UiDriver ui(kPhone, "patient", "en");
    ui.state().go(ui::Screen::Learn);
    ui.frame();
    // Nothing remembered from an earlier test's visit to the figure.
    if (ImGuiWindow* content = ImGui::FindWindowByName("content")) content->StateStorage.Clear();
    ui.state().learn.open_section = "what";
    ui.frame();
    ui.frame();
    const platform::Item* figure = nullptr;
    for (const platform::Item& item : platform::published_items())
      if (item.label.rfind("Epidermis: the thin outer layer", 0) == 0) figure = &item;
    REQUIRE(figure);
    const float figure_y = figure->rect.y + ImGui::FindWindowByName("content")->Scroll.y;
    // Out of view (the page at its top, the figure further down): still, and no frames asked for.
    if (ImGuiWindow* content = ImGui::FindWindowByName("content")) content->StateStorage.Clear();
    ui.scroll_to(0);
    REQUIRE(figure_y > kPhone.height);
    CHECK(!ui.app().wants_frames());
    ui.scroll_to(figure_y - 200);  // now in view: the clock starts
    ui.frame();
    const std::string first = ui.drawn();
    CHECK(ui.app().wants_frames() == !reduced);
    int frames = 0;
    while (ui.app().wants_frames() && frames < 600) {
      ui.frame();
      ++frames;
    }
    CHECK(frames < 180);  // at 60 frames a second, at rest within 3 s
    CHECK(!ui.app().wants_frames());
    CHECK((ui.drawn() != first) == !reduced);  // the needles moved, or were in place from the start
    ui.frame();
    CHECK(!ui.app().wants_frames());  // once: it does not start again
  }
  ui::set_motion_query(nullptr);
}

TEST_CASE("Estimate on a phone: one row names the treatment and opens the list; a stage chart shows the days after") {
  UiDriver ui(kPhone, "patient", "en");
  ui.state().go(ui::Screen::Estimate);
  ui.frame();
  ui.frame();
  CHECK(find_item("Microneedling##treatment.microneedling") == nullptr);
  REQUIRE(press(ui, "Microneedling##treatment.chosen"));
  CHECK(ui.state().decision.picking_treatment);
  REQUIRE(press(ui, "Microneedling with PRP##treatment.microneedling_prp"));
  CHECK(ui.state().decision.treatment == "microneedling_prp");
  CHECK(!ui.state().decision.picking_treatment);
  CHECK(find_item("Microneedling with PRP##treatment.microneedling_prp") == nullptr);
  CHECK(find_item("Microneedling with PRP##treatment.chosen") != nullptr);
  // The days after a session: each stage with its days, for a screen reader as for the eye.
  bool days = false;
  for (const ui::mirror::Node& n : ui::mirror::nodes())
    if (n.role == ui::mirror::Role::image && n.text.rfind("After each session, day 0 being the session: Redness (day 0", 0) == 0) days = true;
  CHECK(days);
  CHECK(ui.problem().empty());

  UiDriver wide(kDesktop, "patient", "en");
  wide.state().go(ui::Screen::Estimate);
  wide.frame();
  wide.frame();
  CHECK(find_item("Microneedling##treatment.microneedling") != nullptr);
  CHECK(find_item("Microneedling##treatment.chosen") == nullptr);
}

TEST_CASE("Estimate's summary says when results usually show, in months for a course and in days for a quick one") {
  UiDriver ui(kDesktop, "patient", "en");
  auto summary_row = [&](const std::string& name) -> std::vector<std::string> {
    for (const ui::mirror::Node& n : ui::mirror::nodes())
      for (const auto& row : n.rows)
        if (n.role == ui::mirror::Role::table && !row.empty() && row[0] == name) return row;
    return {};
  };
  ui.state().go(ui::Screen::Estimate);
  ui.frame();
  ui.frame();
  // Microneedling: the clearer change about 4 months after the first session, most of it about 6 (the typical
  // course of 4 sessions a month or so apart, then 30 and 90 days after the last).
  std::vector<std::string> row = summary_row("Results usually show");
  REQUIRE(row.size() == 3);
  CHECK(row[1] == "4–6 months");
  CHECK(row[2].rfind("after the first session, with the usual number of sessions; often most of the change by about ", 0) == 0);
  CHECK(summary_row("First session").at(2).find("; the course usually ends around ") != std::string::npos);
  ui.state().decision.treatment = "neurotoxin";
  ui.frame();
  ui.frame();
  CHECK(summary_row("Results usually show").at(1) == "3–14 days");
  CHECK(summary_row("First session").at(2) == "after a consultation");  // one visit: no course end to speak of
  ui.state().decision.treatment = "dermal_filler_ha";
  ui.frame();
  ui.frame();
  row = summary_row("Results usually show");
  REQUIRE(row.size() == 3);
  CHECK(row[1] == "Right away");
  CHECK(row[2] == "then settles over about 14 days as any swelling and bruising fade");
  CHECK(ui.problem().empty());
}

TEST_CASE("Estimate's areas: a row per concern the treatment treats; a pick is the concern's, a shared area counted once") {
  UiDriver ui(kTablet, "patient", "en");
  ui.state().candidacy.answers.concerns["acne_scars"] = 2;
  ui.state().candidacy.answers.concerns["stretch_marks"] = 2;
  ui.state().go(ui::Screen::Estimate);
  ui.frame();
  ui.frame();
  // Acne scars' row offers the face chain and body areas; stretch marks' only body areas; no single row.
  CHECK(find_item("Face and neck##area.acne_scars.face_neck") != nullptr);
  CHECK(find_item("Backs of the hands##area.acne_scars.hands") == nullptr);
  CHECK(find_item("Face##area.stretch_marks.face") == nullptr);
  CHECK(find_item("Large body area (e.g. back or abdomen)##area.stretch_marks.body_large") != nullptr);
  CHECK(find_item("Face##area.face") == nullptr);
  const auto areas = [&] {
    std::vector<std::string> out;
    for (const auto& a : ui::field(ui::field(ui.state().decision.estimate, "costs"), "areas")) out.push_back(ui::str(a, "id"));
    return out;
  };
  using V = std::vector<std::string>;
  CHECK(areas() == V{"face", "body_medium"});  // the defaults
  // Scrolled down to the chips first, as a person would.
  const auto press_chip = [&](const std::string& label) {
    for (int i = 0; i < 400 && !on_screen(ui, label); ++i) ui.scroll(-1);
    return press(ui, label);
  };
  REQUIRE(press_chip("Large body area (e.g. back or abdomen)##area.acne_scars.body_large"));
  REQUIRE(press_chip("Large body area (e.g. back or abdomen)##area.stretch_marks.body_large"));
  REQUIRE(press_chip("Medium body area (e.g. thighs)##area.stretch_marks.body_medium"));
  ui.frame();
  CHECK(ui.state().decision.concern_areas["acne_scars"] == V{"face", "body_large"});
  CHECK(ui.state().decision.concern_areas["stretch_marks"] == V{"body_large"});
  CHECK(areas() == V{"face", "body_large"});
  // Neurotoxin treats neither concern: one row for the treatment, and the picks above stay for when it comes back.
  ui.state().decision.treatment = "neurotoxin";
  ui.frame();
  ui.frame();
  CHECK(find_item("Frown lines between the brows##area.frown_lines") != nullptr);
  ui.state().decision.treatment = "microneedling";
  ui.frame();
  ui.frame();
  CHECK(areas() == V{"face", "body_large"});
  // A clinic without a price for the large body area: named as left out, not priced silently.
  ui.state().clinic.treatments["microneedling"].area_prices.erase("body_large");
  ui.frame();
  ui.frame();
  CHECK(areas() == V{"face"});
  CHECK(shown().find("lists no price for: Large body area (e.g. back or abdomen). This estimate does not include that cost") != std::string::npos);
  CHECK(ui.problem().empty());
}

TEST_CASE("the questionnaire asks where each concern is to be treated; Estimate and the rules' body areas follow") {
  UiDriver ui(kPhone, "patient", "en");
  ui.state().go(ui::Place{ui::Screen::Candidacy, 3});  // a phone asks one question a page: the fourth
  ui.frame();
  ui.frame();
  const auto press_on_screen = [&](const std::string& label) {
    for (int i = 0; i < 400 && !on_screen(ui, label); ++i) ui.scroll(-1);
    return press(ui, label);
  };
  REQUIRE(press_on_screen("Acne scars##concern.acne_scars"));
  // Its areas start from the default, the face; the hair-loss row would have none to pick (the scalp only).
  REQUIRE(find_item("Face##q.area.acne_scars.face") != nullptr);
  CHECK(find_item("Backs of the hands##q.area.acne_scars.hands") == nullptr);
  REQUIRE(press_on_screen("Face, neck and chest##q.area.acne_scars.face_neck_chest"));
  REQUIRE(press_on_screen("Large body area (e.g. back or abdomen)##q.area.acne_scars.body_large"));
  using V = std::vector<std::string>;
  CHECK(ui.state().candidacy.answers.concern_areas["acne_scars"] == V{"face_neck_chest", "body_large"});
  const Profile p = ui.state().candidacy.answers.profile();
  REQUIRE(p.concerns.size() == 1);
  CHECK(p.concerns[0].areas == V{"face_neck_chest", "body_large"});
  CHECK(p.areas == std::optional<std::vector<std::string>>(V{"face", "neck", "body"}));
  REQUIRE(press_on_screen("Hair loss (scalp)##concern.hair_loss"));
  CHECK(find_item("Scalp##q.area.hair_loss.scalp") == nullptr);
  // Estimate prices the picked areas (and the hair loss default, the scalp).
  ui.state().go(ui::Screen::Estimate);
  ui.frame();
  ui.frame();
  std::vector<std::string> areas;
  for (const auto& a : ui::field(ui::field(ui.state().decision.estimate, "costs"), "areas")) areas.push_back(ui::str(a, "id"));
  CHECK(areas == V{"face_neck_chest", "scalp", "body_large"});
  // Unpicking the concern forgets its areas.
  ui.state().go(ui::Place{ui::Screen::Candidacy, 3});  // a phone asks one question a page: the fourth
  ui.frame();
  ui.frame();
  REQUIRE(press_on_screen("Acne scars##concern.acne_scars"));
  CHECK(ui.state().candidacy.answers.concern_areas.count("acne_scars") == 0);
  CHECK(ui.problem().empty());
}

TEST_CASE("setup: fields are checked as they are typed; a wrong price blocks Save; undo; Save downloads a valid file") {
  UiDriver ui(kDesktop, "patient", "en");
  ui.state().setup.active = true;
  static std::string saved_name, saved_text;
  static int saves = 0;
  ui::setup_platform().download = [](const std::string& name, const std::string& text) {
    saved_name = name;
    saved_text = text;
    ++saves;
  };
  ui.frame();
  ui.frame();
  CHECK(shown().find("Clinic setup") != std::string::npos);
  CHECK(shown().find("All settings are valid") != std::string::npos);
  const auto press_field = [&](const std::string& label) {
    for (int i = 0; i < 200 && !on_screen(ui, label); ++i) ui.scroll(-1);
    return press(ui, label);
  };
  REQUIRE(press_field("Clinic name"));
  ui.type(" Norte");
  CHECK(ui.state().setup.draft.config().clinic.name == "Harbour Skin Clinic Norte");
  // Microneedling's lowest price typed into 3000, above its usual 375: the validator's message, and no saving.
  REQUIRE(press_field("Microneedling: Lowest"));
  ui.type("0");
  CHECK(*ui.state().setup.draft.at("/treatments/microneedling/price/low") == 3000);
  CHECK(!ui.state().setup.draft.saveable());
  CHECK(shown().find("Problems to fix before saving: 1.") != std::string::npos);
  ui.scroll(40);  // back to the top, where Save is
  press(ui, "Save clinic.json");  // disabled: a press does nothing
  CHECK(saves == 0);
  REQUIRE(press(ui, "Undo"));
  CHECK(*ui.state().setup.draft.at("/treatments/microneedling/price/low") == 300);
  REQUIRE(press(ui, "Save clinic.json"));
  CHECK(saves == 1);
  CHECK(saved_name == "clinic.json");
  const ConfigLoad load = load_clinic_config(saved_text);
  CHECK(load.ok());
  CHECK(load.config.clinic.name == "Harbour Skin Clinic Norte");
  CHECK(ui.problem().empty());
  ui::setup_platform().download = nullptr;
}

namespace {
// The setup editor at desktop size, drawn twice.
void setup_editor(UiDriver& ui) {
  ui.state().setup.active = true;
  ui.frame();
  ui.frame();
}
// Presses the item named `label`, scrolling down to it from the top.
bool press_setup(UiDriver& ui, const std::string& label) {
  ui.scroll(400);
  for (int i = 0; i < 400 && !on_screen(ui, label); ++i) ui.scroll(-1);
  return press(ui, label);
}
}  // namespace

TEST_CASE("setup: every setting: mode, a new treatment, other areas, a package, tax; each checked, each saved") {
  UiDriver ui(kDesktop, "patient", "en");
  setup_editor(ui);
  ClinicDraft& d = ui.state().setup.draft;
  // A small clinic: microneedling only.
  REQUIRE(!d.open(R"({"clinic": {"name": "Northside"}, "currency": "USD", "locale": "en-US",
                      "treatments": {"microneedling": {"price": {"low": 250, "typical": 300, "high": 400}}}})"));
  ui.frame();
  // How the app starts.
  REQUIRE(press_setup(ui, "Kiosk"));
  CHECK(*d.at("/default_mode") == "kiosk");
  REQUIRE(press_setup(ui, "Kiosk: start over after this long without use (30–3,600 seconds)"));
  ui.type("20");  // 20 s: below the least the rules allow, named under the field
  CHECK(!d.saveable());
  CHECK(shown().find("must be between 30 and 3600, found 20") != std::string::npos);
  REQUIRE(press_setup(ui, "Kiosk: start over after this long without use (30–3,600 seconds)"));
  ui.type("0");  // 200 s
  CHECK(*d.at("/kiosk_idle_seconds") == 200);
  CHECK(d.saveable());
  // A treatment the file does not list: ticked, it asks for its price; typed, it is offered.
  REQUIRE(press_setup(ui, "Microdermabrasion"));
  CHECK(d.at("/treatments/microdermabrasion"));
  CHECK(!d.saveable());
  for (const auto& [word, figure] : {std::pair{"Lowest", "120"}, {"Usual", "150"}, {"Highest", "180"}}) {
    REQUIRE(press_setup(ui, std::string("Microdermabrasion: ") + word));
    ui.type(figure);
  }
  CHECK(d.saveable());
  CHECK(d.config().treatments.count("microdermabrasion") == 1);
  // Microneedling's other areas: face and neck at 1.25 × the face's price, then its own price.
  REQUIRE(press_setup(ui, "More settings for Microneedling"));
  ui.frame();
  REQUIRE(press_setup(ui, "× face price"));  // the first area's row: face and neck
  CHECK(*d.at("/treatments/microneedling/area_multipliers/face_neck") == 1);
  REQUIRE(press_setup(ui, "Face and neck: × the face's price"));
  ui.type(".25");
  CHECK(*d.at("/treatments/microneedling/area_multipliers/face_neck") == 1.25);
  CHECK(d.saveable());
  // A package: added with its treatment to pick; picked from the offered treatments.
  REQUIRE(press_setup(ui, "Add a package"));
  CHECK(d.at("/packages/0/sessions"));
  CHECK(!d.saveable());  // no treatment yet
  CHECK(!d.issues_at("/packages/0/treatment").empty());
  REQUIRE(press_setup(ui, "Treatment: "));
  ui.frame();
  REQUIRE(press(ui, "Microneedling"));
  CHECK(*d.at("/packages/0/treatment") == "microneedling");
  CHECK(d.saveable());
  // Sales tax: ticked, it needs a rate.
  REQUIRE(press_setup(ui, "Charge sales tax on treatments"));
  CHECK(!d.saveable());
  REQUIRE(press_setup(ui, "Rate (0–50%)"));
  ui.type("8,5");  // a decimal comma, as Spanish writes it
  REQUIRE(press_setup(ui, "Already include tax"));
  CHECK(d.saveable());
  const auto saved = d.save();
  REQUIRE(saved);
  const ConfigLoad load = load_clinic_config(*saved);
  CHECK(load.ok());
  CHECK(load.config.default_mode == Mode::kiosk);
  CHECK(load.config.kiosk_idle_seconds == 200);
  REQUIRE(load.config.tax);
  CHECK(load.config.tax->rate_percent == 8.5);
  CHECK(load.config.tax->included);
  CHECK(load.config.packages.size() == 1);
  CHECK(ui.problem().empty());
}

TEST_CASE("setup: a screen reader edits a field through the mirror's text box; a figure takes a decimal comma") {
  UiDriver ui(kDesktop, "patient", "en");
  setup_editor(ui);
  ClinicDraft& d = ui.state().setup.draft;
  const auto textbox = [](const std::string& name) -> const ui::mirror::Node* {
    for (const ui::mirror::Node& n : ui::mirror::nodes())
      if (n.role == ui::mirror::Role::textbox && n.text == name) return &n;
    return nullptr;
  };
  const ui::mirror::Node* name = textbox("Clinic name");
  REQUIRE(name);
  CHECK(name->value == "Harbour Skin Clinic");
  ui::mirror::request_text(name->id, "Clínica Harbour Norte");
  ui.frame();
  CHECK(*d.at("/clinic/name") == "Clínica Harbour Norte");
  ui.frame();  // the mirror shows the new text from the next frame
  REQUIRE(textbox("Clinic name"));
  CHECK(textbox("Clinic name")->value == "Clínica Harbour Norte");
  // A price in the mirror, with a decimal comma; cleared, its key goes (and the validator says it is needed).
  const ui::mirror::Node* low = textbox("Microneedling: Lowest");
  REQUIRE(low);
  ui::mirror::request_text(low->id, "299,5");
  ui.frame();
  CHECK(*d.at("/treatments/microneedling/price/low") == 299.5);
  ui::mirror::request_text(textbox("Microneedling: Lowest")->id, "");
  ui.frame();
  CHECK(!d.at("/treatments/microneedling/price/low"));
  CHECK(!d.saveable());
  CHECK(ui.problem().empty());
}

TEST_CASE("setup: a file is opened (a bad one refused with the reason), unsaved work asks first, is kept, restored, discarded") {
  UiDriver ui(kDesktop, "patient", "en");
  static std::vector<std::pair<std::string, bool>> sent;
  sent.clear();
  ui::setup_platform().changed = [](const std::string& json, bool unsaved) { sent.emplace_back(json, unsaved); };
  setup_editor(ui);
  ui::SetupState& s = ui.state().setup;
  s.site_text = R"({"clinic": {"name": "Site Clinic"}, "currency": "CAD", "locale": "en-CA",
                    "treatments": {"microneedling": {"price": 300}}})";
  REQUIRE(!s.draft.open(s.site_text));
  ui.frame();
  REQUIRE(!sent.empty());
  CHECK(!sent.back().second);  // nothing unsaved: the browser keeps nothing
  // A file that is not JSON: refused, saying why, and nothing changes.
  ui::setup_offer_file(s, "notes.json", "{\"clinic\": ");
  ui.frame();
  CHECK(shown().find("notes.json could not be opened") != std::string::npos);
  CHECK(*s.draft.at("/clinic/name") == "Site Clinic");
  // An edit is unsaved work: the browser is told to keep it.
  REQUIRE(press_setup(ui, "Clinic name"));
  ui.type(" West");
  ui.frame();
  CHECK(sent.back().second);
  CHECK(sent.back().first.find("Site Clinic West") != std::string::npos);
  CHECK(shown().find("kept in this browser, on this computer only") != std::string::npos);
  // A good file would replace it: asked first. "Keep editing" keeps it; "Replace my changes" opens the file.
  const std::string other = R"({"clinic": {"name": "Other Clinic"}, "currency": "EUR", "locale": "es-ES",
                                "treatments": {"microneedling": {"price": 280}}})";
  ui::setup_offer_file(s, "other.json", other);
  ui.frame();
  CHECK(shown().find("Open other.json?") != std::string::npos);
  REQUIRE(press_setup(ui, "Keep editing"));
  CHECK(*s.draft.at("/clinic/name") == "Site Clinic West");
  ui::setup_offer_file(s, "other.json", other);
  ui.frame();
  REQUIRE(press_setup(ui, "Replace my changes"));
  ui.frame();
  CHECK(*s.draft.at("/clinic/name") == "Other Clinic");
  CHECK(!s.draft.dirty());
  CHECK(!sent.back().second);  // a file just opened: nothing to keep
  CHECK(shown().find("Opened other.json.") != std::string::npos);
  // After a reload: the kept work comes back as unsaved, says so, and Discard goes back to the site's file.
  ui::setup_restore(s, R"({"clinic": {"name": "Kept Clinic"}, "currency": "CAD", "locale": "en-CA",
                           "treatments": {"microneedling": {"price": 300}}})");
  ui.frame();
  CHECK(s.draft.dirty());
  CHECK(shown().find("your unsaved changes from last time") != std::string::npos);
  REQUIRE(press_setup(ui, "Discard changes"));
  ui.frame();
  REQUIRE(press_setup(ui, "Replace my changes"));
  ui.frame();
  CHECK(*s.draft.at("/clinic/name") == "Site Clinic");
  CHECK(!s.draft.dirty());
  CHECK(!sent.back().second);  // the browser forgets the kept work
  CHECK(ui.problem().empty());
  ui::setup_platform().changed = nullptr;
}
