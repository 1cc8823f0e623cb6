// "Am I a candidate?": a calm step-by-step questionnaire (one question per card on a phone, grouped on wider
// screens), back and next without losing answers, "not sure" everywhere, a row of steps to jump between them, Back and
// Next always in reach; a question left without an answer is marked and shown again before the results
// (screen_results.cpp).
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/content.hpp"
#include "core/format.hpp"
#include "core/pricing.hpp"
#include "core/text.hpp"
#include "imgui_internal.h"
#include "ui/decision.hpp"
#include "ui/pictures.hpp"
#include "ui/screens.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"

namespace mn::ui {
namespace {

enum Question { Age, Pregnant, Skin, Concerns, Conditions, Meds, Procs, Sun, Prefs, kQuestionCount };

// Wider screens show related questions together.
const std::vector<std::vector<Question>> kGroupedPages = {
    {Age, Pregnant}, {Skin}, {Concerns}, {Conditions}, {Meds, Procs}, {Sun, Prefs}};

std::vector<std::vector<Question>> pages_for(const Layout& l) {
  if (l.form != FormFactor::Phone) return kGroupedPages;
  std::vector<std::vector<Question>> one_each;
  for (int q = 0; q < kQuestionCount; ++q) one_each.push_back({static_cast<Question>(q)});
  return one_each;
}

std::string key(const char* prefix, int i) { return std::string(prefix) + "." + std::to_string(i); }

void question_header(const char* title_key, const char* why_key) {
  text(tr(title_key), FontRole::H2);
  gap(2);
  text(tr(why_key), FontRole::Body, palette().ink_muted);
  gap(10);
}

// One choice row of a single-answer question; `value` takes `index` when pressed.
void single(const Layout& l, const std::string& id, const char* title, const char* detail, int& value, int index) {
  if (choice_row(id.c_str(), title, detail, value == index, false, l.target_h)) value = index;
}

// The options of a single-answer question whose labels are "<prefix>.0" … plus an optional "not sure" row.
void single_question(const Layout& l, const char* prefix, int count, int& value, const char* unsure_key = "q.not_sure") {
  for (int i = 0; i < count; ++i) single(l, key(prefix, i), tr(key(prefix, i)), nullptr, value, i);
  if (unsure_key) single(l, std::string(prefix) + ".unsure", tr(unsure_key), nullptr, value, kNotSure);
}

// A timing question shown under a ticked item ("How long ago?"), as a compact list.
void timing(const Layout& l, const std::string& id, const char* title_key, const char* prefix, int count, int& value) {
  ImGui::Indent(28.0f);
  text(tr(title_key), FontRole::Small, palette().ink_muted);
  for (int i = 0; i < count; ++i) single(l, id + "." + std::to_string(i), tr(key(prefix, i)), nullptr, value, i);
  ImGui::Unindent(28.0f);
  gap(6);
}

// "None of these" / "Not sure" rows of a list question: first, so that a person with nothing to tick need not read
// the whole list to say so.
void list_closers(const Layout& l, const char* id, ListAnswer& a) {
  using State = ListAnswer::State;
  if (choice_row((std::string(id) + ".none").c_str(), tr("q.none"), nullptr, a.state == State::none, false, l.target_h)) {
    a.picked.clear();
    a.state = State::none;
  }
  if (choice_row((std::string(id) + ".unsure").c_str(), tr("q.not_sure"), nullptr, a.state == State::not_sure, false, l.target_h)) {
    a.picked.clear();
    a.state = State::not_sure;
  }
}

void ask_age(const Layout& l, Answers& a) {
  question_header("q.age.title", "q.age.why");
  single_question(l, "q.age", static_cast<int>(kAgeChoices.size()), a.age, "q.prefer_not");
}

void ask_pregnant(const Layout& l, Answers& a) {
  question_header("q.pregnant.title", "q.pregnant.why");
  single_question(l, "q.pregnant", 2, a.pregnant);
}

void ask_skin(const Layout& l, Answers& a) {
  question_header("q.skin.title", "q.skin.why");
  for (int m = 0; m < 2; ++m) {
    std::string k = key("q.skin.mode", m);
    single(l, k, tr(k), tr(k + ".detail"), a.skin_mode, m);
  }
  single(l, "q.skin.unsure", tr("q.not_sure"), nullptr, a.skin_mode, kNotSure);
  gap(10);
  if (a.skin_mode == 0) {
    text(tr("q.skin.swatch_note"), FontRole::Small, palette().ink_muted);
    gap(6);
    for (int t = 1; t <= 6; ++t) {
      std::string k = key("q.skin.type", t);
      if (choice_row(k.c_str(), tr(k), tr(k + ".detail"), a.fitzpatrick == t, false, l.target_h, skin_tone(t)))
        a.fitzpatrick = t;
    }
  } else if (a.skin_mode == 1) {
    text(tr("q.quiz.source"), FontRole::Small, palette().ink_muted);
    gap(6);
    for (size_t q = 0; q < kQuizQuestions; ++q) {
      std::string qk = key("q.quiz", static_cast<int>(q) + 1);
      text(tr(qk), FontRole::H3);
      for (int i = 0; i <= kQuizMaxAnswer; ++i) single(l, key(qk.c_str(), i), tr(key(qk.c_str(), i)), nullptr, a.quiz[q], i);
      gap(8);
    }
    if (a.quiz_complete()) {
      int score = quiz_score(a.quiz).value_or(0);
      int type = fitzpatrick_for_quiz_score(score).value_or(0);
      callout(fill(tr("q.quiz.result"), {{"type", std::to_string(type)}, {"score", std::to_string(score)}}).c_str(),
              palette().primary);
    }
  }
}

// Where a concern is to be treated, when it can be more than one place: chips of its areas (the face chain, the
// hands, body areas; neurotoxin's are picked on Estimate), starting from the default. A pick here replaces one made
// on Estimate: the latest wins.
void ask_concern_areas(AppState& st, const std::string& id) {
  std::vector<std::string> offered;
  for (std::string_view area : concern_area_choices(id))
    if (area_kind_of_area(area) == AreaKind::surface) offered.emplace_back(area);
  if (offered.size() < 2) return;
  Answers& a = st.candidacy.answers;
  std::vector<std::string> current;
  if (const auto it = a.concern_areas.find(id); it != a.concern_areas.end())
    for (const std::string& area : it->second)
      if (area_kind_of_area(area) == AreaKind::surface) current.push_back(area);
  if (current.empty()) current.emplace_back(default_concern_area(id, AreaKind::surface));
  gap(6);
  text(tr("q.concerns.where"), FontRole::Small, palette().ink_muted);
  gap(2);
  if (auto next = area_chips(st, "q.area." + id + ".", offered, current)) {
    a.concern_areas[id] = std::move(*next);
    st.decision.concern_areas.erase(id);
  }
}

void ask_concerns(AppState& st) {
  const Layout& l = st.layout;
  Answers& a = st.candidacy.answers;
  const Lang lang = st.lang;
  question_header("q.concerns.title", "q.concerns.why");
  const Content& content = Content::builtin();
  const char* severities[] = {tr("q.severity.1"), tr("q.severity.2"), tr("q.severity.3")};
  for (std::string_view id : kConcernIds) {
    const Concern* c = content.concern(lang, id);
    std::string sid(id);
    bool picked = a.concerns.count(sid) != 0;
    if (choice_row(("concern." + sid).c_str(), c ? c->name.c_str() : sid.c_str(), c ? c->explain.c_str() : nullptr, picked,
                   true, l.target_h)) {
      if (picked) {
        a.concerns.erase(sid);
        a.concern_areas.erase(sid);
      } else {
        a.concerns[sid] = 2;
      }
    }
    if (a.concerns.count(sid)) {
      ImGui::Indent(28.0f);
      int& sev = a.concerns[sid];
      int pressed = segmented(("sev." + sid).c_str(), severities, 3, sev - 1, l.target_h);
      if (pressed >= 0) sev = pressed + 1;
      if (c && sev >= 1 && static_cast<size_t>(sev) <= c->severity.size())
        text(c->severity[static_cast<size_t>(sev - 1)].c_str(), FontRole::Small, palette().ink_muted);
      ask_concern_areas(st, sid);
      ImGui::Unindent(28.0f);
      gap(6);
    }
  }
}

// The health questions in groups with a heading each, so the long list reads in parts. The injectables' own
// questions (their labels' contraindications) are asked only when the clinic offers an injectable.
struct ConditionGroup {
  const char* title_key;
  std::vector<std::string_view> ids;
  bool injectables_only;
};

const std::vector<ConditionGroup>& condition_groups() {
  static const std::vector<ConditionGroup> groups = {
      {"q.conditions.group.skin",
       {"active_acne", "active_infection", "active_cold_sore", "cold_sores_history", "eczema_active", "psoriasis_active",
        "rosacea_active", "dermatitis_active", "open_wounds", "sunburn", "skin_cancer_or_suspicious_lesion"},
       false},
      {"q.conditions.group.healing",
       {"keloid_tendency", "vitiligo", "autoimmune_skin", "radiation_to_area", "recent_facial_surgery"}, false},
      {"q.conditions.group.health",
       {"bleeding_disorder", "low_platelets_or_anemia", "diabetes_uncontrolled", "immunosuppressed", "autoimmune_systemic",
        "cancer_treatment", "heart_liver_kidney_disease"},
       false},
      {"q.conditions.group.allergies",
       {"anesthetic_allergy", "metal_allergy", "implanted_electronic_device", "metal_implants_or_gold_threads"}, false},
      {"q.conditions.group.injectables",
       {"neuromuscular_disorder", "toxin_allergy", "severe_allergies_anaphylaxis", "gram_positive_protein_allergy"}, true},
  };
  return groups;
}

bool offers_injectable(const ClinicConfig& clinic) {
  return clinic.offers("neurotoxin") || clinic.offers("dermal_filler_ha");
}

void group_heading(const char* key) {
  gap(8);
  text(tr(key), FontRole::H3);
  gap(2);
}

void ask_conditions(const Layout& l, Answers& a, const ClinicConfig& clinic) {
  question_header("q.conditions.title", "q.conditions.why");
  list_closers(l, "cond", a.conditions);
  const bool injectables = offers_injectable(clinic);
  for (const ConditionGroup& g : condition_groups()) {
    if (g.injectables_only && !injectables) continue;
    group_heading(g.title_key);
    for (std::string_view id : g.ids) {
      std::string sid(id);
      if (choice_row(("cond." + sid).c_str(), candidacy_text("condition." + sid).c_str(), nullptr, a.conditions.has(sid), true, l.target_h))
        a.conditions.toggle(sid);
    }
  }
}

void ask_meds(const Layout& l, Answers& a, const ClinicConfig& clinic) {
  question_header("q.meds.title", "q.meds.why");
  list_closers(l, "med", a.medications);
  gap(8);
  const auto row = [&](std::string_view id) {
    std::string sid(id);
    if (choice_row(("med." + sid).c_str(), candidacy_text("medication." + sid).c_str(), nullptr, a.medications.has(sid), true, l.target_h))
      a.medications.toggle(sid);
    if (id == kIsotretinoin && a.medications.has(sid))
      timing(l, "med.iso", "q.meds.iso.when", "q.meds.iso", static_cast<int>(kIsotretinoinMonths.size()), a.medications.picked[sid]);
  };
  for (std::string_view id : kMedicationIds)
    if (id != "aminoglycoside") row(id);
  if (clinic.offers("neurotoxin")) {  // only the neurotoxin's label names them
    group_heading("q.meds.group.injectables");
    row("aminoglycoside");
  }
}

void ask_procedures(const Layout& l, Answers& a, Lang lang) {
  question_header("q.procs.title", "q.procs.why");
  list_closers(l, "proc", a.procedures);
  gap(8);
  const Content& content = Content::builtin();
  for (const Treatment& t : content.treatments()) {
    const TreatmentText* tt = content.treatment_text(lang, t.id);
    if (choice_row(("proc." + t.id).c_str(), tt ? tt->name.c_str() : t.id.c_str(), nullptr, a.procedures.has(t.id), true, l.target_h))
      a.procedures.toggle(t.id);
    if (a.procedures.has(t.id)) {
      timing(l, "proc." + t.id + ".when", "q.when", "q.procs", static_cast<int>(kProcedureWeeks.size()), a.procedures.picked[t.id]);
      if (t.family == "injectable") {  // the waits after an injection apply where it was given
        ImGui::Indent(28.0f);
        text(tr("q.procs.area"), FontRole::Small, palette().ink_muted);
        auto it = a.procedure_areas.find(t.id);
        int area = it == a.procedure_areas.end() ? kUnanswered : it->second;
        for (std::size_t i = 0; i < kAreaIds.size(); ++i)
          single(l, "proc." + t.id + ".area." + std::string(kAreaIds[i]),
                 candidacy_text("area." + std::string(kAreaIds[i])).c_str(), nullptr, area, static_cast<int>(i));
        if (area != kUnanswered) a.procedure_areas[t.id] = area;
        ImGui::Unindent(28.0f);
        gap(6);
      }
    } else {
      a.procedure_areas.erase(t.id);
    }
  }
}

void ask_sun(const Layout& l, Answers& a) {
  question_header("q.sun.title", "q.sun.why");
  single_question(l, "q.sun", 3, a.sun);
}

void ask_prefs(const Layout& l, Answers& a, const ClinicConfig& clinic) {
  question_header("q.prefs.title", "q.prefs.why");
  text(tr("q.prefs.downtime"), FontRole::H3);
  single_question(l, "q.prefs.downtime", static_cast<int>(kDowntimeDays.size()), a.downtime);
  gap(10);
  text(tr("q.prefs.budget"), FontRole::H3);
  MoneyFormat money(clinic.currency, clinic.locale);
  for (size_t i = 0; i < kBudgets.size(); ++i) {
    bool last = i + 1 == kBudgets.size();
    std::string label = fill(tr(last ? "q.prefs.budget.more" : "q.prefs.budget.upto"),
                             {{"amount", money(last ? kBudgets[i - 1] : kBudgets[i])}});
    single(l, key("q.prefs.budget", static_cast<int>(i)), label.c_str(), nullptr, a.budget, static_cast<int>(i));
  }
  single(l, "q.prefs.budget.unsure", tr("q.prefer_not"), nullptr, a.budget, kNotSure);
}

void ask(Question q, AppState& st) {
  Answers& a = st.candidacy.answers;
  const Layout& l = st.layout;
  switch (q) {
    case Age: ask_age(l, a); break;
    case Pregnant: ask_pregnant(l, a); break;
    case Skin: ask_skin(l, a); break;
    case Concerns: ask_concerns(st); break;
    case Conditions: ask_conditions(l, a, st.clinic); break;
    case Meds: ask_meds(l, a, st.clinic); break;
    case Procs: ask_procedures(l, a, st.lang); break;
    case Sun: ask_sun(l, a); break;
    case Prefs: ask_prefs(l, a, st.clinic); break;
    case kQuestionCount: break;
  }
}

const char* question_title(Question q) {
  constexpr std::array<const char*, kQuestionCount> kTitles = {"q.age.title",        "q.pregnant.title", "q.skin.title",
                                                               "q.concerns.title",   "q.conditions.title", "q.meds.title",
                                                               "q.procs.title",      "q.sun.title",      "q.prefs.title"};
  return kTitles[static_cast<std::size_t>(q)];
}

// Whether a question has an answer ("not sure" is one). The preferences count as answered once both are given; being
// optional (optional_question), they are never marked or listed as missing.
bool answered(Question q, const Answers& a) {
  using State = ListAnswer::State;
  switch (q) {
    case Age: return a.age != kUnanswered;
    case Pregnant: return a.pregnant != kUnanswered;
    case Skin:
      return a.skin_mode == kNotSure || (a.skin_mode == 0 && a.fitzpatrick != kUnanswered) ||
             (a.skin_mode == 1 && a.quiz_complete());
    case Concerns: return !a.concerns.empty();
    case Conditions: return a.conditions.state != State::unanswered;
    case Meds: return a.medications.state != State::unanswered;
    case Procs: return a.procedures.state != State::unanswered;
    case Sun: return a.sun != kUnanswered;
    case Prefs: return a.downtime != kUnanswered && a.budget != kUnanswered;
    case kQuestionCount: return true;
  }
  return true;
}

// The preferences (downtime, budget) only tune the ranking: never marked or listed as missing.
bool optional_question(Question q) { return q == Prefs; }

bool page_answered(const std::vector<Question>& page, const Answers& a) {
  return std::all_of(page.begin(), page.end(), [&](Question q) { return answered(q, a); });
}
// Passed without an answer to a question that is not optional.
bool page_missed(const std::vector<Question>& page, const CandidacyState& cs) {
  return std::any_of(page.begin(), page.end(), [&](Question q) {
    return cs.seen.count(q) != 0 && !optional_question(q) && !answered(q, cs.answers);
  });
}

// The steps as a row of numbered circles: done (filled), here (a ring; a second ring when also done), passed without
// an answer (an amber ring and a dot), not yet (muted). Tapping one goes there.
void step_overview(AppState& st, const std::vector<std::vector<Question>>& pages) {
  CandidacyState& cs = st.candidacy;
  const Palette& p = palette();
  const float spacing = 4.0f, w = ImGui::GetContentRegionAvail().x;
  // One row where it fits (a phone): smaller circles, never under 32 px (above WCAG's 24 px targets).
  const float n = static_cast<float>(pages.size());
  const float size = std::max(32.0f, std::min(st.layout.touch ? 44.0f : 36.0f, (w - spacing * (n - 1.0f)) / n));
  const int per_row = std::max(1, static_cast<int>((w + spacing) / (size + spacing)));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (int i = 0; i < static_cast<int>(pages.size()); ++i) {
    if (i % per_row != 0) ImGui::SameLine(0, spacing);
    const bool here = i == cs.page && !cs.review;
    const bool done = page_answered(pages[static_cast<std::size_t>(i)], cs.answers);
    const bool missed = !done && !here && page_missed(pages[static_cast<std::size_t>(i)], cs);
    const std::string id = "step." + std::to_string(i + 1);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    bool pressed = ImGui::InvisibleButton(id.c_str(), ImVec2(size, size));
    const std::string name = fill(tr(done ? "q.step.done" : missed ? "q.step.missed" : "q.step.todo"),
                                  {{"n", std::to_string(i + 1)}}) + "##" + id;
    pressed |= name_item(ImGui::GetItemID(), name.c_str(), mirror::Role::button, here);
    const ImVec2 c(pos.x + size * 0.5f, pos.y + size * 0.5f);
    const float r = size * 0.5f - 5.0f;
    const std::string number = std::to_string(i + 1);
    ImU32 ink = p.ink_muted;
    if (done) {
      dl->AddCircleFilled(c, r, here ? p.primary_active : p.primary);
      ink = p.on_primary;
    } else {
      dl->AddCircle(c, r, missed ? p.warning : here ? p.primary : p.border, 0, here || missed ? 2.5f : 1.5f);
      ink = missed ? p.warning : here ? p.primary : p.ink_muted;
    }
    if (here && done) dl->AddCircle(c, r + 3.0f, p.primary, 0, 2.0f);
    const ImVec2 ts = measure(FontRole::Small, number);
    draw_text(dl, FontRole::Small, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), ink, number);
    if (missed) dl->AddCircleFilled(ImVec2(c.x + r * 0.75f, c.y - r * 0.75f), 4.0f, p.warning);
    if (pressed) st.go(Place{Screen::Candidacy, i, false, false});
  }
}

// Moving on from a page: its questions count as seen (a missing answer is marked from now on).
void leave_page(CandidacyState& cs, const std::vector<Question>& page) {
  for (Question q : page) cs.seen.insert(q);
}

// The questions without an answer, in order.
std::vector<Question> unanswered(const Answers& a) {
  std::vector<Question> out;
  for (int q = 0; q < kQuestionCount; ++q)
    if (!optional_question(static_cast<Question>(q)) && !answered(static_cast<Question>(q), a)) out.push_back(static_cast<Question>(q));
  return out;
}

void open_results(AppState& st) {
  CandidacyState& cs = st.candidacy;
  cs.show_results = true;
  cs.review = false;
  cs.results_lang.reset();
  st.scroll_to_top = true;
}

// The actions of a step, pinned to the bottom of the view so that Next is always in reach, however long the step.
struct ActionBar {
  bool back = false, next = false;
};
ActionBar action_bar(AppState& st, const char* next_key, bool has_back) {
  const Layout& l = st.layout;
  const Palette& p = palette();
  ActionBar out;
  const float bar_h = l.action_bar_h > 0 ? l.action_bar_h : l.target_h + 24.0f;
  const float x0 = l.sidebar_w, width = l.display.x - l.sidebar_w;
  ImGui::SetNextWindowPos(ImVec2(x0, l.display.y - l.bottom_nav_h - bar_h));
  ImGui::SetNextWindowSize(ImVec2(width, bar_h));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, p.surface);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("step_actions", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 wp = ImGui::GetWindowPos();
  dl->AddLine(wp, ImVec2(wp.x + width, wp.y), p.border);
  const float avail = width - l.pad * 2, col = std::min(avail, l.content_max);
  const float left = l.pad + (avail - col) * 0.5f;
  const float spacing = 12.0f;
  const bool phone = l.form == FormFactor::Phone;
  // Phone: the two share the row; wider: each at least 200 px, and as wide as its words need.
  // Phone: halves, unless the forward label needs more room (a long one, a large text size): Back then takes what
  // its word needs and the forward button the rest.
  const float half = (col - spacing) * 0.5f, next_need = measure(FontRole::Button, tr(next_key)).x + 40.0f;
  const float back_w = phone ? (next_need <= half ? half : std::min(half, measure(FontRole::Button, tr("q.back")).x + 40.0f))
                             : std::max(200.0f, measure(FontRole::Button, tr("q.back")).x + 56.0f);
  const float next_w = phone ? (has_back ? col - spacing - back_w : col)
                             : std::max(200.0f, next_need + 16.0f);
  ImGui::SetCursorPos(ImVec2(left, 12.0f));
  if (has_back) out.back = button(tr("q.back"), ButtonKind::Secondary, back_w, l.target_h);
  ImGui::SetCursorPos(ImVec2(left + col - next_w, 12.0f));
  out.next = button(tr(next_key), ButtonKind::Primary, next_w, l.target_h);
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  return out;
}

// Before the results: the questions left without an answer, each a tap away, or the results anyway (an unanswered
// question counts as not known, which makes some verdicts more cautious).
void draw_review(AppState& st, const std::vector<std::vector<Question>>& pages, const std::vector<Question>& missing) {
  CandidacyState& cs = st.candidacy;
  const Palette& p = palette();
  heading(fill(tr(missing.size() == 1 ? "q.review.title_one" : "q.review.title"), {{"n", std::to_string(missing.size())}}).c_str(),
          FontRole::H1);
  text(tr("q.review.lead"), FontRole::Body, p.ink_muted);
  gap(14);
  step_overview(st, pages);
  gap(14);
  for (Question q : missing) {
    int page = 0;
    for (std::size_t i = 0; i < pages.size(); ++i)
      if (std::find(pages[i].begin(), pages[i].end(), q) != pages[i].end()) page = static_cast<int>(i);
    const std::string id = "review." + std::to_string(static_cast<int>(q));
    if (link_row(id.c_str(), tr(question_title(q)), tr("q.review.not_answered"), p.warning, st.layout.target_h))
      st.go(Place{Screen::Candidacy, page, false, false});
  }
  gap(16);
  callout(tr("q.privacy"), palette().primary);
  screen_footer(st);
  const ActionBar a = action_bar(st, "q.review.anyway", true);
  if (a.back) st.go(Place{Screen::Candidacy, cs.page, false, false});
  if (a.next) open_results(st);
}

}  // namespace

void draw_candidacy(AppState& st) {
  CandidacyState& cs = st.candidacy;
  if (cs.show_results) {
    draw_results(st);
    return;
  }
  const auto pages = pages_for(st.layout);
  // A page index from a wider layout may not fit a phone's one-question pages: map by first question.
  cs.page = ImClamp(cs.page, 0, static_cast<int>(pages.size()) - 1);
  if (cs.review) {
    const std::vector<Question> missing = unanswered(cs.answers);
    if (!missing.empty()) {
      draw_review(st, pages, missing);
      return;
    }
    open_results(st);  // everything answered meanwhile
    draw_results(st);
    return;
  }

  // The title and its lead once, on the first step; the steps after it show where the person is.
  if (cs.page == 0) screen_header("candidacy.title", "candidacy.lead");
  text(fill(tr("q.progress"), {{"n", std::to_string(cs.page + 1)}, {"total", std::to_string(pages.size())}}).c_str(),
       FontRole::Small, palette().ink_muted);
  gap(4);
  step_overview(st, pages);
  gap(16);
  const std::vector<Question>& page = pages[static_cast<size_t>(cs.page)];
  for (size_t i = 0; i < page.size(); ++i) {
    if (i) gap(24);
    if (cs.seen.count(page[i]) && !optional_question(page[i]) && !answered(page[i], cs.answers)) {
      text(tr("q.review.not_answered"), FontRole::Small, palette().warning);
      gap(2);
    }
    ask(page[i], st);
  }
  gap(20);
  callout(tr("q.privacy"), palette().primary);
  screen_footer(st);

  // Back and Next, pinned to the bottom of the view: Next on the right. Nothing stops a person moving on without an
  // answer; the step is then marked, and the questions still open are shown again before the results.
  const bool last = cs.page + 1 == static_cast<int>(pages.size());
  const ActionBar a = action_bar(st, last ? "q.see_results" : "q.next", cs.page > 0);
  if (a.back) {
    leave_page(cs, page);
    st.go(Place{Screen::Candidacy, cs.page - 1, false, false});
  } else if (a.next) {
    leave_page(cs, page);
    if (!last) st.go(Place{Screen::Candidacy, cs.page + 1, false, false});
    else if (unanswered(cs.answers).empty()) open_results(st);
    else st.go(Place{Screen::Candidacy, cs.page, false, true});
  }
}

}  // namespace mn::ui
