// The accessibility mirror's model: results as tables (caption, column headings, rows), text left out while
// muted (a table says the same), controls named more fully than their visible label, and a version that changes
// whenever what a screen reader would hear changes.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "ui/mirror.hpp"

namespace mirror = mn::ui::mirror;

namespace {

// One frame: a heading, a table of two rows drawn as muted cards, and a button after each card.
void frame(const std::string& second_verdict, bool rename = true) {
  mirror::begin_frame();
  mirror::add_text(mirror::Role::heading1, "Your results");
  mirror::table_begin("Verdict for each of 2 treatments", {"Treatment", "Verdict", "Reasons"});
  mirror::table_row({"Microneedling", "Suitable", "Nothing stands against it"});
  mirror::table_row({"Chemical peel", second_verdict, ""});
  mirror::table_end();
  for (const char* name : {"Microneedling", "Chemical peel"}) {
    mirror::mute_begin();
    mirror::add_text(mirror::Role::heading3, name);
    mirror::add_text(mirror::Role::text, "a reason drawn on the card");
    mirror::mute_end();
    mirror::add_control(mirror::Role::button, name[0] == 'M' ? 11u : 12u, "Estimate this##est");
    if (rename) mirror::name_last_control(std::string("Estimate this: ") + name);
  }
  mirror::table_row({"ignored", "outside any table"});  // no table is open: nowhere to go
  mirror::end_frame();
}

}  // namespace

TEST_CASE("a results table keeps its caption, headings and rows; muted text is left out, controls stay") {
  frame("Wait first");
  const auto& nodes = mirror::nodes();
  REQUIRE(nodes.size() == 4);  // heading, table, two buttons: no card text, no stray row
  CHECK(nodes[0].role == mirror::Role::heading1);
  const mirror::Node& table = nodes[1];
  CHECK(table.role == mirror::Role::table);
  CHECK(table.text == "Verdict for each of 2 treatments");
  CHECK(table.head == std::vector<std::string>{"Treatment", "Verdict", "Reasons"});
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[1] == std::vector<std::string>{"Chemical peel", "Wait first", ""});  // as many cells as columns
  CHECK(nodes[2].text == "Estimate this: Microneedling");
  CHECK(nodes[3].text == "Estimate this: Chemical peel");
  CHECK(nodes[3].id == 12u);

  auto j = nlohmann::json::parse(mirror::json());
  const auto& t = j["nodes"][1];
  CHECK(t["role"] == "table");
  CHECK(t["announce"] == "Verdict for each of 2 treatments");  // the caption when no summary was given
  CHECK(t["rows"][0][0] == "Microneedling");
  CHECK(t["head"].size() == 3);
}

TEST_CASE("the mirror's version changes when a table cell changes, and only then") {
  frame("Wait first");
  const auto v1 = mirror::version();
  frame("Wait first");
  CHECK(mirror::version() == v1);
  frame("Not advised");
  CHECK(mirror::version() != v1);
}

TEST_CASE("without a fuller name a control is named by its visible label; empty cells past the columns are dropped") {
  frame("Suitable", false);
  CHECK(mirror::nodes()[2].text == "Estimate this");
  mirror::begin_frame();
  mirror::table_begin("Paying monthly", {"Term", "Per month"}, " ");
  mirror::table_row({"12 months", "$100", ""});
  mirror::table_row({"24 months", "$55", "a note"});
  mirror::end_frame();
  const auto& rows = mirror::nodes()[0].rows;
  CHECK(rows[0].size() == 2);
  CHECK(rows[1].size() == 3);  // a real note is kept
}
