#pragma once
// A clinic configuration being edited (the setup editor, issue 19): the clinic.json document, changed one value at
// a time at a JSON pointer, checked after every change by the same loader and with the same messages as
// `navigator validate`, with undo and redo. It keeps every key of the file it was opened from, also those this
// version does not know (they are reported, as validate reports them). Pure C++: no UI, no browser; never throws.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clinic_config.hpp"
#include "core/issues.hpp"
#include "core/json_parse.hpp"

namespace mn {

class ClinicDraft {
 public:
  static constexpr std::size_t kMaxUndo = 200;  // the oldest steps go first

  ClinicDraft();  // the built-in demo clinic (assets/clinic/demo.json)

  // Opens a clinic.json text: a JSON object (issues in it are shown, as validate shows them, and can be fixed
  // here). Anything else leaves the draft as it was and returns why ("line 3: …"). Opening clears undo and redo.
  // `unsaved`: the text is earlier work that was never saved (kept by the browser across a reload): the draft
  // opens dirty.
  std::optional<std::string> open(std::string_view text, bool unsaved = false);
  // Back to the built-in demo clinic (undo and redo cleared).
  void start_from_demo();

  const Json& document() const { return doc_; }
  // The value at `pointer` (RFC 6901), or nullptr when there is none (or the pointer is malformed).
  const Json* at(std::string_view pointer) const;

  // Sets the value at `pointer`, creating missing objects on the way (an array index must exist, or be its size
  // to append). A new undo step, unless `merge` and the last step changed the same pointer (typing into one field
  // is one step). False, and nothing changed, when the pointer cannot be set.
  bool set(std::string_view pointer, Json value, bool merge = false);
  // Removes the member or element at `pointer` (a step, merged as `set` merges: clearing a field as it is typed).
  // An object left empty by it goes too, unless it is the document. False when there is none.
  bool erase(std::string_view pointer, bool merge = false);

  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  bool undo();
  bool redo();
  // Changes since it was opened or last saved.
  bool dirty() const { return dirty_; }

  // The checks of `navigator validate` for the current document, in its order.
  const std::vector<Issue>& issues() const { return load_.issues; }
  // The issues at `pointer` or inside it.
  std::vector<Issue> issues_at(std::string_view pointer) const;
  // The configuration as the app would read it (every bad value replaced by the demo's): for the preview.
  const ClinicConfig& config() const { return load_.config; }
  // Nothing invalid can be saved: true when no issue is an error.
  bool saveable() const { return load_.ok(); }
  // The clinic.json text to save (2-space indented, keys in the file's order); nullopt while not saveable. Marks
  // the draft clean.
  std::optional<std::string> save();

 private:
  struct Step {
    Json before;
    std::string pointer;  // what it changed ("" for several things)
  };
  void changed(Json before, std::string pointer, bool merge);
  void recheck();

  Json doc_;
  ConfigLoad load_;
  std::vector<Step> undo_, redo_;
  bool dirty_ = false;
};

// "/a/b~1c" → {"a", "b/c"}; nullopt when it is not a JSON pointer ("" is the whole document: no tokens).
std::optional<std::vector<std::string>> json_pointer_tokens(std::string_view pointer);

}  // namespace mn
