#include "ui_driver.hpp"

#include <cmath>

#include "core/content.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "ui/mirror.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"

namespace mn::test {
namespace {

// One ImGui context for the process: the app's fonts are built into it once (theme.cpp keeps them).
void ensure_context() {
  if (ImGui::GetCurrentContext()) return;
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  platform::item_registry_enable();
}

}  // namespace

UiDriver::UiDriver(const Viewport& viewport, const std::string& mode, const std::string& lang) : viewport_(viewport) {
  ensure_context();
  Content::builtin();
  app_ = std::make_unique<ui::App>(ui::AppOptions{lang, mode});
  while (app_->prepare_next_font(1.0f)) {
  }
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  for (bool& down : io.MouseDown) down = false;
  frame();
  frame();
}

UiDriver::~UiDriver() {
  // Leave the next driver a context with nothing of this one's person in it (windows keep only their scroll).
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  for (bool& down : io.MouseDown) down = false;
}

void UiDriver::frame() {
  ImGuiIO& io = ImGui::GetIO();
  io.DeltaTime = 1.0f / 60;
  io.DisplaySize = ImVec2(viewport_.width, viewport_.height);
  io.DisplayFramebufferScale = ImVec2(1, 1);
  while (app_->prepare_next_font(1.0f)) {  // as the web loop does: a new text size rebuilds the fonts
  }
  ImGui::NewFrame();
  ui::begin_layout_checks();
  ui::mirror::begin_frame();
  app_->draw(ui::FrameContext{io.DisplaySize, viewport_.touch});
  ui::mirror::end_frame();
  ImGuiContext& g = *GImGui;
  problem_.clear();
  if (g.CurrentWindowStack.Size != 1) problem_ = "a window was left open (Begin without End)";
  if (problem_.empty()) problem_ = ui::layout_problem();
  ImGui::Render();
  platform::item_registry_publish();
  (void)ui::mirror::json();
  io.MouseWheel = 0;
  // Text or widgets drawn outside the display (past a window's edge is clipped by ImGui; past the display is lost).
  const ImDrawData* dd = ImGui::GetDrawData();
  drawn_ = dd ? std::to_string(dd->TotalVtxCount) + "/" + std::to_string(dd->TotalIdxCount) : "";
  if (dd)
    for (int l = 0; l < dd->CmdListsCount; ++l) {
      unsigned long h = 0;
      for (const ImDrawVert& v : dd->CmdLists[l]->VtxBuffer) h = h * 31 + static_cast<unsigned long>(std::lround(v.pos.x * 4 + v.pos.y * 8)) + v.col;
      drawn_ += "/" + std::to_string(h);
    }
  for (int l = 0; dd && l < dd->CmdListsCount && problem_.empty(); ++l)
    for (const ImDrawCmd& cmd : dd->CmdLists[l]->CmdBuffer)
      if (cmd.ClipRect.z > viewport_.width + 1 || cmd.ClipRect.w > viewport_.height + 1) {
        const char* owner = dd->CmdLists[l]->_OwnerName;
        problem_ = std::string("a draw command clipped outside the display (in ") + (owner ? owner : "?") + ", to " +
                   std::to_string(static_cast<int>(cmd.ClipRect.z)) + "," + std::to_string(static_cast<int>(cmd.ClipRect.w)) + ")";
        break;
      }
}

bool UiDriver::press(const platform::Item& item) {
  const ImVec2 at(item.rect.x + item.rect.z * 0.5f, item.rect.y + item.rect.w * 0.5f);
  if (!item.visible || at.x < 0 || at.y < 0 || at.x >= viewport_.width || at.y >= viewport_.height) return false;
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = at;
  frame();
  io.MouseDown[0] = true;
  frame();
  io.MouseDown[0] = false;
  frame();
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // a finger lifts, a mouse moves away: nothing stays hovered
  frame();
  frame();
  return true;
}

void UiDriver::type(const std::string& utf8) {
  ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
  frame();
  frame();
}

void UiDriver::scroll(float steps) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(viewport_.width * 0.6f, viewport_.height * 0.5f);
  io.MouseWheel = steps;
  frame();
  frame();
}

void UiDriver::scroll_to(float y) {
  if (ImGuiWindow* content = ImGui::FindWindowByName("content")) ImGui::SetScrollY(content, y);
  frame();
  frame();
}

float UiDriver::scroll_max() const {
  const ImGuiWindow* content = ImGui::FindWindowByName("content");
  return content ? content->ScrollMax.y : 0.0f;
}

std::vector<platform::Item> UiDriver::pressable() const {
  std::vector<platform::Item> out;
  // Behind a modal dialog nothing can be pressed but the dialog.
  const ImGuiWindow* modal = ImGui::GetTopMostPopupModal();
  for (const platform::Item& it : platform::published_items()) {
    if (modal && it.window != modal->Name) continue;
    if (it.label.empty() || !it.visible || !it.pressable() || it.rect.z <= 0 || it.rect.w <= 0) continue;
    if (it.label.rfind("##", 0) == 0) continue;  // unnamed (scrollbars, layout helpers)
    const float cx = it.rect.x + it.rect.z * 0.5f, cy = it.rect.y + it.rect.w * 0.5f;
    if (cx < 0 || cy < 0 || cx >= viewport_.width || cy >= viewport_.height) continue;
    out.push_back(it);
  }
  return out;
}

std::string UiDriver::place_name() const { return app_->place_id(); }

}  // namespace mn::test
