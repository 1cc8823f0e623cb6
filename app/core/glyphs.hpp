#pragma once
// A clinic's own words in any script (issue 19). The app's fonts hold Windows-1252 (cmake/fonts.cmake); the letters
// of other scripts are fetched on demand in slices (scripts/fonts/slice.py). This finds which letters a clinic's
// texts need, and puts right-to-left text (Hebrew, Arabic) into the order a left-to-right renderer draws it in, with
// Arabic letters in their joined forms. Pure C++: no UI, no browser.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_parse.hpp"

namespace mn {

// Whether the app's own fonts hold `cp` (the same ranges as cmake/fonts.cmake).
bool in_base_font(char32_t cp);

// The code points of well-formed UTF-8 (a malformed byte is skipped).
std::vector<char32_t> decode_utf8(std::string_view text);
std::string encode_utf8(const std::vector<char32_t>& cps);

// True when the text holds a right-to-left letter (Hebrew, Arabic).
bool has_rtl(std::string_view text);

// The text as a left-to-right renderer must draw it so that it reads right: Arabic letters joined (each in its
// isolated, initial, medial or final presentation form; lam with alef as one ligature), then each right-to-left
// run reversed, and in a paragraph that starts right-to-left, the runs in reverse order (numbers and Latin words
// keep their own order). Brackets in a right-to-left run are mirrored. Text with no right-to-left letter is
// returned as it is. One line: the caller draws it unwrapped, or wraps what this returns.
std::string visual_order(std::string_view text);

// A paragraph broken into lines (in reading order) no wider than `max_width` as `width_of` measures each line as it
// will be drawn, breaking at spaces (a word wider than the line stands alone). For right-to-left text, which must be
// wrapped before visual_order() puts each line in drawing order.
std::vector<std::string> wrap_lines(std::string_view text, float max_width,
                                    const std::function<float(std::string_view line)>& width_of);

// Every code point the app's fonts lack among the string values of `doc` (a clinic.json), as they will be drawn
// (after visual_order: Arabic's presentation forms), sorted, each once; control characters left out.
std::vector<char32_t> glyphs_beyond_base(const Json& doc);

}  // namespace mn
