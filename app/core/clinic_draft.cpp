#include "core/clinic_draft.hpp"

#include <algorithm>
#include <utility>

namespace mn {
namespace {

// An array index token: digits without a leading zero (RFC 6901).
std::optional<std::size_t> array_index(const std::string& token) {
  if (token.empty() || token.size() > 9 || (token.size() > 1 && token[0] == '0') ||
      !std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return static_cast<std::size_t>(std::stoul(token));
}

// The child of `parent` named by `token`, or nullptr.
template <class J>
J* child(J& parent, const std::string& token) {
  if (parent.is_object()) {
    const auto it = parent.find(token);
    return it == parent.end() ? nullptr : &*it;
  }
  if (parent.is_array()) {
    const auto index = array_index(token);
    return index && *index < parent.size() ? &parent[*index] : nullptr;
  }
  return nullptr;
}

std::string dump(const Json& j, int indent) { return j.dump(indent, ' ', false, Json::error_handler_t::replace); }

}  // namespace

std::optional<std::vector<std::string>> json_pointer_tokens(std::string_view pointer) {
  std::vector<std::string> out;
  if (pointer.empty()) return out;
  if (pointer[0] != '/') return std::nullopt;
  std::string token;
  for (std::size_t i = 1; i <= pointer.size(); ++i) {
    if (i == pointer.size() || pointer[i] == '/') {
      out.push_back(std::move(token));
      token.clear();
    } else if (pointer[i] == '~') {
      if (i + 1 >= pointer.size() || (pointer[i + 1] != '0' && pointer[i + 1] != '1')) return std::nullopt;
      token += pointer[++i] == '0' ? '~' : '/';
    } else {
      token += pointer[i];
    }
  }
  return out;
}

ClinicDraft::ClinicDraft() { start_from_demo(); }

void ClinicDraft::start_from_demo() {
  doc_ = parse_json(to_json(builtin_clinic_config())).value;
  undo_.clear();
  redo_.clear();
  dirty_ = false;
  recheck();
}

std::optional<std::string> ClinicDraft::open(std::string_view text, bool unsaved) {
  ParsedJson parsed = parse_json(text);
  if (!parsed.ok()) return parsed.pointer.empty() ? parsed.error : parsed.pointer + ": " + parsed.error;
  if (!parsed.value.is_object()) return std::string("a clinic configuration is a JSON object ({…})");
  doc_ = std::move(parsed.value);
  undo_.clear();
  redo_.clear();
  dirty_ = unsaved;
  recheck();
  return std::nullopt;
}

const Json* ClinicDraft::at(std::string_view pointer) const {
  const auto tokens = json_pointer_tokens(pointer);
  if (!tokens) return nullptr;
  const Json* node = &doc_;
  for (const std::string& t : *tokens) {
    node = child(*node, t);
    if (!node) return nullptr;
  }
  return node;
}

bool ClinicDraft::set(std::string_view pointer, Json value, bool merge) {
  const auto tokens = json_pointer_tokens(pointer);
  if (!tokens) return false;
  if (tokens->empty()) {
    if (!value.is_object()) return false;
    if (value == doc_) return true;
    changed(std::exchange(doc_, std::move(value)), std::string(pointer), merge);
    return true;
  }
  if (const Json* now = at(pointer); now && *now == value) return true;
  Json next = doc_;
  Json* node = &next;
  for (std::size_t i = 0; i + 1 < tokens->size(); ++i) {
    const std::string& t = (*tokens)[i];
    Json* c = child(*node, t);
    if (!c && node->is_object()) c = &((*node)[t] = Json::object());
    if (!c) return false;
    node = c;
  }
  const std::string& last = tokens->back();
  if (node->is_object()) {
    (*node)[last] = std::move(value);
  } else if (node->is_array()) {
    const auto index = last == "-" ? std::optional<std::size_t>(node->size()) : array_index(last);
    if (!index || *index > node->size()) return false;
    if (*index == node->size()) node->push_back(std::move(value));
    else (*node)[*index] = std::move(value);
  } else {
    return false;
  }
  changed(std::exchange(doc_, std::move(next)), std::string(pointer), merge);
  return true;
}

bool ClinicDraft::erase(std::string_view pointer, bool merge) {
  auto tokens = json_pointer_tokens(pointer);
  if (!tokens || tokens->empty() || !at(pointer)) return false;
  Json next = doc_;
  // The deepest ancestor that still holds something else once this goes (an emptied object goes with it).
  while (tokens->size() > 1) {
    const Json* node = &next;
    for (std::size_t i = 0; i + 1 < tokens->size(); ++i) node = child(*node, (*tokens)[i]);
    if (!node->is_object() || node->size() > 1) break;
    tokens->pop_back();
  }
  Json* node = &next;
  for (std::size_t i = 0; i + 1 < tokens->size(); ++i) node = child(*node, (*tokens)[i]);
  if (node->is_object()) node->erase(tokens->back());
  else node->erase(*array_index(tokens->back()));
  changed(std::exchange(doc_, std::move(next)), std::string(pointer), merge);
  return true;
}

void ClinicDraft::changed(Json before, std::string pointer, bool merge) {
  const bool same_field = merge && !undo_.empty() && undo_.back().pointer == pointer && redo_.empty() && dirty_;
  if (!same_field) {
    undo_.push_back({std::move(before), std::move(pointer)});
    if (undo_.size() > kMaxUndo) undo_.erase(undo_.begin());
  }
  redo_.clear();
  dirty_ = true;
  recheck();
}

bool ClinicDraft::undo() {
  if (undo_.empty()) return false;
  Step s = std::move(undo_.back());
  undo_.pop_back();
  redo_.push_back({std::exchange(doc_, std::move(s.before)), s.pointer});
  dirty_ = true;
  recheck();
  return true;
}

bool ClinicDraft::redo() {
  if (redo_.empty()) return false;
  Step s = std::move(redo_.back());
  redo_.pop_back();
  undo_.push_back({std::exchange(doc_, std::move(s.before)), s.pointer});
  dirty_ = true;
  recheck();
  return true;
}

std::vector<Issue> ClinicDraft::issues_at(std::string_view pointer) const {
  std::vector<Issue> out;
  for (const Issue& i : load_.issues) {
    const std::string_view p = i.pointer;
    if (p == pointer || (p.size() > pointer.size() && p.substr(0, pointer.size()) == pointer && p[pointer.size()] == '/'))
      out.push_back(i);
  }
  return out;
}

std::optional<std::string> ClinicDraft::save() {
  if (!saveable()) return std::nullopt;
  dirty_ = false;
  return dump(doc_, 2) + "\n";
}

void ClinicDraft::recheck() { load_ = load_clinic_config(dump(doc_, -1)); }

}  // namespace mn
