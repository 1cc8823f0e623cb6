// Parsing untrusted JSON within limits, and JSON pointers (core/json_parse.hpp, core/issues.hpp).
#include <doctest/doctest.h>

#include <string>

#include "core/issues.hpp"
#include "core/json_parse.hpp"

using namespace mn;

namespace {

std::string nested(int depth) {
  return std::string(static_cast<std::size_t>(depth), '[') + std::string(static_cast<std::size_t>(depth), ']');
}

bool starts_with(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

TEST_CASE("parse_json parses valid JSON, with or without a byte order mark") {
  const ParsedJson plain = parse_json(R"({"a": [1, 2]})");
  REQUIRE(plain.ok());
  CHECK(plain.value["a"][1] == 2);
  CHECK(parse_json("\xef\xbb\xbf{}").ok());
}

TEST_CASE("parse_json names each way input can be unusable") {
  CHECK(parse_json("").error == "empty: there is no JSON value");
  CHECK(parse_json(" \n\t").error == "empty: there is no JSON value");
  CHECK(parse_json("{\"a\": \"\xe9\"}").error == "not valid UTF-8 (byte 0xe9 at offset 7)");
  CHECK(parse_json(std::string(kMaxJsonBytes + 1, ' ')).error == "larger than the limit of 1048576 bytes");
  CHECK(starts_with(parse_json("{\"a\": ").error, "not valid JSON at line 1, column 7: "));
  CHECK(starts_with(parse_json("{} x").error, "not valid JSON at line 1, column 4: "));
  CHECK(parse_json("[1e999]").error == "not valid JSON: number overflow parsing '1e999'");
}

TEST_CASE("parse_json allows nesting up to the limit and refuses one level more") {
  CHECK(parse_json(nested(kMaxJsonDepth)).ok());
  CHECK(parse_json(nested(kMaxJsonDepth + 1)).error == "nested deeper than 32 levels");
  CHECK(parse_json(nested(100000)).error == "nested deeper than 32 levels");  // no recursion, no crash
  CHECK(
      parse_json(R"(["[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["])").ok());  // brackets in strings do not count
}

TEST_CASE("error messages stay short even for huge tokens") {
  const std::string error = parse_json("\"" + std::string(100000, 'a') + "\x01\"").error;
  CHECK(starts_with(error, "not valid JSON"));
  CHECK(error.size() < 400);
}

TEST_CASE("leaf_pointers lists every leaf as an escaped JSON pointer") {
  const Json doc = Json::parse(R"({"b": {"x/y": 1, "t~": [true, {}]}, "a": [], "c": "s"})");
  CHECK(leaf_pointers(doc) == std::vector<std::string>{"/a", "/b/t~0/0", "/b/t~0/1", "/b/x~1y", "/c"});
}

TEST_CASE("pointer_append escapes per RFC 6901 and format_issue prints the root as (root)") {
  CHECK(pointer_append("", "packages") == "/packages");
  CHECK(pointer_append("/packages", 0) == "/packages/0");
  CHECK(pointer_append("/a", "~/") == "/a/~0~1");
  CHECK(format_issue({Severity::error, "", "empty", {}}) == "error: (root): empty");
  CHECK(format_issue({Severity::warning, "/x", "odd", "content/en/ui.json"}) == "warning: content/en/ui.json: /x: odd");
}

TEST_CASE("JSON parsed ahead is handed over once, to a parse of the same text; errors too") {
  const std::size_t waiting = json_parsed_ahead();
  const std::string text = R"({"b": [1, 2], "a": "x"})";
  parse_json_ahead(text);
  CHECK(json_parsed_ahead() == waiting + 1);
  CHECK(parse_json(R"({"b": [1, 2], "a": "y"})").value["a"] == "y");  // other text is never handed this result
  CHECK(json_parsed_ahead() == waiting + 1);
  ParsedJson first = parse_json(text);
  CHECK(json_parsed_ahead() == waiting);  // handed over
  REQUIRE(first.ok());
  CHECK(first.value.dump() == R"({"b":[1,2],"a":"x"})");  // keys in their order, as a direct parse keeps them
  CHECK(parse_json(text).value.dump() == first.value.dump());

  parse_json_ahead("[1,");
  const ParsedJson broken = parse_json("[1,");
  CHECK(json_parsed_ahead() == waiting);
  CHECK_FALSE(broken.ok());
  CHECK(broken.error == parse_json("[1,").error);

  // Only the newest kMaxJsonAhead results are kept; the oldest goes first.
  for (std::size_t i = 0; i <= kMaxJsonAhead; ++i) parse_json_ahead(std::to_string(i));
  CHECK(json_parsed_ahead() == kMaxJsonAhead);
  CHECK(parse_json("0").value == 0);  // dropped: parsed now, and nothing waiting is used up
  CHECK(json_parsed_ahead() == kMaxJsonAhead);
  CHECK(parse_json("1").value == 1);
  CHECK(json_parsed_ahead() == kMaxJsonAhead - 1);
  for (std::size_t i = 2; i <= kMaxJsonAhead; ++i) (void)parse_json(std::to_string(i));
  CHECK(json_parsed_ahead() == 0);
}
