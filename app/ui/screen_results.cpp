// The candidacy results: every treatment with its verdict as a badge, the reasons under it, what to ask the
// clinician, and links into Compare and Estimate. The words come from the core's reason_text() & co., the same
// functions assessment_json() writes for the CLI and the JS API.
#include <algorithm>
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

void treatment_card(const TreatmentAssessment& t, const ResultText::Card& card, AppState& st) {
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
  for (const ReasonText& r : card.reasons) {
    text(r.message.c_str());
    if (!r.ask.empty()) text((std::string(tr("r.ask")) + " " + r.ask).c_str(), FontRole::Small, p.primary);
    if (!r.caution.empty()) caution = r.caution;
    gap(6);
  }
  if (!caution.empty()) text(caution.c_str(), FontRole::Small, p.ink_muted);
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
std::vector<std::string> mirror_row(const TreatmentAssessment& t, const ResultText::Card& card, const AppState& st) {
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
  for (const ReasonText& r : card.reasons) {
    line(r.message);
    if (!r.ask.empty()) line(std::string(tr("r.ask")) + " " + r.ask);
    if (!r.caution.empty()) caution = r.caution;
  }
  line(caution);
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

  // Screen readers get the cards as one table (the mirror); the cards' own text is left out of it.
  // Only what this clinic offers gets a verdict card: the questionnaire leaves out the questions of treatments the
  // clinic does not offer (an injectable's own contraindications, say), so a verdict for one of them would rest on
  // questions never asked. They are named once, below the cards.
  std::size_t offered = 0;
  std::string not_offered;
  const std::size_t n = std::min(cs.assessment.treatments.size(), cs.results.cards.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (cs.assessment.treatments[i].offered) ++offered;
    else not_offered += (not_offered.empty() ? "" : ", ") + cs.results.cards[i].name;
  }
  mirror::table_begin(fill(tr("r.table.caption"), {{"count", std::to_string(offered)}}),
                      {tr("r.table.treatment"), tr("r.table.verdict"), tr("r.table.reasons")});
  for (std::size_t i = 0; i < n; ++i) {
    const TreatmentAssessment& t = cs.assessment.treatments[i];
    if (!t.offered) continue;
    mirror::table_row(mirror_row(t, cs.results.cards[i], st));
    mirror::mute_begin();
    treatment_card(t, cs.results.cards[i], st);
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
