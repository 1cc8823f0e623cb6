// A clinic's words in any script (core/glyphs.hpp): which letters its texts need beyond the app's own fonts, and
// right-to-left text put in the order a left-to-right renderer draws, with Arabic letters joined.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/glyphs.hpp"

using namespace mn;

namespace {
std::string utf8(std::vector<char32_t> cps) { return encode_utf8(cps); }
}  // namespace

TEST_CASE("glyphs: the app's own fonts hold Windows-1252; a clinic's other letters are named, each once") {
  CHECK(in_base_font(U'a'));
  CHECK(in_base_font(U'ñ'));
  CHECK(in_base_font(U'€'));
  CHECK(in_base_font(U'œ'));
  CHECK(!in_base_font(U'ễ'));   // Vietnamese
  CHECK(!in_base_font(U'서'));   // Korean
  CHECK(!in_base_font(0x0627));  // Arabic alef
  const Json doc = parse_json(R"({"clinic": {"name": "Phòng khám Da liễu Sài Gòn", "address": "서울 서초구"},
                                  "currency": "VND", "packages": [{"name": {"en": "Gói 3 buổi", "es": "Paquete"}}]})").value;
  const std::vector<char32_t> need = glyphs_beyond_base(doc);
  // ò and à are Latin-1; ễ (U+1EC5) and ổ (U+1ED5, in "buổi") are not; the Korean syllables, once each.
  CHECK(need == std::vector<char32_t>{0x1EC5, 0x1ED5, U'구', U'서', U'울', U'초'});
  CHECK(glyphs_beyond_base(parse_json(R"({"clinic": {"name": "Clínica Salud"}})").value).empty());
}

TEST_CASE("glyphs: UTF-8 decodes and encodes back; a malformed byte is skipped") {
  const std::string text = "Café 서울 😀";
  CHECK(encode_utf8(decode_utf8(text)) == text);
  CHECK(decode_utf8("a\xFF" "b") == std::vector<char32_t>{U'a', U'b'});
  CHECK(decode_utf8("\xE2\x82") .empty());  // cut short
}

TEST_CASE("glyphs: right-to-left text is drawn in reverse; numbers and Latin keep their order; Arabic letters join") {
  CHECK(!has_rtl("Harbour Skin Clinic"));
  CHECK(visual_order("Harbour Skin Clinic") == "Harbour Skin Clinic");
  CHECK(has_rtl("שלום"));
  CHECK(visual_order("שלום") == "םולש");
  // A Hebrew paragraph with a number: the number reads left to right, on the left of the word before it.
  CHECK(visual_order("מרפאה 24/7") == "24/7 האפרמ");
  // An English paragraph with a Hebrew name in it: only the name is reversed.
  CHECK(visual_order("Clinic שלום today") == "Clinic םולש today");
  // Brackets in a right-to-left run are mirrored.
  CHECK(visual_order("(שלום)") == "(םולש)");
  // سلام: seen initial, lam-alef ligature final, meem isolated (alef never joins the letter after it); reversed.
  CHECK(visual_order(utf8({0x633, 0x644, 0x627, 0x645})) == utf8({0xFEE1, 0xFEFC, 0xFEB3}));
  // بيت: beh initial, yeh medial, teh final.
  CHECK(visual_order(utf8({0x628, 0x64A, 0x62A})) == utf8({0xFE96, 0xFEF4, 0xFE91}));
  // A mark (fatha) between two letters does not break their joining.
  CHECK(visual_order(utf8({0x628, 0x64E, 0x62A})) == utf8({0xFE96, 0x64E, 0xFE91}));
  // Needed glyphs are the joined forms, not the letters as typed.
  const std::vector<char32_t> need = glyphs_beyond_base(parse_json(R"({"n": "بيت"})").value);
  CHECK(need == std::vector<char32_t>{0xFE91, 0xFE96, 0xFEF4});
}

TEST_CASE("glyphs: a right-to-left paragraph is wrapped in reading order, then each line drawn in visual order") {
  const auto width = [](std::string_view line) { return static_cast<float>(decode_utf8(line).size()); };
  const std::vector<std::string> lines = wrap_lines("אחת שתיים שלוש ארבע", 10.0f, width);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "אחת שתיים");   // the first words read first, on the first line
  CHECK(lines[1] == "שלוש ארבע");
  CHECK(visual_order(lines[0]) == "םייתש תחא");
  CHECK(wrap_lines("", 10.0f, width) == std::vector<std::string>{""});
  CHECK(wrap_lines("ארוךמאודמאודמאוד קצר", 5.0f, width).size() == 2);  // a word wider than the line stands alone
}
