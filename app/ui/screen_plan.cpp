// My plan: the chosen treatment, dates and costs in one place (the same estimate as the Estimate screen), aftercare
// reminders, and ways to keep it: print, a share link with its QR code (plan parameters only, never health
// answers), copy as text, and booking at the clinic after a clear "you are leaving" step.
#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "core/content.hpp"
#include "core/text.hpp"
#include "imgui_internal.h"
#include "ui/charts.hpp"
#include "ui/decision.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"

namespace mn::ui {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kBookingPopup = "booking_confirm";
constexpr double kConfirmSeconds = 2.0, kFadeSeconds = 0.8;  // wall-clock: slow frames do not stretch it

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

bool phone(const AppState& st) { return st.layout.form == FormFactor::Phone; }

// A shared kiosk neither copies, prints nor opens other sites: people take the plan with them by its QR code.
bool kiosk(const AppState& st) { return st.mode == Mode::kiosk; }

ImU32 faded(ImU32 c, float alpha) {
  int a = static_cast<int>(static_cast<float>((c >> IM_COL32_A_SHIFT) & 0xFF) * std::clamp(alpha, 0.0f, 1.0f));
  return (c & ~IM_COL32_A_MASK) | (static_cast<ImU32>(a) << IM_COL32_A_SHIFT);
}

// ---------------------------------------------------------------- the link banner

void link_banner(AppState& st) {
  DecisionState& ds = st.decision;
  const Palette& p = palette();
  if (ds.link.kind == PlanLinkStatus::Kind::none || ds.link.hidden) return;
  std::string body;
  ImU32 edge = p.primary;
  if (ds.link.kind == PlanLinkStatus::Kind::refused) {
    const std::string key = "plan.link.refused." + ds.link.code;
    body = Content::builtin().tr(st.lang, key) == key ? tr("plan.link.refused.malformed") : tr(key.c_str());
    body += "\n\n" + std::string(tr("plan.link.refused_after"));
    edge = p.danger;
  } else {
    body = tr("plan.link.restored");
    if (!st.clinic.offers(ds.treatment)) {
      body += "\n\n" + std::string(tr("r.not_offered"));
      edge = p.warning;
    }
    std::vector<std::string> left_out = link_ids_left_out(st);
    if (!left_out.empty()) {
      std::string list;
      for (const std::string& id : left_out) list += (list.empty() ? "" : ", ") + id;
      body += "\n\n" + fill(tr("plan.link.left_out"), {{"list", list}});
      edge = p.warning;
    }
  }
  callout(body.c_str(), edge);
  gap(4);
  if (button(tr("plan.link.hide"), ButtonKind::Quiet, 0.0f, st.layout.target_h)) ds.link.hidden = true;
  gap(12);
}

// ---------------------------------------------------------------- the summary

Date course_end(const Json& e) {
  Date end = parse_iso_date(str(e, "start")).value_or(Date{});
  for (const Json& v : field(e, "visits"))
    if (!v.value("beyond_typical", false)) end = parse_iso_date(str(v, "date")).value_or(end);
  return end;
}

void summary(AppState& st, const Json& e) {
  const Palette& p = palette();
  const Json& c = field(e, "costs");
  const MoneyFormat money = clinic_money(st, str(c, "currency"));
  CardScope card;
  card_begin(card, 20.0f, 0, p.primary);
  text(str(e, "name").c_str(), FontRole::H2);
  std::string concerns;
  for (const Json& cn : field(e, "concerns"))
    concerns += (concerns.empty() ? "" : ", ") + concern_name(st, str(cn, "id")) + " (" +
                severity_words(static_cast<int>(num(cn, "severity"))) + ")";
  text(fill(tr("plan.concerns"), {{"list", concerns.empty() ? std::string(tr("plan.concerns_none")) : concerns}}).c_str(),
       FontRole::Body, p.ink_muted);
  gap(12);

  Json course = {{"low", num(field(field(c, "course"), "low"), "cost")}, {"typical", num(field(field(c, "course"), "typical"), "cost")},
                 {"high", num(field(field(c, "course"), "high"), "cost")}};
  // What is paid for the course, as the Estimate shows it: its lines' sum (add-ons, fees and a tax added at checkout).
  const Json& total_course = field(c, "course_total").is_object() ? field(c, "course_total") : course;
  struct Item { std::string label, value, note; };
  const bool offered = e.value("offered", true);
  if (!offered) {  // switched off at this clinic (a link made elsewhere, or before): no price, no booking
    callout(fill(tr("plan.not_offered"), {{"treatment", str(e, "name")}, {"clinic", st.clinic.clinic.name}}).c_str(), p.warning);
    gap(8);
  }
  std::vector<Item> items = {
      {tr("plan.sessions"), fill(tr("plan.sessions_value"), {{"range", number_range(field(e, "sessions"))}, {"typical", number_text(num(field(e, "sessions"), "typical"))}}), ""},
      {tr("plan.first_session"), date_text(st, str(e, "start")), ""},
      {tr("plan.course_ends"), date_text(st, course_end(e)), tr("estimate.at_typical")},
      {tr("plan.course_cost") + std::string(" (") + str(c, "currency") + ")", money_range(money, total_course),
       money_usually(money, total_course)},
      {tr("estimate.cost.first_year"), money_range(money, field(c, "first_year")), money_usually(money, field(c, "first_year"))},
      {fill(tr("estimate.cost.total"), {{"years", number_text(num(field(c, "total"), "years"))}}), money_range(money, field(c, "total")),
       money_usually(money, field(c, "total"))},
  };
  if (!offered) items.resize(3);  // the sessions and dates; none of the prices
  if (field(e, "results_last_until").is_object())
    items.push_back({tr("plan.lasts"), fill(tr("plan.lasts_value"), {{"from", date_text(st, str(field(e, "results_last_until"), "low"))},
                                                                     {"to", date_text(st, str(field(e, "results_last_until"), "high"))}}), ""});
  const int cols = 2;
  float w = ImGui::GetContentRegionAvail().x;
  float cw = (w - 20.0f * static_cast<float>(cols - 1)) / static_cast<float>(cols);
  ImVec2 origin = ImGui::GetCursorScreenPos();
  float row_bottom = origin.y;
  for (size_t i = 0; i < items.size(); ++i) {
    int col = static_cast<int>(i) % cols;
    if (col == 0 && i > 0) origin.y = row_bottom + 16;
    ColumnScope cs;
    column_begin(cs, origin.x + (cw + 20.0f) * static_cast<float>(col), origin.y, cw);
    text(items[i].label.c_str(), FontRole::Small, p.ink_muted);
    text(items[i].value.c_str(), FontRole::H3);
    if (!items[i].note.empty()) text(items[i].note.c_str(), FontRole::Small, p.ink_muted);
    row_bottom = std::max(row_bottom, column_end(cs));
  }
  ImGui::SetCursorScreenPos(ImVec2(origin.x, row_bottom + 12));
  ImGui::Dummy(ImVec2(w, 0));

  // Every session date, the ones "only if needed" marked.
  text(tr("plan.dates"), FontRole::Small, p.ink_muted);
  std::string dates;
  for (const Json& v : field(e, "visits")) {
    std::string d = date_text(st, str(v, "date"));
    if (v.value("beyond_typical", false)) d = fill(tr("plan.if_needed"), {{"date", d}});
    dates += (dates.empty() ? "" : " · ") + d;
  }
  text(dates.c_str());
  gap(10);
  if (button(tr("plan.change"), ButtonKind::Quiet, 0.0f, st.layout.target_h)) st.go(Screen::Estimate);
  card_end(card);
  gap(16);
}

// ---------------------------------------------------------------- aftercare

// The Learn screen's aftercare (microneedling) or the treatment's own recovery notes, for the plan and for print.
struct Aftercare {
  std::string lead;
  std::vector<std::string> dos, donts;
  std::string recovery, caution;
};

Aftercare aftercare_for(const AppState& st) {
  Aftercare a;
  const Content& content = Content::builtin();
  if (const TreatmentText* tt = content.treatment_text(st.lang, st.decision.treatment)) {
    a.recovery = tt->downtime;
    a.caution = tt->caution;
  }
  const Treatment* t = content.treatment(st.decision.treatment);
  if (t && t->family == "microneedling")
    for (const EducationSection& s : content.education(st.lang))
      if (s.id == "aftercare") {
        a.lead = s.lead;
        for (const EducationBlock& b : s.blocks)
          if (b.type == BlockType::dodont) {  // the first days: the most important reminders
            a.dos = b.dos;
            a.donts = b.donts;
            break;
          }
      }
  return a;
}

void aftercare(AppState& st) {
  const Palette& p = palette();
  const Aftercare a = aftercare_for(st);
  CardScope card;
  card_begin(card);
  text(tr("plan.aftercare.title"), FontRole::H2);
  gap(4);
  if (!a.lead.empty()) text(a.lead.c_str(), FontRole::Body, p.ink_muted);
  if (!a.recovery.empty()) {
    gap(8);
    text(tr("plan.aftercare.recovery"), FontRole::H3);
    text(a.recovery.c_str());
  }
  if (!a.dos.empty()) {
    gap(8);
    text(tr("plan.aftercare.do"), FontRole::H3, p.success);
    bullets(a.dos, p.success);
    gap(4);
    text(tr("plan.aftercare.avoid"), FontRole::H3, p.danger);
    bullets(a.donts, p.danger);
  }
  if (!a.caution.empty()) {
    gap(8);
    callout(a.caution.c_str(), p.warning);
  }
  gap(6);
  if (button(tr("plan.aftercare.more"), ButtonKind::Quiet, 0.0f, st.layout.target_h)) {
    st.learn.open_section = "aftercare";
    st.go(Screen::Learn);
  }
  card_end(card);
  gap(16);
}

// ---------------------------------------------------------------- keep and share

void start_copy(AppState& st, const std::string& what, const std::string& value) {
  DecisionState& ds = st.decision;
  ds.copy_what = what;
  ds.copy_since = -1;
  const DecisionPlatform& platform = decision_platform();
  if (!platform.copy) {
    ds.copy = DecisionState::Copy::failed;
    return;
  }
  ds.copy = DecisionState::Copy::pending;
  platform.copy(value);
}

void copy_confirmation(AppState& st) {
  DecisionState& ds = st.decision;
  const Palette& p = palette();
  if (ds.copy == DecisionState::Copy::none || ds.copy == DecisionState::Copy::pending) return;
  gap(6);
  if (ds.copy == DecisionState::Copy::failed) {  // stays until the next try: it says what to do instead
    text(tr("plan.copy_failed"), FontRole::Body, p.danger);
    return;
  }
  const double now = now_seconds();
  if (ds.copy_since < 0) ds.copy_since = now;
  const double age = now - ds.copy_since;
  const double fade = reduce_motion() ? 0.0 : kFadeSeconds;  // reduced motion: shown, then gone, no fade
  if (age > kConfirmSeconds + fade) {
    ds.copy = DecisionState::Copy::none;
    return;
  }
  st.animating = true;  // keep frames coming while it fades
  float alpha = age <= kConfirmSeconds ? 1.0f : static_cast<float>(1.0 - (age - kConfirmSeconds) / fade);
  {
    ImVec2 pos = ImGui::GetCursorScreenPos();
    const std::string msg = tr(ds.copy_what == "link" ? "plan.copied_link" : "plan.copied_text");
    ImVec2 ts = measure(FontRole::Button, msg);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + ts.x + 44, pos.y + ts.y + 16), faded(IM_COL32(0xDD, 0xEF, 0xE3, 0xFF), alpha), 10.0f);
    ImU32 ink = faded(p.success, alpha);
    dl->AddLine(ImVec2(pos.x + 12, pos.y + 8 + ts.y * 0.55f), ImVec2(pos.x + 17, pos.y + 8 + ts.y * 0.8f), ink, 2.4f);
    dl->AddLine(ImVec2(pos.x + 17, pos.y + 8 + ts.y * 0.8f), ImVec2(pos.x + 26, pos.y + 8 + ts.y * 0.25f), ink, 2.4f);
    draw_text(dl, FontRole::Button, ImVec2(pos.x + 34, pos.y + 8), ink, msg);
    ImGui::Dummy(ImVec2(ts.x + 44, ts.y + 16));
  }
}

void share(AppState& st) {
  const Palette& p = palette();
  const std::string link = plan_link(st);
  CardScope card;
  card_begin(card);
  text(tr("plan.share.title"), FontRole::H2);
  text(tr("plan.share.lead"), FontRole::Body, p.ink_muted);
  if (kiosk(st)) text(tr("plan.kiosk.share"), FontRole::Body, p.ink);
  gap(12);
  const bool is_phone = phone(st);
  float w = ImGui::GetContentRegionAvail().x;
  const float qr_size = is_phone ? std::min(w, 240.0f) : 220.0f;
  ImVec2 start = ImGui::GetCursorScreenPos();
  float bottom = start.y;
  if (is_phone) ImGui::SetCursorScreenPos(ImVec2(start.x + (w - qr_size) * 0.5f, start.y));
  if (qr_code("plan_qr", tr("plan.share.qr"), link, qr_size)) bottom = ImGui::GetItemRectMax().y;
  ColumnScope col;
  if (is_phone) column_begin(col, start.x, bottom + 12, w);
  else column_begin(col, start.x + qr_size + 24, start.y, w - qr_size - 24);
  text(tr("plan.share.qr_hint"), FontRole::Small, p.ink_muted);
  gap(6);
  text(tr("plan.share.link"), FontRole::Small, p.ink_muted);
  text(link.c_str(), FontRole::Small, p.primary_active);
  gap(10);
  float cw = ImGui::GetContentRegionAvail().x;
  // Where the device has a share sheet (Safari on iPhone and iPad, Android), the link goes through it; elsewhere, and
  // when the sheet fails, it is copied.
  const DecisionPlatform& platform = decision_platform();
  const bool sheet = platform.can_share && platform.share && platform.can_share();
  if (!kiosk(st) && button(tr(sheet ? "plan.share_link" : "plan.copy_link"), ButtonKind::Secondary, is_phone ? -1.0f : 0.0f,
                           st.layout.target_h)) {
    if (sheet) {
      DecisionState& ds = st.decision;
      ds.copy_what = "link";
      ds.copy_since = -1;
      ds.copy = DecisionState::Copy::pending;
      platform.share(tr("plan.title"), link);
    } else {
      start_copy(st, "link", link);
    }
  }
  if (!kiosk(st) && !is_phone && ImGui::GetItemRectSize().x * 2 + 12 <= cw) ImGui::SameLine(0, 12);
  if (!kiosk(st) && button(tr("plan.copy_text"), ButtonKind::Secondary, is_phone ? -1.0f : 0.0f, st.layout.target_h)) {
    Plan plan = decision_plan(st);
    PlanEstimate pe = estimate_plan(plan, st.clinic);
    if (pe.estimate) start_copy(st, "text", plan_text(plan, *pe.estimate, st.clinic));
  }
  copy_confirmation(st);
  bottom = std::max(bottom, column_end(col));
  ImGui::SetCursorScreenPos(ImVec2(start.x, bottom + 14));
  ImGui::Dummy(ImVec2(w, 0));
  if (kiosk(st)) {
    card_end(card);
    gap(16);
    return;
  }
  rule(0, 12);
  text(tr("plan.print.title"), FontRole::H3);
  text(tr("plan.print.lead"), FontRole::Body, p.ink_muted);
  gap(6);
  if (button(tr("plan.print"), ButtonKind::Primary, is_phone ? -1.0f : 0.0f, st.layout.target_h)) {
    Plan plan = decision_plan(st);
    PlanEstimate pe = estimate_plan(plan, st.clinic);
    if (pe.estimate && platform.print) {
      const Aftercare a = aftercare_for(st);
      Json sections = Json::array();
      Json care = {{"title", tr("plan.aftercare.title")}, {"items", Json::array()}};
      if (!a.lead.empty()) care["items"].push_back(a.lead);
      if (!a.recovery.empty()) care["items"].push_back(a.recovery);
      for (const std::string& d : a.dos) care["items"].push_back(d);
      for (const std::string& d : a.donts) care["items"].push_back(std::string(tr("plan.aftercare.avoid")) + ": " + d);
      sections.push_back(care);
      sections.push_back({{"title", tr("plan.share.title")}, {"items", Json::array({std::string(tr("plan.share.lead")), link})}});
      platform.print(plan_html(plan, *pe.estimate, st.clinic), Json{{"sections", sections}}.dump());
    }
  }
  card_end(card);
  gap(16);
}

// ---------------------------------------------------------------- booking

void booking(AppState& st) {
  const Palette& p = palette();
  DecisionState& ds = st.decision;
  const ClinicInfo& clinic = st.clinic.clinic;
  CardScope card;
  card_begin(card);
  text(fill(tr(decision_dated(st) ? "plan.book.title" : "plan.book.consult_title"), {{"clinic", clinic.name}}).c_str(), FontRole::H2);
  const std::string address = kiosk(st) ? std::string() : booking_address(st);
  if (!address.empty()) {
    text(tr(decision_dated(st) ? "plan.book.lead" : "plan.book.consult_lead"), FontRole::Body, p.ink_muted);
    gap(8);
    // The clinic's name in the label where it fits (a long name on a phone: the title above already says it).
    std::string words = fill(tr("plan.book.button"), {{"clinic", clinic.name}});
    if (button_need(words) > ImGui::GetContentRegionAvail().x) words = tr("plan.book.button_short");
    const std::string label = words + "##book";
    if (button(label.c_str(), ButtonKind::Primary, phone(st) ? -1.0f : 0.0f, st.layout.target_h)) ds.confirm_booking = true;
    gap(8);
  } else if (!st.clinic.offers(decision_plan(st).treatment)) {
    text(tr("r.not_offered"), FontRole::Body, p.ink_muted);
    gap(6);
  } else {
    text(tr(kiosk(st) ? "plan.kiosk.book" : "plan.book.no_site"), FontRole::Body, p.ink_muted);
    gap(6);
  }
  float value_x = phone(st) ? 96.0f : 150.0f;
  // Tap to call or to write (the phone's dialer, the mail app); a shared kiosk only shows them.
  const DecisionPlatform& platform = decision_platform();
  if (!clinic.phone.empty() && !kiosk(st) && platform.open) {
    std::string tel = "tel:";
    for (char ch : clinic.phone)
      if ((ch >= '0' && ch <= '9') || (ch == '+' && tel.size() == 4)) tel += ch;
    if (link_row("book.phone", clinic.phone.c_str(), tr("plan.book.call"), p.primary, st.layout.target_h)) platform.open(tel);
  } else if (!clinic.phone.empty()) {
    fact_row(tr("plan.book.phone"), clinic.phone, value_x);
  }
  if (!clinic.email.empty() && !kiosk(st) && platform.open) {
    if (link_row("book.email", clinic.email.c_str(), tr("plan.book.write"), p.primary, st.layout.target_h))
      platform.open("mailto:" + clinic.email);
  } else if (!clinic.email.empty()) {
    fact_row(tr("plan.book.email"), clinic.email, value_x);
  }
  if (!clinic.address.empty()) fact_row(tr("plan.book.address"), clinic.address, value_x);
  card_end(card);

  if (ds.confirm_booking) {
    ImGui::OpenPopup(kBookingPopup);
    ds.confirm_booking = false;
  }
  const Layout& l = st.layout;
  const float width = std::min(l.display.x - 32.0f, 480.0f);
  ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
  ImGui::SetNextWindowPos(ImVec2(l.display.x * 0.5f, l.display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(24.0f, 22.0f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 14.0f);
  if (ImGui::BeginPopupModal(kBookingPopup, nullptr,
                             ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::PushTextWrapPos(width - 24.0f);
    text(tr("plan.leave.title"), FontRole::H2);
    gap(6);
    text(fill(tr("plan.leave.body"), {{"clinic", clinic.name}}).c_str());
    gap(6);
    text(tr("plan.leave.sent"), FontRole::Small, p.ink_muted);
    text(address.c_str(), FontRole::Small, p.primary_active);
    gap(14);
    const float bw = (width - 48.0f - 12.0f) * 0.5f;
    bool stacked = measure(FontRole::Button, tr("plan.leave.continue")).x + 40 > bw;
    if (button(tr("plan.leave.continue"), ButtonKind::Primary, stacked ? -1.0f : bw, l.target_h)) {
      if (decision_platform().open && !address.empty()) decision_platform().open(address);
      ImGui::CloseCurrentPopup();
    }
    if (!stacked) ImGui::SameLine(0, 12);
    if (button(tr("plan.leave.stay"), ButtonKind::Secondary, stacked ? -1.0f : bw, l.target_h)) ImGui::CloseCurrentPopup();
    ImGui::PopTextWrapPos();
    ImGui::EndPopup();
  }
  ImGui::PopStyleVar(2);
  gap(16);
}

}  // namespace

void draw_plan(AppState& st) {
  decision_screen_begin(st, "plan.title", "plan.lead");
  link_banner(st);
  const Json& e = decision_estimate(st);
  if (!timing_notice(st, e, true)) {  // no date, so nothing to keep or share: a consultation first
    booking(st);
    screen_footer(st);
    return;
  }
  if (estimate_failed(st, e, false)) return;
  summary(st, e);
  aftercare(st);
  share(st);
  booking(st);
  screen_footer(st);
}

}  // namespace mn::ui
