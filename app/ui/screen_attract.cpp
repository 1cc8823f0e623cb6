// Kiosk attract screen: the clinic's name, one inviting line and a big target; any touch starts.
#include "imgui_internal.h"
#include "ui/screens.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"

namespace mn::ui {

void draw_attract(AppState& st) {
  const Palette& p = palette();
  const ImVec2 size = st.layout.display;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(size);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, p.primary);
  ImGui::Begin("attract", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  // The whole screen is one button: a touch anywhere begins.
  ImGui::SetCursorPos(ImVec2(0, 0));
  bool start = ImGui::InvisibleButton("attract.start", size);
  start |= name_item(ImGui::GetItemID(), tr("kiosk.start"));

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float col = ImMin(size.x - 64.0f, 720.0f);
  const float x = (size.x - col) * 0.5f;
  float y = size.y * 0.28f;
  auto line = [&](const char* s, FontRole role, ImU32 colour, float after) {
    ImFont* f = font(role);
    float fs = f->FontSize * ImGui::GetIO().FontGlobalScale * (role == FontRole::H1 ? 1.4f : 1.0f);
    ImVec2 ts = f->CalcTextSizeA(fs, FLT_MAX, col, s);
    add_text(dl, f, fs, ImVec2(x + (col - ts.x) * 0.5f, y), colour, s, nullptr, col);
    y += ts.y + after;
  };
  line(st.clinic.brand.logo_text.c_str(), FontRole::H3, IM_COL32(255, 255, 255, 200), 18.0f);
  line(tr("kiosk.title"), FontRole::H1, p.on_primary, 16.0f);
  line(tr("kiosk.lead"), FontRole::Body, IM_COL32(255, 255, 255, 225), 40.0f);
  // A large round target with a soft ring.
  ImVec2 c(size.x * 0.5f, y + 60.0f);
  dl->AddCircleFilled(c, 60.0f, IM_COL32(255, 255, 255, 40));
  dl->AddCircleFilled(c, 44.0f, p.on_primary);
  ImFont* b = font(FontRole::Button);
  float fs = b->FontSize * ImGui::GetIO().FontGlobalScale;
  const char* go = tr("kiosk.start");
  ImVec2 ts = b->CalcTextSizeA(fs, FLT_MAX, 0.0f, go);
  add_text(dl, b, fs, ImVec2(c.x - ts.x * 0.5f, c.y + 76.0f), p.on_primary, go);
  dl->AddTriangleFilled(ImVec2(c.x - 12, c.y - 16), ImVec2(c.x - 12, c.y + 16), ImVec2(c.x + 18, c.y), p.primary);
  line("", FontRole::Small, 0, 0);
  ImFont* s = font(FontRole::Small);
  float ss = s->FontSize * ImGui::GetIO().FontGlobalScale;
  const char* privacy = tr("kiosk.privacy");
  ImVec2 ps = s->CalcTextSizeA(ss, FLT_MAX, col, privacy);
  add_text(dl, s, ss, ImVec2(x + (col - ps.x) * 0.5f, size.y - ps.y - 32.0f), IM_COL32(255, 255, 255, 210), privacy, nullptr, col);
  ImGui::End();
  ImGui::PopStyleColor();
  if (start) {
    st.attract = false;
    st.go(Screen::Home);
  }
}

}  // namespace mn::ui
