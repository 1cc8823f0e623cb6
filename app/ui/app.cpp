#include "ui/app.hpp"

#include <algorithm>
#include <array>
#include <cfloat>
#include <cstdio>

#include "core/assets.hpp"
#include "core/glyphs.hpp"
#include "core/text.hpp"
#include "imgui_internal.h"
#include "ui/strings.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace mn::ui {
namespace {

constexpr std::array<Screen, 5> kNavScreens = {Screen::Learn, Screen::Candidacy, Screen::Compare,
                                               Screen::Estimate, Screen::Plan};
constexpr ImGuiWindowFlags kFixedWindow = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

// A navigation entry: a full-width selectable row (sidebar) or a tab (phone bar), with a marker when current.
bool nav_entry(const char* label, bool current, ImVec2 size, bool tab, Icon icon) {
  const Palette& p = palette();
  ImVec2 pos = ImGui::GetCursorScreenPos();
  bool pressed = ImGui::InvisibleButton(label, size);
  pressed |= name_item(ImGui::GetItemID(), label);
  bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 max(pos.x + size.x, pos.y + size.y);
  if (current || hovered)
    dl->AddRectFilled(ImVec2(pos.x + 4, pos.y + 4), ImVec2(max.x - 4, max.y - 4),
                      current ? p.accent_soft : p.surface_alt, 10.0f);
  // Tabs: small type (bold for the current one), shrunk to fit the tab at a large text size.
  ImFont* f = font(current ? FontRole::Button : (tab ? FontRole::Small : FontRole::Body));
  float fs = (tab ? font(FontRole::Small) : f)->FontSize * ImGui::GetIO().FontGlobalScale;
  const char* end = ImGui::FindRenderedTextEnd(label);
  ImVec2 ts = f->CalcTextSizeA(fs, FLT_MAX, 0.0f, label, end);
  if (tab && ts.x > size.x - 6.0f) {
    fs *= (size.x - 6.0f) / ts.x;
    ts = f->CalcTextSizeA(fs, FLT_MAX, 0.0f, label, end);
  }
  // Tabs: the icon above the name; the side bar: the icon before it.
  const float icon_size = tab ? 22.0f : 20.0f;
  ImVec2 tp = tab ? ImVec2(pos.x + (size.x - ts.x) * 0.5f, max.y - ts.y - 10.0f)
                  : ImVec2(pos.x + 54, pos.y + (size.y - ts.y) * 0.5f);
  ImVec2 ic = tab ? ImVec2(pos.x + size.x * 0.5f, tp.y - icon_size * 0.5f - 5.0f)
                  : ImVec2(pos.x + 20 + icon_size * 0.5f, pos.y + size.y * 0.5f);
  draw_icon(dl, icon, ic, icon_size, current ? p.primary : p.ink_muted);
  add_text(dl, f, fs, tp, current ? p.primary_active : p.ink, label, end);
  if (current) {
    if (tab) dl->AddRectFilled(ImVec2(pos.x + size.x * 0.3f, pos.y + 4), ImVec2(max.x - size.x * 0.3f, pos.y + 7), p.primary, 2.0f);
    else dl->AddRectFilled(ImVec2(pos.x + 4, pos.y + 12), ImVec2(pos.x + 8, max.y - 12), p.primary, 2.0f);
  }
  return pressed;
}

Icon nav_icon(Screen s) {
  switch (s) {
    case Screen::Home: return Icon::home;
    case Screen::Learn: return Icon::learn;
    case Screen::Candidacy: return Icon::candidacy;
    case Screen::Compare: return Icon::compare;
    case Screen::Estimate: return Icon::estimate;
    case Screen::Plan: return Icon::plan;
    default: return Icon::none;
  }
}

}  // namespace

const char* nav_key(Screen s) {
  switch (s) {
    case Screen::Home: return "nav.home";
    case Screen::Learn: return "nav.learn";
    case Screen::Candidacy: return "nav.candidacy";
    case Screen::Compare: return "nav.compare";
    case Screen::Estimate: return "nav.estimate";
    case Screen::Plan: return "nav.plan";
    case Screen::Privacy: return "nav.privacy";
    case Screen::Count: break;
  }
  return "nav.home";
}

const char* App::screen_id() const {
  static const char* const ids[] = {"home", "learn", "candidacy", "compare", "estimate", "plan", "privacy"};
  return ids[static_cast<int>(state_.screen)];
}

std::string App::place_id() const {
  if (state_.mode == Mode::kiosk && state_.attract) return "attract";
  std::string id = screen_id();
  if (state_.screen == Screen::Candidacy)
    id += state_.candidacy.show_results ? std::string("/results")
          : state_.candidacy.review     ? std::string("/review")
                                        : "/" + std::to_string(state_.candidacy.page);
  return id;
}

std::string App::page_title() const { return fill(tr("app.page_title"), {{"clinic", state_.clinic.clinic.name}}); }

bool App::go_to_place(std::string_view id) {
  static const char* const ids[] = {"home", "learn", "candidacy", "compare", "estimate", "plan", "privacy"};
  const std::size_t slash = id.find('/');
  const std::string_view head = id.substr(0, slash);
  const std::string_view tail = slash == std::string_view::npos ? std::string_view() : id.substr(slash + 1);
  for (int i = 0; i < static_cast<int>(Screen::Count); ++i) {
    if (head != ids[i]) continue;
    Place place{static_cast<Screen>(i), 0, false};
    if (place.screen == Screen::Candidacy) {
      if (tail == "results" || tail == "review") {
        place.show_results = tail == "results";
        place.review = tail == "review";
        place.page = state_.candidacy.page;
      } else if (!tail.empty() && tail.size() <= 2 && std::all_of(tail.begin(), tail.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        place.page = std::stoi(std::string(tail));  // clamped to the layout's steps when drawn
      } else if (!tail.empty()) {
        return false;
      }
    } else if (!tail.empty()) {
      return false;
    }
    if (state_.mode == Mode::kiosk) state_.attract = false;
    if (place.screen == Screen::Privacy && state_.screen != Screen::Privacy) state_.privacy_back = state_.screen;
    state_.go(place);
    return true;
  }
  return false;
}

std::vector<char32_t> App::glyphs_wanted() const {
  if (!state_.setup.active) return clinic_glyphs_;
  std::vector<char32_t> all = clinic_glyphs_;
  all.insert(all.end(), state_.setup.glyphs.begin(), state_.setup.glyphs.end());
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  return all;
}

std::string_view App::language() const { return lang_code(state_.lang); }

App::App(const AppOptions& options) {
  auto chosen = parse_lang(options.lang);
  state_.lang_chosen = chosen.has_value();
  state_.lang = chosen.value_or(state_.clinic.default_language);
  set_language(state_.lang);
  auto mode = parse_mode(options.mode);
  state_.mode_chosen = mode.has_value();
  state_.mode = mode.value_or(state_.clinic.default_mode);
  state_.attract = state_.mode == Mode::kiosk;
  state_.setup.active = options.setup;
}

void App::apply_mode(Mode mode) {
  state_.mode = mode;
  state_.attract = mode == Mode::kiosk;
  if (on_mode) on_mode(mode);
}

void App::forget_person() {
  state_.forget_person();
  set_language(state_.lang);
  if (on_forget_person) on_forget_person(state_.mode);
}

bool App::idle(double idle_seconds) {
  if (state_.mode != Mode::kiosk || state_.attract) return false;
  if (idle_seconds < static_cast<double>(state_.clinic.kiosk_idle_seconds)) return false;
  forget_person();
  state_.attract = true;
  return true;
}

void App::set_clinic_config(std::string_view json_text, std::string_view source) {
  // The setup editor starts from the site's own clinic.json (unless something was already changed).
  if (state_.setup.active) {
    state_.setup.site_text = std::string(json_text);
    if (!state_.setup.draft.dirty()) state_.setup.draft.open(json_text);
  }
  clinic_glyphs_ = glyphs_beyond_base(parse_json(json_text).value);
  ConfigLoad load = load_clinic_config(json_text);
  state_.clinic = std::move(load.config);
  state_.config_issues = std::move(load.issues);
  state_.config_source = source;
  state_.config_banner_hidden = false;
  if (!state_.lang_chosen) {
    state_.lang = state_.clinic.default_language;
    set_language(state_.lang);
  }
  if (!state_.mode_chosen && state_.clinic.default_mode != state_.mode) apply_mode(state_.clinic.default_mode);
}

void App::set_clinic_config_error(std::string_view source, std::string_view message) {
  state_.config_issues = {Issue{Severity::error, "", std::string(message), ""}};
  state_.config_source = source;
  state_.config_banner_hidden = false;
}

void App::language_failed(std::string_view code) {
  const auto lang = parse_lang(code);
  if (lang == Lang::en) {  // the screens that need it offer to try again (draw_pending)
    state_.content_failed = true;
    return;
  }
  if (lang != state_.lang || language_available(state_.lang)) return;
  state_.lang = Lang::en;
  set_language(state_.lang);
}

void App::recover_from_crash() {
  const Place crashed = state_.place();
  state_.crash = CrashNotice{true, crashed};
  state_.confirm_new_patient = false;
  state_.go(crashed != last_good_ ? last_good_ : Place{});
  state_.scroll_to_top = true;
}

ImVec4 App::background() { return to_vec4(palette().background); }

ImFontAtlas* App::prepare_next_font(float dpr) { return build_next_font(dpr, text_scale(state_.text_size)); }

void App::draw(const FrameContext& frame) {
  if (assets_version() != assets_seen_) {
    assets_seen_ = assets_version();
    state_.content_reloaded();
  }
  // The strings follow the state's language whatever set it (a restored state, the JS API), not only the switch.
  if (ui::language() != state_.lang) set_language(state_.lang);
  state_.layout = compute_layout(frame.display, frame.touch || state_.mode != Mode::patient, state_.mode == Mode::consult);
  // The questionnaire's steps keep Back and Next in a bar of their own: the content ends above it, so nothing a
  // person can press lies under it.
  if (state_.screen == Screen::Candidacy && !state_.candidacy.show_results) state_.layout.action_bar_h = state_.layout.target_h + 24.0f;
  if (brand_applied_ != state_.clinic.brand.primary) {  // the clinic's colour as the app's accent (kept readable)
    brand_applied_ = state_.clinic.brand.primary;
    set_brand(*brand_applied_);
    style_set_ = false;
  }
  if (!style_set_ || style_touch_ != frame.touch) {
    apply_style(frame.touch);
    style_touch_ = frame.touch;
    style_set_ = true;
  }
  state_.animating = false;
  if (state_.setup.active) {
    draw_setup(state_);
    return;
  }
  if (state_.mode == Mode::kiosk && state_.attract) {
    draw_attract(state_);
    return;
  }
  draw_top_bar();
  draw_navigation();
  draw_content();
  draw_new_patient_confirmation();
}

void App::draw_new_patient_confirmation() {
  const char* title = tr("consult.confirm.title");
  // The dialog is open exactly while the state says so (a restored or reset state closes it too).
  const bool open = ImGui::IsPopupOpen("new_patient");
  if (state_.confirm_new_patient && !open) ImGui::OpenPopup("new_patient");
  const Layout& l = state_.layout;
  ImGui::SetNextWindowPos(ImVec2(l.display.x * 0.5f, l.display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(ImMin(l.display.x - 32.0f, 520.0f), 0.0f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(28, 24));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 16.0f);
  if (ImGui::BeginPopupModal("new_patient", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize)) {
    heading(title, FontRole::H2);
    gap(4);
    text(tr("consult.confirm.body"), FontRole::Body, palette().ink_muted);
    gap(16);
    float w = ImGui::GetContentRegionAvail().x;
    if (button(tr("consult.confirm.yes"), ButtonKind::Primary, w, l.target_h)) forget_person();
    if (button(tr("consult.confirm.no"), ButtonKind::Secondary, w, l.target_h)) state_.confirm_new_patient = false;
    if (!state_.confirm_new_patient) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  ImGui::PopStyleVar(2);
}

void App::draw_top_bar() {
  const Layout& l = state_.layout;
  const Palette& p = palette();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(l.display.x, l.top_bar_h));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, p.surface);
  ImGui::Begin("top_bar", nullptr, kFixedWindow);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddLine(ImVec2(0, l.top_bar_h - 1), ImVec2(l.display.x, l.top_bar_h - 1), p.border);

  // Brand: a small mark and the product name; tapping it returns home.
  float x = l.pad;
  ImGui::SetCursorPos(ImVec2(x, 8));
  ImGui::PushFont(font(FontRole::H3));
  const char* brand = state_.clinic.brand.logo_text.c_str();
  ImVec2 bs = ImGui::CalcTextSize(brand);
  ImGui::PopFont();
  ImVec2 origin = ImGui::GetCursorScreenPos();
  bool home = ImGui::InvisibleButton("home##brand", ImVec2(bs.x + 40, l.top_bar_h - 16));
  if (name_item(ImGui::GetItemID(), tr("nav.home")) || home) state_.go(Screen::Home);
  float cy = origin.y + (l.top_bar_h - 16) * 0.5f;
  float text_x = origin.x + 36;
  bool show_name = true;
  if (has_logo()) {
    // The clinic's logo, 32 px tall (at most 180 wide); a wordmark (more than twice as wide as tall) stands alone.
    const float h = 32.0f, w = std::min(180.0f, h * logo_aspect_);
    dl->AddImage(logo_, ImVec2(origin.x, cy - h * 0.5f), ImVec2(origin.x + w, cy + h * 0.5f));
    text_x = origin.x + w + 10.0f;
    show_name = logo_aspect_ <= 2.0f;
  } else {
    dl->AddCircleFilled(ImVec2(origin.x + 13, cy), 13, p.primary);
    for (int i = -1; i <= 1; ++i)
      for (int j = -1; j <= 1; ++j) dl->AddCircleFilled(ImVec2(origin.x + 13 + static_cast<float>(i) * 5.0f, cy + static_cast<float>(j) * 5.0f), 1.4f, p.on_primary);
  }
  // The name stops short of the controls on the right, ending in "…" when it is longer (a long name on a phone).
  float seg_total = (l.touch ? 52.0f : 46.0f) * 2.0f;
  float controls_x = l.display.x - l.pad - seg_total - 12.0f - (l.touch ? 48.0f : 42.0f);
  if (state_.mode == Mode::consult) {
    ImGui::PushFont(font(FontRole::Button));
    controls_x -= 16.0f + ImGui::CalcTextSize(tr("consult.new_patient")).x + 40.0f;
    ImGui::PopFont();
  }
  ImFont* f = font(FontRole::H3);
  const float name_size = f->FontSize * ImGui::GetIO().FontGlobalScale;
  if (show_name)
    add_text(dl, f, name_size, ImVec2(text_x, cy - bs.y * 0.5f), p.ink,
             fit_text(f, name_size, brand, controls_x - 12.0f - (text_x - ImGui::GetWindowPos().x)).c_str());

  // Consultation: "New patient" wipes everything for the next person (after a confirmation).
  if (state_.mode == Mode::consult) {
    const char* label = tr("consult.new_patient");
    ImGui::PushFont(font(FontRole::Button));
    float bw = ImGui::CalcTextSize(label).x + 40.0f;
    ImGui::PopFont();
    const float text_size_w = (l.touch ? 48.0f : 42.0f) + 12.0f;
    ImGui::SetCursorPos(ImVec2(l.display.x - l.pad - seg_total - text_size_w - 16.0f - bw, (l.top_bar_h - (l.target_h - 8.0f)) * 0.5f));
    if (button(label, ButtonKind::Secondary, bw, l.target_h - 8.0f)) state_.confirm_new_patient = true;
  }

  // Text size: "Aa" steps through small, normal and large (three marks under it show which); left of the languages.
  {
    const float tw = l.touch ? 48.0f : 42.0f, th = l.touch ? 40.0f : 34.0f;
    ImGui::SetCursorPos(ImVec2(l.display.x - l.pad - seg_total - 12.0f - tw, (l.top_bar_h - th) * 0.5f));
    ImVec2 sp = ImGui::GetCursorScreenPos();
    const int level = static_cast<int>(state_.text_size);
    static const char* const kSizeKeys[] = {"text_size.small", "text_size.normal", "text_size.large"};
    std::string name = fill(tr("text_size.name"), {{"size", tr(kSizeKeys[level])}}) + "##text_size";
    bool pressed = ImGui::InvisibleButton("##text_size", ImVec2(tw, th));
    pressed |= name_item(ImGui::GetItemID(), name.c_str());
    if (pressed) state_.text_size = static_cast<TextSize>((level + 1) % 3);
    bool hovered = ImGui::IsItemHovered();
    dl->AddRectFilled(sp, ImVec2(sp.x + tw, sp.y + th), hovered ? p.surface_alt : p.surface, 8.0f);
    dl->AddRect(sp, ImVec2(sp.x + tw, sp.y + th), p.primary, 8.0f, 0, 1.2f);
    // Drawn at a fixed size, so the control itself does not grow with the text.
    ImFont* bf = font(FontRole::Button);
    const float fs = 22.0f;
    const float aw = bf->CalcTextSizeA(fs, FLT_MAX, 0.0f, "Aa").x;
    add_text(dl, bf, fs, ImVec2(sp.x + (tw - aw) * 0.5f, sp.y + th * 0.5f - fs * 0.5f - 5.0f), p.primary, "Aa");
    for (int i = 0; i < 3; ++i) {
      ImVec2 c(sp.x + tw * 0.5f + static_cast<float>(i - 1) * 8.0f, sp.y + th - 8.0f);
      if (i <= level) dl->AddCircleFilled(c, 2.5f, p.primary);
      else dl->AddCircle(c, 2.5f, p.primary, 0, 1.0f);
    }
  }

  // Language switch: EN | ES, right-aligned.
  const Lang langs[] = {Lang::en, Lang::es};
  const char* labels[] = {"EN##lang", "ES##lang"};
  float seg_w = l.touch ? 52 : 46, seg_h = l.touch ? 40 : 34;
  float lx = l.display.x - l.pad - seg_w * 2;
  for (int i = 0; i < 2; ++i) {
    ImGui::SetCursorPos(ImVec2(lx + seg_w * static_cast<float>(i), (l.top_bar_h - seg_h) * 0.5f));
    bool current = state_.lang == langs[i];
    ImVec2 sp = ImGui::GetCursorScreenPos();
    bool picked = ImGui::InvisibleButton(labels[i], ImVec2(seg_w, seg_h));
    picked |= name_item(ImGui::GetItemID(), labels[i], mirror::Role::radio,
                        state_.lang == langs[i]);
    mirror::name_last_control(tr(i == 0 ? "lang.name.en" : "lang.name.es"));  // a screen reader says "English", not "EN"
    if (picked) {
      state_.lang = langs[i];
      state_.lang_chosen = true;
      set_language(langs[i]);
      if (on_language_chosen) on_language_chosen(langs[i]);
    }
    bool hovered = ImGui::IsItemHovered();
    ImDrawFlags corners = i == 0 ? ImDrawFlags_RoundCornersLeft : ImDrawFlags_RoundCornersRight;
    dl->AddRectFilled(sp, ImVec2(sp.x + seg_w, sp.y + seg_h), current ? p.primary : hovered ? p.surface_alt : p.surface, 8.0f, corners);
    dl->AddRect(sp, ImVec2(sp.x + seg_w, sp.y + seg_h), p.primary, 8.0f, corners, 1.2f);
    ImFont* bf = font(FontRole::Button);
    float fs = bf->FontSize * ImGui::GetIO().FontGlobalScale;
    ImVec2 ts(ImGui::CalcTextSize("EN").x, fs);
    add_text(dl, bf, fs, ImVec2(sp.x + (seg_w - ts.x) * 0.5f, sp.y + (seg_h - fs) * 0.5f - 1),
                current ? p.on_primary : p.primary, labels[i], ImGui::FindRenderedTextEnd(labels[i]));
  }
  ImGui::End();
  ImGui::PopStyleColor();
}

void App::draw_navigation() {
  const Layout& l = state_.layout;
  const Palette& p = palette();
  if (l.form == FormFactor::Phone) {
    ImGui::SetNextWindowPos(ImVec2(0, l.display.y - l.bottom_nav_h));
    ImGui::SetNextWindowSize(ImVec2(l.display.x, l.bottom_nav_h));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, p.surface);
    ImGui::Begin("bottom_nav", nullptr, kFixedWindow);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 wp = ImGui::GetWindowPos();
    dl->AddLine(wp, ImVec2(wp.x + l.display.x, wp.y), p.border);
    float w = l.display.x / static_cast<float>(kNavScreens.size());
    for (size_t i = 0; i < kNavScreens.size(); ++i) {
      ImGui::SetCursorPos(ImVec2(w * static_cast<float>(i), 0));
      char label[96];
      std::snprintf(label, sizeof label, "%s##tab", tr(std::string(nav_key(kNavScreens[i])) + ".short"));
      if (nav_entry(label, state_.screen == kNavScreens[i], ImVec2(w, l.bottom_nav_h), true, nav_icon(kNavScreens[i])))
        state_.go(kNavScreens[i]);
    }
    ImGui::End();
    ImGui::PopStyleColor();
    return;
  }
  ImGui::SetNextWindowPos(ImVec2(0, l.top_bar_h));
  ImGui::SetNextWindowSize(ImVec2(l.sidebar_w, l.display.y - l.top_bar_h));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, p.surface);
  ImGui::Begin("side_nav", nullptr, kFixedWindow);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 wp = ImGui::GetWindowPos();
  dl->AddLine(ImVec2(wp.x + l.sidebar_w - 1, wp.y), ImVec2(wp.x + l.sidebar_w - 1, wp.y + l.display.y), p.border);
  ImGui::SetCursorPos(ImVec2(12, 20));
  std::array<Screen, 6> entries = {Screen::Home, Screen::Learn, Screen::Candidacy, Screen::Compare, Screen::Estimate, Screen::Plan};
  for (Screen s : entries) {
    ImGui::SetCursorPosX(12);
    char label[96];
    std::snprintf(label, sizeof label, "%s##nav", tr(nav_key(s)));
    if (nav_entry(label, state_.screen == s, ImVec2(l.sidebar_w - 24, l.target_h + 4), false, nav_icon(s))) state_.go(s);
  }
  ImGui::End();
  ImGui::PopStyleColor();
}

namespace {
void draw_screen(AppState& st) {
  switch (st.screen) {
    case Screen::Home: draw_home(st); break;
    case Screen::Learn: draw_learn(st); break;
    case Screen::Candidacy: draw_candidacy(st); break;
    case Screen::Compare: draw_compare(st); break;
    case Screen::Estimate: draw_estimate(st); break;
    case Screen::Plan: draw_plan(st); break;
    case Screen::Privacy: draw_privacy(st); break;
    case Screen::Count: break;
  }
}
}  // namespace

void App::draw_content() {
  const Layout& l = state_.layout;
  ImVec2 pos(l.sidebar_w, l.top_bar_h);
  ImVec2 size(l.display.x - l.sidebar_w, l.display.y - l.top_bar_h - l.bottom_nav_h - l.action_bar_h);
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  if (state_.scroll_to_top) {
    ImGui::SetNextWindowScroll(ImVec2(0, 0));
    state_.scroll_to_top = false;
  }
  ImGui::Begin("content", nullptr, kFixedWindow & ~ImGuiWindowFlags_NoScrollWithMouse);
  // Centre a readable column.
  float avail = size.x - l.pad * 2;
  const bool wide = state_.screen == Screen::Compare || state_.screen == Screen::Estimate;
  float col = ImMin(avail, wide ? l.wide_max : l.content_max);
  float left = l.pad + (avail - col) * 0.5f;
  // Items ask ImGui for the available width: end the content region at the column's right edge.
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  window->ContentRegionRect.Max.x = window->WorkRect.Max.x = window->Pos.x + left + col;
  ImGui::SetCursorPos(ImVec2(left, l.pad));
  ImGui::BeginGroup();
  ImGui::PushItemWidth(col);
  ImGui::PushTextWrapPos(left + col);
  ImGui::Dummy(ImVec2(col, 0));
  config_banner(state_);
  crash_notice(state_);
  back_link(state_);
  // A screen whose content is still on its way (web: fetched after the first frame) says so instead.
  if (screen_needs_content(state_.screen) && !language_available(state_.lang)) draw_pending(state_);
  else draw_screen(state_);
  ImGui::PopTextWrapPos();
  ImGui::PopItemWidth();
  ImGui::EndGroup();
  ImGui::Dummy(ImVec2(1, l.pad));
  // A scroll indicator, as phones show one: how long the page is and where the view is in it. ImGui's own scrollbar
  // stays off (it takes width and reads as a desktop tool); the page scrolls by finger, wheel and keys.
  if (const float max_y = ImGui::GetScrollMaxY(); max_y > 1.0f) {
    const float track_top = pos.y + 6.0f, track_h = size.y - 12.0f;
    const float thumb_h = ImMax(40.0f, track_h * size.y / (size.y + max_y));
    const float y = track_top + (track_h - thumb_h) * ImClamp(ImGui::GetScrollY() / max_y, 0.0f, 1.0f);
    const float x = pos.x + size.x - 4.0f;
    window->DrawList->AddRectFilled(ImVec2(x - 4.0f, y), ImVec2(x, y + thumb_h), with_alpha(palette().ink_muted, 0x90), 2.0f);
  }
  ImGui::End();
}

}  // namespace mn::ui
