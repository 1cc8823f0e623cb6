#include "platform/item_registry.hpp"

#include <cstdarg>
#include <cstdio>

#include "imgui_internal.h"
#include "nlohmann/json.hpp"
#include "ui/widgets.hpp"

namespace mn::platform {
namespace {
std::vector<Item> g_current, g_published;
}

void item_registry_enable() { GImGui->TestEngineHookItems = true; }

void item_registry_publish() {
  g_published.swap(g_current);
  g_current.clear();
}

const std::vector<Item>& published_items() { return g_published; }

bool Item::pressable() const { return !disabled && !(flags & ui::kItemStatusPicture); }

std::string published_items_json() {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Item& it : g_published) {
    if (it.label.empty()) continue;  // unnamed items (scrollbars, child windows) are of no use to tests
    std::string name = it.label.substr(0, it.label.find("##"));
    out.push_back({{"id", it.id}, {"label", it.label}, {"name", name}, {"window", it.window},
                   {"x", it.rect.x}, {"y", it.rect.y}, {"w", it.rect.z}, {"h", it.rect.w},
                   {"checkable", (it.flags & ImGuiItemStatusFlags_Checkable) != 0},
                   {"checked", (it.flags & ImGuiItemStatusFlags_Checked) != 0}, {"visible", it.visible},
                   {"pressable", it.pressable()}});
  }
  return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void focus_next_item(int steps) {
  std::vector<const Item*> order;
  for (const Item& it : g_published)
    if (!it.label.empty() && it.pressable()) order.push_back(&it);  // pictures and disabled controls are no tab stops
  if (order.empty() || steps == 0) return;
  ImGuiContext& g = *GImGui;
  int n = static_cast<int>(order.size()), at = -1;
  for (int i = 0; i < n; ++i)
    if (order[static_cast<size_t>(i)]->id == g.NavId) at = i;
  int next = at < 0 ? (steps > 0 ? 0 : n - 1) : ((at + steps) % n + n) % n;
  const Item& target = *order[static_cast<size_t>(next)];
  if (g.ActiveId) ImGui::ClearActiveID();  // leaving a text field that was being edited (its text is kept)
  ImGuiWindow* window = ImGui::FindWindowByName(target.window.c_str());
  if (!window) return;
  ImRect abs(target.rect.x, target.rect.y, target.rect.x + target.rect.z, target.rect.y + target.rect.w);
  ImGui::FocusWindow(window);
  ImVec2 origin = window->Pos;
  ImRect relative(abs.Min.x - origin.x, abs.Min.y - origin.y, abs.Max.x - origin.x, abs.Max.y - origin.y);
  ImGui::SetNavID(target.id, ImGuiNavLayer_Main, 0, relative);
  g.NavDisableHighlight = false;
  g.NavDisableMouseHover = g.NavMousePosDirty = true;
  // A text field is edited as soon as it is reached, as an HTML text box is (1.86: InputText starts on NavActivateInputId).
  if (target.flags & ui::kItemStatusTextbox) g.NavActivateInputId = target.id;
  ImGui::ScrollToBringRectIntoView(window, abs);
}

}  // namespace mn::platform

// ---- Dear ImGui 1.86 item hooks (declared in imgui_internal.h under IMGUI_ENABLE_TEST_ENGINE)

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id) {
  ImGuiWindow* window = ctx->CurrentWindow;
  if (id == 0 || window == nullptr) return;
  ImRect r = bb;
  r.ClipWithFull(window->ClipRect);  // the hook runs before ImGui's own clipping test
  mn::platform::Item item;
  item.id = id;
  item.window = window->Name;
  item.visible = r.GetWidth() > 0.0f && r.GetHeight() > 0.0f;
  item.disabled = (ctx->CurrentItemFlags & ImGuiItemFlags_Disabled) != 0;
  if (!item.visible) r = bb;  // scrolled out of sight: report where it is, so it can be scrolled to
  item.rect = ImVec4(r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight());
  mn::platform::g_current.push_back(std::move(item));
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
  auto& items = mn::platform::g_current;
  for (auto it = items.rbegin(); it != items.rend(); ++it) {
    if (it->id != id) continue;
    it->label = label ? label : "";
    it->flags = flags;
    return;
  }
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
