#include "core/format.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "core/text.hpp"

namespace mn {
namespace {

constexpr std::string_view kRangeDash = "–";  // U+2013 EN DASH, no spaces (CLDR range pattern)

// |value| rounded half away from zero to `decimals` places, split into digit strings.
struct Rounded {
  bool negative = false;  // below zero after rounding (no "-0")
  std::string whole;      // "1234"
  std::string fraction;   // exactly `decimals` digits
};

std::optional<Rounded> round_to(double value, int decimals) {
  const double scaled = std::round(std::fabs(value) * std::pow(10.0, decimals));
  if (!std::isfinite(scaled)) return std::nullopt;
  char buffer[400];  // DBL_MAX has 309 integer digits
  std::snprintf(buffer, sizeof buffer, "%.0f", scaled);
  std::string digits(buffer);
  const auto d = static_cast<std::size_t>(decimals);
  if (digits.size() <= d) digits.insert(0, d + 1 - digits.size(), '0');
  return Rounded{value < 0 && scaled != 0, digits.substr(0, digits.size() - d), digits.substr(digits.size() - d)};
}

// "1234" "50" → "1,234.50" with the locale's separators (no sign).
std::string join(const Rounded& r, const LocaleInfo& locale) {
  std::string out;
  for (std::size_t i = 0; i < r.whole.size(); ++i) {
    if (i > 0 && (r.whole.size() - i) % 3 == 0) out += locale.group;
    out += r.whole[i];
  }
  if (!r.fraction.empty()) out.append(locale.decimal).append(r.fraction);
  return out;
}

const std::array<std::string_view, 12> kMonthsEn = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const std::array<std::string_view, 12> kMonthsEs = {"ene", "feb", "mar",  "abr", "may", "jun",
                                                    "jul", "ago", "sept", "oct", "nov", "dic"};

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

bool ends_with_letter(std::string_view s) { return !s.empty() && (is_lower(s.back()) || is_upper(s.back())); }

}  // namespace

std::string format_number(double value, int decimals, const LocaleInfo& locale) {
  const auto r = round_to(value, std::clamp(decimals, 0, 9));
  if (!r) return "?";
  return (r->negative ? "-" : "") + join(*r, locale);
}

std::string format_percent(double percent, const LocaleInfo& locale) {
  auto is_whole = [](double x) { return std::fabs(x - std::round(x)) < 1e-9; };
  const int decimals = is_whole(percent) ? 0 : is_whole(percent * 10) ? 1 : 2;
  return format_number(percent, decimals, locale) + (locale.space_before_percent ? " %" : "%");
}

MoneyFormat::MoneyFormat(std::string_view currency_code, std::string_view locale_tag)
    : currency_(find_currency(currency_code)), locale_(resolve_locale(locale_tag)) {
  if (!currency_) currency_ = find_currency("USD");
  if (!locale_) locale_ = find_locale("en-US");
  symbol_ = locale_->home_currency == currency_->code ? currency_->symbol : currency_->intl_symbol;
}

std::string MoneyFormat::number(double amount, MoneyPrecision precision) const {
  const auto r = round_to(amount, precision == MoneyPrecision::whole ? 0 : currency_->digits);
  if (!r) return "?";
  return (r->negative ? "-" : "") + join(*r, *locale_);
}

std::string MoneyFormat::attach_symbol(std::string number) const {
  const bool negative = !number.empty() && number[0] == '-';
  if (negative) number.erase(0, 1);
  std::string out = negative ? "-" : "";
  switch (locale_->placement) {
    case SymbolPlacement::prefix:
      out.append(symbol_).append(ends_with_letter(symbol_) ? " " : "").append(number);
      break;
    case SymbolPlacement::prefix_space:
      out.append(symbol_).append(" ").append(number);
      break;
    case SymbolPlacement::suffix_space:
      out.append(number).append(" ").append(symbol_);
      break;
  }
  return out;
}

std::string MoneyFormat::operator()(double amount, MoneyPrecision precision) const {
  const std::string n = number(amount, precision);
  return n == "?" ? n : attach_symbol(n);
}

std::string MoneyFormat::range(double low, double high, MoneyPrecision precision) const {
  const std::string a = number(low, precision), b = number(high, precision);
  if (a == "?" || b == "?") return "?";
  if (a == b) return attach_symbol(a);
  const std::string first = locale_->placement == SymbolPlacement::suffix_space ? a : attach_symbol(a);
  return first + std::string(kRangeDash) + attach_symbol(b);
}

bool is_valid(const Date& date) {
  return date.year >= 1 && date.year <= 9999 && date.month >= 1 && date.month <= 12 && date.day >= 1 &&
         date.day <= days_in_month(date.year, date.month);
}

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto digits = [&](std::size_t from, std::size_t count) -> std::optional<int> {
    int v = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      v = v * 10 + (text[i] - '0');
    }
    return v;
  };
  const auto y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  if (!y || !m || !d) return std::nullopt;
  const Date date{*y, *m, *d};
  return is_valid(date) ? std::optional<Date>(date) : std::nullopt;
}

std::string format_date(const Date& date, Lang lang, std::string_view locale_tag) {
  if (!is_valid(date)) return "?";
  DateOrder order = lang == Lang::en ? DateOrder::month_day_year : DateOrder::day_month_year;
  if (const LocaleInfo* locale = resolve_locale(locale_tag); locale && locale_language(locale->tag) == lang_code(lang))
    order = locale->date_order;
  const auto month = (lang == Lang::es ? kMonthsEs : kMonthsEn)[static_cast<std::size_t>(date.month - 1)];
  const std::string day = std::to_string(date.day), year = std::to_string(date.year);
  return order == DateOrder::month_day_year ? std::string(month) + " " + day + ", " + year
                                            : day + " " + std::string(month) + " " + year;
}

}  // namespace mn
