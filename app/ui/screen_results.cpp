// The candidacy results: a one-screen summary first (may suit you, with care, wait, not advised; best fit for the
// person's concerns first), then the notes that apply to several treatments said once, then a card per treatment with
// its verdict, its own reasons and what to ask the clinician, and links into Compare and Estimate. The words come from
// the core's reason_text() & co., the same functions assessment_json() writes for the CLI and the JS API.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/candidacy_json.hpp"
#include "core/text.hpp"
#include "ui/colors.hpp"
#include "ui/decision.hpp"
#include "ui/screens.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"

namespace mn::ui {
namespace {

struct VerdictStyle { ImU32 fill, ink; };

VerdictStyle verdict_style(Verdict v) {
  const Palette& p = palette();
  switch (v) {
    case Verdict::suitable: return {rgb(colors::badge_suitable), p.success};
    case Verdict::suitable_with_precautions: return {rgb(colors::badge_precautions), p.warning};
    case Verdict::defer: return {rgb(colors::badge_defer), p.focus};
    case Verdict::not_recommended: return {rgb(colors::badge_not_recommended), p.danger};
  }
  return {p.surface_alt, p.ink};
}

void ensure_results(AppState& st) {
  CandidacyState& cs = st.candidacy;
  if (cs.results_lang == st.lang) return;
  const CandidacyRules& rules = CandidacyRules::builtin();
  const Content& content = Content::builtin();
  cs.assessment = assess(cs.answers.profile(), st.clinic, rules, content);
  ResultText text;
  for (SkinNote& n : skin_notes(cs.assessment.skin, st.lang, rules)) text.notes.push_back(std::move(n.message));
  for (const TreatmentAssessment& t : cs.assessment.treatments) {
    ResultText::Card card{treatment_name(content, st.lang, t.treatment->id), verdict_label(t.verdict, st.lang, rules), {}};
    for (const Reason& r : t.reasons) card.reasons.push_back(reason_text(r, st.lang, rules, content));
    text.cards.push_back(std::move(card));
  }
  cs.results = std::move(text);
  cs.results_lang = st.lang;
}

std::string fit_line(const TreatmentAssessment& t, Lang lang) {
  std::string list;
  for (const auto& [concern, level] : t.concern_fit) {
    const Concern* c = Content::builtin().concern(lang, concern);
    if (!list.empty()) list += ", ";
    list += (c ? c->name : concern) + " (" + tr("r.fit.level." + std::to_string(level)) + ")";
  }
  return list.empty() ? std::string() : fill(tr("r.fit"), {{"list", list}});
}

// How well a treatment does for the person's concerns: its best level (0–3), then the sum, for ranking.
int fit_score(const TreatmentAssessment& t) {
  int best = 0, sum = 0;
  for (const auto& [concern, level] : t.concern_fit) {
    best = std::max(best, level);
    sum += level;
  }
  return best * 100 + sum;
}

// The offered treatments in the order the summary and the cards show them: by verdict (may suit, with care, wait,
// not advised), then best fit for the concerns, then content order.
std::vector<std::size_t> result_order(const CandidacyState& cs) {
  std::vector<std::size_t> order;
  const std::size_t n = std::min(cs.assessment.treatments.size(), cs.results.cards.size());
  for (std::size_t i = 0; i < n; ++i)
    if (cs.assessment.treatments[i].offered) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const TreatmentAssessment& ta = cs.assessment.treatments[a];
    const TreatmentAssessment& tb = cs.assessment.treatments[b];
    if (ta.verdict != tb.verdict) return ta.verdict < tb.verdict;
    return fit_score(ta) > fit_score(tb);
  });
  return order;
}

// Reasons that two or more of the shown cards give in the same words: said once, above the cards.
struct SharedNote {
  std::string message, ask, caution;
  std::vector<std::string> treatments;  // names, in the cards' order
};
std::vector<SharedNote> shared_notes(const CandidacyState& cs, const std::vector<std::size_t>& order) {
  std::vector<SharedNote> notes;
  for (std::size_t i : order)
    for (const ReasonText& r : cs.results.cards[i].reasons) {
      auto it = std::find_if(notes.begin(), notes.end(), [&](const SharedNote& n) { return n.message == r.message; });
      if (it == notes.end()) notes.push_back({r.message, r.ask, r.caution, {cs.results.cards[i].name}});
      else if (std::find(it->treatments.begin(), it->treatments.end(), cs.results.cards[i].name) == it->treatments.end())
        it->treatments.push_back(cs.results.cards[i].name);
    }
  notes.erase(std::remove_if(notes.begin(), notes.end(), [](const SharedNote& n) { return n.treatments.size() < 2; }),
              notes.end());
  return notes;
}

bool is_shared(const std::vector<SharedNote>& shared, const ReasonText& r) {
  return std::any_of(shared.begin(), shared.end(), [&](const SharedNote& n) { return n.message == r.message; });
}

const char* group_key(Verdict v) {
  switch (v) {
    case Verdict::suitable: return "r.group.suitable";
    case Verdict::suitable_with_precautions: return "r.group.precautions";
    case Verdict::defer: return "r.group.defer";
    case Verdict::not_recommended: return "r.group.not_recommended";
  }
  return "r.group.suitable";
}

// One line under a treatment in the summary: its wait, and how much it does for the concerns.
std::string summary_detail(const TreatmentAssessment& t, const AppState& st) {
  std::string out;
  if (t.wait) out = fill(tr("r.wait"), {{"time", CandidacyRules::builtin().duration_text(st.lang, *t.wait)}});
  if (!t.concern_fit.empty()) {
    const std::string fit = fit_score(t) < 100 ? std::string(tr("r.fit.none")) : fit_line(t, st.lang);
    out += (out.empty() ? "" : "\n") + fit;
  }
  return out;
}

void summary(AppState& st, const std::vector<std::size_t>& order) {
  CandidacyState& cs = st.candidacy;
  const Palette& p = palette();
  CardScope card;
  card_begin(card);
  text(tr("r.summary.title"), FontRole::H2);
  text(tr(cs.answers.concerns.empty() ? "r.summary.lead_no_concerns" : "r.summary.lead"), FontRole::Body, p.ink_muted);
  std::optional<Verdict> group;
  for (std::size_t i : order) {
    const TreatmentAssessment& t = cs.assessment.treatments[i];
    const VerdictStyle vs = verdict_style(t.verdict);
    if (!group || *group != t.verdict) {
      group = t.verdict;
      gap(10);
      text(tr(group_key(t.verdict)), FontRole::H3, vs.ink);
    }
    const std::string id = "summary." + t.treatment->id;
    if (link_row(id.c_str(), cs.results.cards[i].name.c_str(), summary_detail(t, st).c_str(), vs.ink, st.layout.target_h))
      cs.jump_to = t.treatment->id;
  }
  card_end(card);
  gap(16);
}

void shared_block(const std::vector<SharedNote>& shared, std::size_t shown) {
  if (shared.empty()) return;
  const Palette& p = palette();
  CardScope card;
  card_begin(card);
  text(tr("r.shared.title"), FontRole::H2);
  text(tr("r.shared.lead"), FontRole::Body, p.ink_muted);
  std::string caution;
  for (const SharedNote& n : shared) {
    gap(10);
    text(n.message.c_str());
    if (!n.ask.empty()) text((std::string(tr("r.ask")) + " " + n.ask).c_str(), FontRole::Small, p.primary);
    std::string list;
    for (const std::string& name : n.treatments) list += (list.empty() ? "" : ", ") + name;
    text(n.treatments.size() == shown ? tr("r.shared.applies_all") : fill(tr("r.shared.applies"), {{"list", list}}).c_str(),
         FontRole::Small, p.ink_muted);
    if (!n.caution.empty()) caution = n.caution;
  }
  if (!caution.empty()) {
    gap(8);
    text(caution.c_str(), FontRole::Small, p.ink_muted);
  }
  card_end(card);
  gap(16);
}

void treatment_card(const TreatmentAssessment& t, const ResultText::Card& card, AppState& st,
                    const std::vector<SharedNote>& shared) {
  const Palette& p = palette();
  const float pad = 20.0f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImDrawListSplitter layers;
  layers.Split(dl, 2);
  layers.SetCurrentChannel(dl, 1);
  ImVec2 top = ImGui::GetCursorScreenPos();
  float w = ImGui::GetContentRegionAvail().x;
  ImGui::SetCursorScreenPos(ImVec2(top.x + pad, top.y + pad));
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w - pad * 2);
  text(card.name.c_str(), FontRole::H3);
  VerdictStyle vs = verdict_style(t.verdict);
  badge(card.verdict_label.c_str(), vs.fill, vs.ink);
  if (t.wait)
    text(fill(tr("r.wait"), {{"time", CandidacyRules::builtin().duration_text(st.lang, *t.wait)}}).c_str(), FontRole::Body, vs.ink);
  std::string fit = fit_line(t, st.lang);
  if (!fit.empty()) text(fit.c_str(), FontRole::Small, p.ink_muted);
  gap(4);
  if (card.reasons.empty()) text(tr("r.no_reasons"), FontRole::Body, p.ink_muted);
  std::string caution;  // once a card: every cautious default has the same note
  int shared_here = 0;
  for (const ReasonText& r : card.reasons) {
    if (is_shared(shared, r)) {
      ++shared_here;
      continue;
    }
    text(r.message.c_str());
    if (!r.ask.empty()) text((std::string(tr("r.ask")) + " " + r.ask).c_str(), FontRole::Small, p.primary);
    if (!r.caution.empty()) caution = r.caution;
    gap(6);
  }
  if (!caution.empty()) text(caution.c_str(), FontRole::Small, p.ink_muted);
  if (shared_here > 0) text(fill(tr("r.card.shared"), {{"count", std::to_string(shared_here)}}).c_str(), FontRole::Small, p.ink_muted);
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  float bottom = ImGui::GetItemRectMax().y + pad;
  layers.SetCurrentChannel(dl, 0);
  dl->AddRectFilled(top, ImVec2(top.x + w, bottom), p.surface, 14.0f);
  dl->AddRect(top, ImVec2(top.x + w, bottom), p.border, 14.0f);
  dl->AddRectFilled(ImVec2(top.x, top.y + 16), ImVec2(top.x + 4, bottom - 16), vs.ink, 2.0f);
  layers.Merge(dl);
  ImGui::SetCursorScreenPos(ImVec2(top.x, bottom));
  ImGui::Dummy(ImVec2(w, 0));
  gap(12);
}

// The card's content as a row of the mirror's results table: name, verdict (with its wait), reasons (one a line).
std::vector<std::string> mirror_row(const TreatmentAssessment& t, const ResultText::Card& card, const AppState& st,
                                    const std::vector<SharedNote>& shared) {
  std::string verdict = card.verdict_label;
  if (t.wait) verdict += "\n" + fill(tr("r.wait"), {{"time", CandidacyRules::builtin().duration_text(st.lang, *t.wait)}});
  std::string reasons;
  auto line = [&](const std::string& s) {
    if (s.empty()) return;
    if (!reasons.empty()) reasons += "\n";
    reasons += s;
  };
  line(fit_line(t, st.lang));
  if (card.reasons.empty()) line(tr("r.no_reasons"));
  std::string caution;
  int shared_here = 0;
  for (const ReasonText& r : card.reasons) {
    if (is_shared(shared, r)) {
      ++shared_here;
      continue;
    }
    line(r.message);
    if (!r.ask.empty()) line(std::string(tr("r.ask")) + " " + r.ask);
    if (!r.caution.empty()) caution = r.caution;
  }
  line(caution);
  if (shared_here > 0) line(fill(tr("r.card.shared"), {{"count", std::to_string(shared_here)}}));
  return {card.name, verdict, reasons};
}

}  // namespace

std::string candidacy_text(std::string_view key) { return CandidacyRules::builtin().text(language(), key); }

void draw_results(AppState& st) {
  ensure_results(st);
  CandidacyState& cs = st.candidacy;
  const Palette& p = palette();
  screen_header("r.title", "r.lead");

  const SkinType& skin = cs.assessment.skin;
  if (skin.type) text(fill(tr("r.skin"), {{"type", roman(*skin.type)}}).c_str(), FontRole::H3);
  else text(tr("r.skin_unknown"), FontRole::Body, p.ink_muted);
  for (const std::string& note : cs.results.notes) text(note.c_str(), FontRole::Small, p.ink_muted);
  gap(14);

  // Only what this clinic offers gets a verdict: the questionnaire leaves out the questions of treatments the clinic
  // does not offer (an injectable's own contraindications, say), so a verdict for one of them would rest on questions
  // never asked. They are named once, below the cards.
  const std::vector<std::size_t> order = result_order(cs);
  std::string not_offered;
  const std::size_t n = std::min(cs.assessment.treatments.size(), cs.results.cards.size());
  for (std::size_t i = 0; i < n; ++i)
    if (!cs.assessment.treatments[i].offered) not_offered += (not_offered.empty() ? "" : ", ") + cs.results.cards[i].name;
  summary(st, order);
  const std::vector<SharedNote> shared = shared_notes(cs, order);
  shared_block(shared, order.size());

  // Screen readers get the cards as one table (the mirror); the cards' own text is left out of it.
  mirror::table_begin(fill(tr("r.table.caption"), {{"count", std::to_string(order.size())}}),
                      {tr("r.table.treatment"), tr("r.table.verdict"), tr("r.table.reasons")});
  for (std::size_t i : order) {
    const TreatmentAssessment& t = cs.assessment.treatments[i];
    if (cs.jump_to == t.treatment->id) {  // tapped in the summary: its card at the top of the view
      ImGui::SetScrollHereY(0.0f);
      cs.jump_to.clear();
    }
    mirror::table_row(mirror_row(t, cs.results.cards[i], st, shared));
    mirror::mute_begin();
    treatment_card(t, cs.results.cards[i], st, shared);
    mirror::mute_end();
  }
  mirror::table_end();
  if (!not_offered.empty()) text(fill(tr("r.not_offered_list"), {{"list", not_offered}}).c_str(), FontRole::Small, p.ink_muted);

  gap(8);
  const float spacing = 12.0f;
  bool phone = st.layout.form == FormFactor::Phone;
  float bw = phone ? -1.0f : 0.0f;
  if (button(tr("r.compare"), ButtonKind::Primary, bw, st.layout.target_h)) st.go(Screen::Compare);
  if (!phone) ImGui::SameLine(0, spacing);
  if (button(tr("r.estimate"), ButtonKind::Secondary, bw, st.layout.target_h)) st.go(Screen::Estimate);
  gap(6);
  if (button(tr("r.edit"), ButtonKind::Quiet, 0.0f, st.layout.target_h)) {
    cs.show_results = false;
    st.scroll_to_top = true;
  }
  if (!phone) ImGui::SameLine(0, spacing);
  if (button(tr("r.restart"), ButtonKind::Quiet, 0.0f, st.layout.target_h)) {
    cs = CandidacyState{};
    st.scroll_to_top = true;
  }
  screen_footer(st);
}

}  // namespace mn::ui
