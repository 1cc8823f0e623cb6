#include "ui/mirror.hpp"

#include <nlohmann/json.hpp>

namespace mn::ui::mirror {
namespace {
std::vector<Node> g_building, g_done;
std::uint64_t g_version = 0, g_hash = 0;
std::uint32_t g_pending = 0;
std::uint32_t g_text_for = 0;
std::string g_text;
int g_muted = 0;
int g_open_table = -1;  // index in g_building of the table rows are added to

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
    case Role::table: return "table";
    case Role::image: return "img";
    case Role::textbox: return "textbox";
  }
  return "text";
}
}  // namespace

void begin_frame() {
  g_building.clear();
  g_muted = 0;
  g_open_table = -1;
}

void add_text(Role role, const char* text) {
  if (g_muted > 0 || !text || !*text) return;
  Node n;
  n.role = role;
  n.text = text;
  g_building.push_back(std::move(n));
}

void add_control(Role role, std::uint32_t id, const char* label, bool checked) {
  std::string visible(label ? label : "");
  visible = visible.substr(0, visible.find("##"));
  if (visible.empty()) return;
  Node n;
  n.role = role;
  n.text = std::move(visible);
  n.id = id;
  n.checked = checked;
  g_building.push_back(std::move(n));
}

void add_textbox(std::uint32_t id, const char* label, const std::string& value) {
  add_control(Role::textbox, id, label);
  if (!g_building.empty() && g_building.back().id == id) g_building.back().value = value;
}

void name_last_control(const std::string& name) {
  for (auto it = g_building.rbegin(); it != g_building.rend(); ++it) {
    if (it->id == 0) continue;
    if (!name.empty()) it->text = name;
    return;
  }
}

void table_begin(const std::string& caption, std::vector<std::string> head, const std::string& announce) {
  Node n;
  n.role = Role::table;
  n.text = caption;
  n.head = std::move(head);
  n.announce = announce;
  g_open_table = static_cast<int>(g_building.size());
  g_building.push_back(std::move(n));
}

void table_row(std::vector<std::string> cells) {
  if (g_open_table < 0) return;
  Node& table = g_building[static_cast<size_t>(g_open_table)];
  // Empty cells beyond the table's columns are left off (a shared row builder may give an empty note).
  while (!table.head.empty() && cells.size() > table.head.size() && cells.back().empty()) cells.pop_back();
  table.rows.push_back(std::move(cells));
}

void table_end() { g_open_table = -1; }

bool in_table() { return g_open_table >= 0; }

void mute_begin() { ++g_muted; }
void mute_end() {
  if (g_muted > 0) --g_muted;
}

void end_frame() {
  std::uint64_t h = 1469598103934665603ull;
  for (const Node& n : g_building) {
    h = fnv(fnv(fnv(h, n.text), n.value), std::to_string(static_cast<int>(n.role)) + ":" + std::to_string(n.id) + (n.checked ? "1" : "0"));
    for (const std::string& c : n.head) h = fnv(h, c + "\x1f");
    for (const auto& row : n.rows) {
      for (const std::string& c : row) h = fnv(h, c + "\x1f");
      h = fnv(h, "\x1e");
    }
  }
  g_open_table = -1;
  g_muted = 0;
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

void request_text(std::uint32_t id, std::string text) {
  g_text_for = id;
  g_text = std::move(text);
}

std::optional<std::string> take_text(std::uint32_t id) {
  if (id == 0 || g_text_for != id) return std::nullopt;
  g_text_for = 0;
  return std::move(g_text);
}

std::string json() {
  nlohmann::ordered_json out = {{"version", g_version}, {"nodes", nlohmann::ordered_json::array()}};
  for (const Node& n : g_done) {
    nlohmann::ordered_json node = {{"role", role_name(n.role)}, {"text", n.text}, {"id", n.id}, {"checked", n.checked}};
    if (n.role == Role::table) {
      node["head"] = n.head;
      node["rows"] = n.rows;
      node["announce"] = n.announce.empty() ? n.text : n.announce;
    }
    if (n.role == Role::textbox) node["value"] = n.value;
    out["nodes"].push_back(std::move(node));
  }
  return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace mn::ui::mirror
