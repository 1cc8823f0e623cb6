#include "core/json_reader.hpp"

#include <cmath>

#include "core/text.hpp"

namespace mn {
namespace {

constexpr std::size_t kQuotedChars = 40;

// The found value, for messages: "\"abc\"", "-5", "true", "null", "an array", "an object".
std::string describe(const Json& value) {
  switch (value.type()) {
    case Json::value_t::string:
      return Json(truncate_utf8(value.get_ref<const std::string&>(), kQuotedChars))
          .dump(-1, ' ', false, Json::error_handler_t::replace);
    case Json::value_t::array:
      return "an array";
    case Json::value_t::object:
      return "an object";
    case Json::value_t::number_float:
      return number_text(value.get<double>());
    default:
      return value.dump();  // integers, booleans, null
  }
}

bool has_control_character(std::string_view text, bool multiline) {
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && !(multiline && c == '\n')) || u == 0x7F) return true;
  }
  return false;
}

}  // namespace

std::string in_quotes(std::string_view text) { return quoted_value(text, kQuotedChars); }

void IssueLog::add(Severity severity, std::string pointer, std::string message) {
  if (severity == Severity::error) ++errors_;
  add_capped(issues_, {severity, std::move(pointer), std::move(message), document_}, unlisted_);
}

void Node::missing() const {
  if (!quiet_) error("is required but missing");
}

void Node::type_error(std::string_view what) const {
  error("expected " + std::string(what) + ", found " + describe(*value_));
}

Node Node::member(std::string_view key) const {
  std::string pointer = pointer_append(pointer_, key);
  if (!value_ || !value_->is_object()) return Node(nullptr, std::move(pointer), *log_, true);
  const auto it = value_->find(key);
  return Node(it == value_->end() ? nullptr : &*it, std::move(pointer), *log_);
}

bool Node::expect_array() const {
  if (value_->is_array()) return true;
  type_error("an array");
  return false;
}

bool Node::expect_object() const {
  if (value_->is_object()) return true;
  type_error("an object");
  return false;
}

std::vector<Node> Node::elements() const {
  std::vector<Node> out;
  if (!expect_array()) return out;
  out.reserve(value_->size());
  for (std::size_t i = 0; i < value_->size(); ++i) out.emplace_back(&(*value_)[i], pointer_append(pointer_, i), *log_);
  return out;
}

std::vector<std::pair<std::string, Node>> Node::members() const {
  std::vector<std::pair<std::string, Node>> out;
  if (!expect_object()) return out;
  for (const auto& [key, child] : value_->items())
    out.emplace_back(key, Node(&child, pointer_append(pointer_, key), *log_));
  return out;
}

std::optional<std::string> Node::text(TextRule rule) const {
  if (!value_->is_string()) {
    type_error("a string");
    return std::nullopt;
  }
  const auto& s = value_->get_ref<const std::string&>();
  if (s.empty() && rule.may_be_empty) return s;
  if (s.find_first_not_of(" \t\r\n") == std::string::npos) {
    error("must not be empty");
  } else if (utf8_length(s) > rule.max_chars) {
    error("is longer than " + std::to_string(rule.max_chars) + " characters");
  } else if (has_control_character(s, rule.multiline)) {
    error(rule.multiline ? "contains a control character" : "contains a line break or control character");
  } else {
    return s;
  }
  return std::nullopt;
}

std::optional<double> Node::number(double min, double max) const {
  if (!value_->is_number()) {
    type_error("a number");
    return std::nullopt;
  }
  const double v = value_->get<double>();
  if (std::isfinite(v) && v >= min && v <= max) return v;
  error("must be between " + number_text(min) + " and " + number_text(max) + ", found " + describe(*value_));
  return std::nullopt;
}

std::optional<int> Node::integer(int min, int max) const {
  if (!value_->is_number()) {
    type_error("a whole number");
    return std::nullopt;
  }
  const double v = value_->get<double>();
  if (v != std::floor(v)) {
    type_error("a whole number");
    return std::nullopt;
  }
  if (v >= min && v <= max) return static_cast<int>(v);
  error("must be between " + std::to_string(min) + " and " + std::to_string(max) + ", found " + describe(*value_));
  return std::nullopt;
}

std::optional<bool> Node::boolean() const {
  if (value_->is_boolean()) return value_->get<bool>();
  type_error("true or false");
  return std::nullopt;
}

ObjectReader::ObjectReader(const Node& node) : node_(node), object_(node.present() && node.json().is_object()) {
  if (node.present() && !object_) node.expect_object();  // records the type error
}

Node ObjectReader::operator[](std::string_view key) {
  known_.emplace(key);
  return node_.member(key);
}

void ObjectReader::finish() const {
  if (!object_) return;
  for (const auto& [key, value] : node_.json().items())
    if (known_.find(key) == known_.end())
      node_.log().add(Severity::warning, pointer_append(node_.pointer(), key),
                      with_hint("unknown key " + in_quotes(key) + " is ignored", key, known_));
}

}  // namespace mn
