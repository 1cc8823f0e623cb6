#include "core/glyphs.hpp"

#include <algorithm>
#include <set>

#include "core/text.hpp"

namespace mn {
namespace {

// ---------------------------------------------------------------- Arabic joining
// The letters U+0621–U+064A and their presentation forms (Unicode's Arabic Presentation Forms-B, U+FE80 onward):
// the isolated form, then as many as the letter has of final, initial, medial. 1: hamza (never joins); 2: joins
// only the letter before it (alef, dal, reh, waw …); 4: joins on both sides. 0: not a letter with forms.
struct Forms {
  char32_t isolated;
  int count;
};
constexpr Forms kArabic[0x64A - 0x621 + 1] = {
    {0xFE80, 1}, {0xFE81, 2}, {0xFE83, 2}, {0xFE85, 2}, {0xFE87, 2}, {0xFE89, 4}, {0xFE8D, 2}, {0xFE8F, 4},  // 621–628
    {0xFE93, 2}, {0xFE95, 4}, {0xFE99, 4}, {0xFE9D, 4}, {0xFEA1, 4}, {0xFEA5, 4}, {0xFEA9, 2}, {0xFEAB, 2},  // 629–630
    {0xFEAD, 2}, {0xFEAF, 2}, {0xFEB1, 4}, {0xFEB5, 4}, {0xFEB9, 4}, {0xFEBD, 4}, {0xFEC1, 4}, {0xFEC5, 4},  // 631–638
    {0xFEC9, 4}, {0xFECD, 4}, {0, 0},      {0, 0},      {0, 0},      {0, 0},      {0, 0},      {0, 0},       // 639–640
    {0xFED1, 4}, {0xFED5, 4}, {0xFED9, 4}, {0xFEDD, 4}, {0xFEE1, 4}, {0xFEE5, 4}, {0xFEE9, 4}, {0xFEED, 2},  // 641–648
    {0xFEEF, 2}, {0xFEF1, 4},                                                                              // 649–64A
};
constexpr char32_t kTatweel = 0x640, kLam = 0x644;

Forms forms_of(char32_t c) { return c >= 0x621 && c <= 0x64A ? kArabic[c - 0x621] : Forms{0, 0}; }

// Marks drawn on a letter (harakat and the like): they do not break the joining of the letters around them.
bool transparent(char32_t c) {
  return (c >= 0x610 && c <= 0x61A) || (c >= 0x64B && c <= 0x65F) || c == 0x670 || (c >= 0x6D6 && c <= 0x6DC) ||
         (c >= 0x6DF && c <= 0x6E4) || c == 0x6E7 || c == 0x6E8 || (c >= 0x6EA && c <= 0x6ED);
}
bool joins_forward(char32_t c) { return c == kTatweel || forms_of(c).count == 4; }  // to the letter after it
bool joins_backward(char32_t c) { return c == kTatweel || forms_of(c).count >= 2; }  // to the letter before it

// Lam followed by one of these alefs is drawn as one ligature (isolated, final: +1).
char32_t lam_alef(char32_t alef) {
  switch (alef) {
    case 0x622: return 0xFEF5;
    case 0x623: return 0xFEF7;
    case 0x625: return 0xFEF9;
    case 0x627: return 0xFEFB;
    default: return 0;
  }
}

std::vector<char32_t> join_arabic(const std::vector<char32_t>& in) {
  std::vector<char32_t> out;
  out.reserve(in.size());
  const auto neighbour = [&](std::size_t i, int step) -> char32_t {
    for (long j = static_cast<long>(i) + step; j >= 0 && j < static_cast<long>(in.size()); j += step)
      if (!transparent(in[static_cast<std::size_t>(j)])) return in[static_cast<std::size_t>(j)];
    return 0;
  };
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char32_t c = in[i];
    const Forms f = forms_of(c);
    if (f.count == 0) {
      out.push_back(c);
      continue;
    }
    const char32_t before = neighbour(i, -1), after = neighbour(i, +1);
    const bool joined_before = before && joins_forward(before) && f.count >= 2;
    if (c == kLam && lam_alef(after)) {
      out.push_back(lam_alef(after) + (joined_before ? 1 : 0));
      // The alef is in the ligature (marks between them are kept after it).
      std::size_t j = i + 1;
      while (j < in.size() && transparent(in[j])) out.push_back(in[j++]);
      i = j;
      continue;
    }
    const bool joined_after = after && f.count == 4 && joins_backward(after);
    int form = 0;  // isolated
    if (joined_before && joined_after) form = 3;
    else if (joined_before) form = 1;
    else if (joined_after) form = 2;
    out.push_back(f.isolated + static_cast<char32_t>(std::min(form, f.count - 1)));
  }
  return out;
}

// ---------------------------------------------------------------- direction
enum class Dir { left, right, number, neutral };

bool rtl_letter(char32_t c) {
  if ((c >= 0x660 && c <= 0x669) || (c >= 0x6F0 && c <= 0x6F9)) return false;  // Arabic-Indic digits
  return (c >= 0x590 && c <= 0x5FF) || (c >= 0x600 && c <= 0x6FF) || (c >= 0x750 && c <= 0x77F) ||
         (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

Dir dir_of(char32_t c) {
  if (rtl_letter(c)) return Dir::right;
  if ((c >= '0' && c <= '9') || (c >= 0x660 && c <= 0x669) || (c >= 0x6F0 && c <= 0x6F9)) return Dir::number;
  if (c < 0x80) return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? Dir::left : Dir::neutral;
  if ((c >= 0xA0 && c <= 0xBF) || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x206F) || (c >= 0x20A0 && c <= 0x20CF) ||
      (c >= 0x3000 && c <= 0x303F))
    return Dir::neutral;
  return Dir::left;
}

char32_t mirrored(char32_t c) {
  switch (c) {
    case '(': return ')';
    case ')': return '(';
    case '[': return ']';
    case ']': return '[';
    case '{': return '}';
    case '}': return '{';
    case '<': return '>';
    case '>': return '<';
    case 0xAB: return 0xBB;
    case 0xBB: return 0xAB;
    default: return c;
  }
}

}  // namespace

bool in_base_font(char32_t c) {
  return (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xFF) || c == 0x152 || c == 0x153 || c == 0x160 ||
         c == 0x161 || c == 0x178 || c == 0x17D || c == 0x17E || c == 0x2013 || c == 0x2014 ||
         (c >= 0x2018 && c <= 0x201D) || c == 0x2022 || c == 0x2026 || c == 0x20AC || (c >= 0x2190 && c <= 0x2193) ||
         c == 0x2212 || c == 0x2713;
}

std::vector<char32_t> decode_utf8(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto [cp, length] = decode_at(s, i);
    if (!(cp == 0xFFFD && length == 1)) out.push_back(cp);  // a malformed byte is skipped
    i += length;
  }
  return out;
}

std::string encode_utf8(const std::vector<char32_t>& cps) {
  std::string out;
  for (char32_t c : cps) append_utf8(out, c);
  return out;
}

bool has_rtl(std::string_view text) {
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) return false;
  for (char32_t c : decode_utf8(text))
    if (rtl_letter(c)) return true;
  return false;
}

std::string visual_order(std::string_view text) {
  if (!has_rtl(text)) return std::string(text);
  const std::vector<char32_t> cps = join_arabic(decode_utf8(text));
  const std::size_t n = cps.size();
  // Each character's direction: letters are strong; numbers read left to right; a neutral (space, punctuation)
  // takes the direction of the strong letters on both sides when they agree, else the paragraph's.
  std::vector<Dir> dir(n);
  Dir paragraph = Dir::left;
  bool found = false;
  for (std::size_t i = 0; i < n; ++i) {
    dir[i] = dir_of(cps[i]);
    if (!found && (dir[i] == Dir::left || dir[i] == Dir::right)) {
      paragraph = dir[i];
      found = true;
    }
  }
  const auto strong = [&](Dir d) { return d == Dir::number ? Dir::left : d; };
  std::vector<bool> rtl(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (dir[i] != Dir::neutral) {
      rtl[i] = dir[i] == Dir::right;
      continue;
    }
    Dir before = paragraph, after = paragraph;
    for (std::size_t j = i; j-- > 0;)
      if (dir[j] != Dir::neutral) { before = strong(dir[j]); break; }
    for (std::size_t j = i + 1; j < n; ++j)
      if (dir[j] != Dir::neutral) { after = strong(dir[j]); break; }
    rtl[i] = (before == after ? before : paragraph) == Dir::right;
  }
  // Runs of one direction; a right-to-left run reads backwards (its brackets mirrored); in a right-to-left paragraph
  // the runs themselves go from right to left.
  std::vector<std::vector<char32_t>> runs;
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i;
    while (j < n && rtl[j] == rtl[i]) ++j;
    std::vector<char32_t> run(cps.begin() + static_cast<long>(i), cps.begin() + static_cast<long>(j));
    if (rtl[i]) {
      std::reverse(run.begin(), run.end());
      for (char32_t& c : run) c = mirrored(c);
    }
    runs.push_back(std::move(run));
    i = j;
  }
  if (paragraph == Dir::right) std::reverse(runs.begin(), runs.end());
  std::vector<char32_t> out;
  for (const auto& r : runs) out.insert(out.end(), r.begin(), r.end());
  return encode_utf8(out);
}

std::vector<std::string> wrap_lines(std::string_view text, float max_width,
                                    const std::function<float(std::string_view line)>& width_of) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t space = text.find(' ', start);
    const std::string_view word = text.substr(start, space == std::string_view::npos ? std::string_view::npos : space - start);
    const std::string longer = line.empty() ? std::string(word) : line + " " + std::string(word);
    if (!line.empty() && width_of(longer) > max_width) {
      lines.push_back(std::move(line));
      line = std::string(word);
    } else {
      line = longer;
    }
    if (space == std::string_view::npos) break;
    start = space + 1;
  }
  if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
  return lines;
}

std::vector<char32_t> glyphs_beyond_base(const Json& doc) {
  std::set<char32_t> found;
  std::vector<const Json*> stack{&doc};
  while (!stack.empty()) {
    const Json* j = stack.back();
    stack.pop_back();
    if (j->is_string()) {
      for (char32_t c : decode_utf8(visual_order(j->get_ref<const std::string&>())))
        if (c >= 0x20 && !(c >= 0x7F && c < 0xA0) && !in_base_font(c)) found.insert(c);
    } else if (j->is_object() || j->is_array()) {
      for (const Json& child : *j) stack.push_back(&child);
    }
  }
  return {found.begin(), found.end()};
}

}  // namespace mn
