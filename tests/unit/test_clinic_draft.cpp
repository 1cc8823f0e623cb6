// The setup editor's model (core/clinic_draft.hpp): edits at JSON pointers, the same checks as `navigator validate`,
// undo and redo, nothing invalid saved, and a file that round-trips.
#include <doctest/doctest.h>

#include <string>

#include "core/clinic_draft.hpp"
#include "core/files.hpp"

using namespace mn;

namespace {

std::string demo_file() { return read_file(std::string(MN_SOURCE_DIR) + "/assets/clinic/demo.json", kMaxJsonBytes).value_or(""); }

bool has_issue(const ClinicDraft& d, const std::string& pointer, const std::string& words) {
  for (const Issue& i : d.issues())
    if (i.pointer == pointer && i.message.find(words) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("JSON pointers: tokens, escapes, malformed ones") {
  using V = std::vector<std::string>;
  CHECK(json_pointer_tokens("")->empty());
  CHECK(*json_pointer_tokens("/clinic/name") == V{"clinic", "name"});
  CHECK(*json_pointer_tokens("/a~1b/c~0d/") == V{"a/b", "c~d", ""});
  CHECK(!json_pointer_tokens("clinic"));
  CHECK(!json_pointer_tokens("/a~2"));
  CHECK(!json_pointer_tokens("/a~"));
}

TEST_CASE("a draft starts from the demo clinic, valid and clean") {
  ClinicDraft d;
  CHECK(d.saveable());
  CHECK(!d.dirty());
  CHECK(!d.can_undo());
  REQUIRE(d.at("/clinic/name"));
  CHECK(*d.at("/clinic/name") == builtin_clinic_config().clinic.name);
  CHECK(d.at("/nope") == nullptr);
  CHECK(d.at("/clinic/name/deeper") == nullptr);
}

TEST_CASE("every change is checked as navigator validate checks it; nothing invalid is saved") {
  ClinicDraft d;
  REQUIRE(d.set("/clinic/name", "Clínica Aurora"));
  CHECK(d.config().clinic.name == "Clínica Aurora");
  CHECK(d.dirty());
  // A price range the wrong way round: the loader's message at the loader's pointer; the draft cannot be saved.
  REQUIRE(d.set("/treatments/microneedling/price/low", 900));
  CHECK(!d.saveable());
  CHECK(!d.save());
  REQUIRE(!d.issues_at("/treatments/microneedling").empty());
  CHECK(d.issues_at("/clinic").empty());
  // The same messages as loading the text (what `navigator validate` prints).
  const ConfigLoad direct = load_clinic_config(d.document().dump());
  REQUIRE(direct.issues.size() == d.issues().size());
  for (std::size_t i = 0; i < direct.issues.size(); ++i) {
    CHECK(direct.issues[i].pointer == d.issues()[i].pointer);
    CHECK(direct.issues[i].message == d.issues()[i].message);
  }
  REQUIRE(d.set("/treatments/microneedling/price/low", 300));
  CHECK(d.saveable());
  // A colour that is not one.
  REQUIRE(d.set("/brand/primary", "teal-ish"));
  CHECK(!d.saveable());
  CHECK(!d.issues_at("/brand/primary").empty());
}

TEST_CASE("undo and redo step through changes; typing into one field is one step") {
  ClinicDraft d;
  const Json start = d.document();
  for (const char* typed : {"H", "Ha", "Har", "Harb"}) REQUIRE(d.set("/clinic/name", typed, true));
  REQUIRE(d.set("/clinic/phone", "+1 604 555 0100"));
  CHECK(d.undo());
  CHECK(*d.at("/clinic/name") == "Harb");
  CHECK(d.undo());  // the whole word at once
  CHECK(d.document() == start);
  CHECK(!d.can_undo());
  CHECK(d.redo());
  CHECK(*d.at("/clinic/name") == "Harb");
  CHECK(d.redo());
  CHECK(*d.at("/clinic/phone") == "+1 604 555 0100");
  CHECK(!d.can_redo());
  // A new change after an undo drops what could have been redone.
  CHECK(d.undo());
  REQUIRE(d.set("/clinic/email", "hello@example.com"));
  CHECK(!d.can_redo());
  // The same value again is no step.
  const bool could_undo = d.can_undo();
  REQUIRE(d.set("/clinic/email", "hello@example.com"));
  CHECK(d.can_undo() == could_undo);
}

TEST_CASE("set creates objects on the way, appends to arrays, and refuses what it cannot set") {
  ClinicDraft d;
  CHECK(d.set("/brand/accent", "#336699"));
  const std::size_t packages = d.at("/packages")->size();
  CHECK(d.set("/packages/-", Json{{"id", "peel-3"}, {"treatment", "chemical_peel_superficial"}, {"sessions", 3}, {"percent_off", 5}}));
  CHECK(d.at("/packages")->size() == packages + 1);
  CHECK(d.saveable());
  CHECK(d.erase("/packages/" + std::to_string(packages)));
  CHECK(d.at("/packages")->size() == packages);
  CHECK(!d.set("/packages/99", 1));           // past the end
  CHECK(!d.set("/packages/01", 1));           // not an index
  CHECK(!d.set("/clinic/name/first", "x"));   // inside a string
  CHECK(!d.set("no-slash", 1));
  CHECK(!d.set("", 5));                       // the whole document must stay an object
  CHECK(!d.erase("/nothing/here"));
}

TEST_CASE("opening: a bad file leaves the draft as it was; a good one round-trips to the same settings") {
  ClinicDraft d;
  REQUIRE(d.set("/clinic/name", "Keep me"));
  const std::optional<std::string> refused = d.open("{\"clinic\": ");
  REQUIRE(refused);
  CHECK(!refused->empty());
  CHECK(*d.at("/clinic/name") == "Keep me");
  CHECK(d.open("[1, 2]").value_or("") == "a clinic configuration is a JSON object ({…})");
  CHECK(d.open("{\"a\": 1, \"a\": 2}").value_or("").find("/a") == 0);
  // The demo file: open, save without edits, open again: the same settings, and the same file text each time.
  REQUIRE(!d.open(demo_file()));
  CHECK(!d.dirty());
  CHECK(!d.can_undo());
  const std::optional<std::string> saved = d.save();
  REQUIRE(saved);
  CHECK(to_json(load_clinic_config(*saved).config) == to_json(load_clinic_config(demo_file()).config));
  ClinicDraft again;
  REQUIRE(!again.open(*saved));
  CHECK(again.save() == saved);
  // A file with problems opens (to be fixed here), and says what they are.
  REQUIRE(!d.open(R"({"clinic": {"name": ""}, "currency": "DOLLARS"})"));
  CHECK(!d.saveable());
  CHECK(has_issue(d, "/currency", ""));
}

TEST_CASE("clearing a field: an emptied object goes with it, clearing as typed is one step, kept work opens unsaved") {
  ClinicDraft d;
  REQUIRE(d.set("/packages/0/name/en", "Three sessions"));
  REQUIRE(d.at("/packages/0/name")->size() == 1);
  CHECK(d.erase("/packages/0/name/en"));
  CHECK(!d.at("/packages/0/name"));       // no empty {"name": {}} left behind (an error in the validator)
  CHECK(d.at("/packages/0/treatment"));   // the package itself stays
  CHECK(d.saveable());
  REQUIRE(d.set("/clinic/phone", "+1 604", true));
  const std::size_t before = d.at("/clinic") ? d.at("/clinic")->size() : 0;
  CHECK(d.erase("/clinic/phone", true));  // typed, then cleared: one step back to the demo's phone
  CHECK(d.at("/clinic")->size() == before - 1);
  REQUIRE(d.undo());
  CHECK(*d.at("/clinic/phone") == "+1 604 555 0142");
  CHECK(!d.erase("/clinic/phone/x"));
  // Work kept by the browser across a reload opens as unsaved (not as a saved file), with nothing to undo.
  ClinicDraft kept;
  REQUIRE(!kept.open(R"({"clinic": {"name": "Mine"}, "currency": "EUR", "locale": "es-ES"})", true));
  CHECK(kept.dirty());
  CHECK(!kept.can_undo());
  REQUIRE(!kept.open(R"({"clinic": {"name": "Mine"}})"));
  CHECK(!kept.dirty());
}
