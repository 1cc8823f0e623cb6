// UTF-8 checks, placeholder filling and typo hints (core/text.hpp).
#include <doctest/doctest.h>

#include <array>
#include <string>

#include "core/text.hpp"

using namespace mn;

TEST_CASE("invalid_utf8_offset accepts well-formed UTF-8 and finds the first bad byte") {
  CHECK_FALSE(invalid_utf8_offset(""));
  CHECK_FALSE(invalid_utf8_offset("plain ASCII"));
  CHECK_FALSE(invalid_utf8_offset("Clínica – 1.234 € 😀"));   // 2-, 3- and 4-byte sequences
  CHECK_FALSE(invalid_utf8_offset(std::string("a\0b", 3)));  // NUL is a code point

  struct Bad {
    std::string bytes;
    std::size_t offset;
  };
  const std::array<Bad, 9> cases = {{
      {"ab\xff", 2},                // never valid
      {"\xc3", 0},                  // truncated 2-byte sequence
      {"x\xc3(", 1},                // bad continuation
      {"\xc0\xaf", 0},              // overlong '/'
      {"\xe0\x80\xaf", 0},          // overlong 3-byte
      {"\xed\xa0\x80", 0},          // UTF-16 surrogate
      {"\xf4\x90\x80\x80", 0},      // above U+10FFFF
      {"\xf0\x9f\x98", 0},          // truncated 4-byte sequence
      {"ok \xe2\x82\xac \x80", 7},  // stray continuation byte after a valid euro sign
  }};
  for (const Bad& c : cases) {
    CAPTURE(c.bytes);
    REQUIRE(invalid_utf8_offset(c.bytes));
    CHECK(*invalid_utf8_offset(c.bytes) == c.offset);
  }
}

TEST_CASE("utf8_length and truncate_utf8 count code points, not bytes") {
  CHECK(utf8_length("€5") == 2);
  CHECK(truncate_utf8("añoñaño", 3) == "año...");
  CHECK(truncate_utf8("año", 3) == "año");
}

TEST_CASE("fill replaces known placeholders and leaves everything else") {
  CHECK(fill("Hello {name}!", {{"name", "Ana"}}) == "Hello Ana!");
  CHECK(fill("{n} of {total}, {n} again", {{"n", "2"}, {"total", "5"}}) == "2 of 5, 2 again");
  CHECK(fill("{unknown} stays", {{"name", "x"}}) == "{unknown} stays");
  CHECK(fill("{Not A Placeholder} {} {", {{"Not A Placeholder", "x"}}) == "{Not A Placeholder} {} {");
  CHECK(fill("{name}", {{"name", "{name}"}}) == "{name}");  // values are not filled again
}

TEST_CASE("placeholder_names lists each name once, sorted") {
  CHECK(placeholder_names("{total} then {count} and {count}") == std::vector<std::string>{"count", "total"});
  CHECK(placeholder_names("no placeholders {} {A}").empty());
}

TEST_CASE("closest_match suggests near misses only") {
  const std::array<std::string_view, 3> keys = {"currency", "locale", "treatments"};
  CHECK(closest_match("curency", keys) == std::optional<std::string_view>("currency"));
  CHECK(closest_match("LOCALE", keys) == std::optional<std::string_view>("locale"));  // case is ignored
  CHECK_FALSE(closest_match("brand", keys));
  CHECK_FALSE(closest_match("", keys));
  CHECK(with_hint("unknown key 'treatmnts'", "treatmnts", keys) ==
        "unknown key 'treatmnts' (did you mean 'treatments'?)");
  CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("number_text writes numbers as people do") {
  CHECK(number_text(300) == "300");
  CHECK(number_text(9.99) == "9.99");
  CHECK(number_text(-5) == "-5");
  CHECK(number_text(1e20) == "1e+20");
}
