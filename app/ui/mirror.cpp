#include "ui/mirror.hpp"

#include <nlohmann/json.hpp>

namespace mn::ui::mirror {
namespace {
std::vector<Node> g_building, g_done;
std::uint64_t g_version = 0, g_hash = 0;
std::uint32_t g_pending = 0;

std::uint64_t fnv(std::uint64_t h, const std::string& s) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

const char* role_name(Role r) {
  switch (r) {
    case Role::heading1: return "h1";
    case Role::heading2: return "h2";
    case Role::heading3: return "h3";
    case Role::text: return "text";
    case Role::button: return "button";
    case Role::checkbox: return "checkbox";
    case Role::radio: return "radio";
  }
  return "text";
}
}  // namespace

void begin_frame() { g_building.clear(); }

void add_text(Role role, const char* text) {
  if (text && *text) g_building.push_back({role, text, 0, false});
}

void add_control(Role role, std::uint32_t id, const char* label, bool checked) {
  std::string visible(label ? label : "");
  visible = visible.substr(0, visible.find("##"));
  if (!visible.empty()) g_building.push_back({role, visible, id, checked});
}

void end_frame() {
  std::uint64_t h = 1469598103934665603ull;
  for (const Node& n : g_building)
    h = fnv(fnv(h, n.text), std::to_string(static_cast<int>(n.role)) + ":" + std::to_string(n.id) + (n.checked ? "1" : "0"));
  if (h != g_hash) {
    g_hash = h;
    ++g_version;
  }
  g_done.swap(g_building);
}

const std::vector<Node>& nodes() { return g_done; }
std::uint64_t version() { return g_version; }

void request_activation(std::uint32_t id) { g_pending = id; }

bool take_activation(std::uint32_t id) {
  if (id == 0 || g_pending != id) return false;
  g_pending = 0;
  return true;
}

std::string json() {
  nlohmann::json out = {{"version", g_version}, {"nodes", nlohmann::json::array()}};
  for (const Node& n : g_done)
    out["nodes"].push_back({{"role", role_name(n.role)}, {"text", n.text}, {"id", n.id}, {"checked", n.checked}});
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace mn::ui::mirror
