#pragma once
// Currency and locale conventions for formatting money, numbers and dates: a small table, no ICU.
#include <string>
#include <string_view>
#include <vector>

namespace mn {

struct CurrencyInfo {
  std::string_view code;         // ISO 4217, e.g. "CAD"
  int digits;                    // minor-unit digits (JPY 0, most 2)
  std::string_view symbol;       // used where the currency is the local one: "$"
  std::string_view intl_symbol;  // used elsewhere, where "$" would be ambiguous: "CA$"
};

enum class SymbolPlacement {
  prefix,        // $1,234
  prefix_space,  // CHF 1’234, € 1.234
  suffix_space,  // 1.234 €
};

enum class DateOrder { month_day_year, day_month_year };

struct LocaleInfo {
  std::string_view tag;      // BCP 47, e.g. "es-MX"
  std::string_view decimal;  // "."
  std::string_view group;    // ","  (plain ASCII space where CLDR uses a no-break space)
  SymbolPlacement placement;
  std::string_view home_currency;  // the local currency, shown with its short symbol
  DateOrder date_order;
  bool space_before_percent;  // "10 %"
};

// The currency with this ISO 4217 code (exact, upper case), or nullptr.
const CurrencyInfo* find_currency(std::string_view code);
// Every supported currency code, in table order.
std::vector<std::string_view> currency_codes();

// Whether `tag` is shaped like a language-region tag this app uses: "en", "en-US", "es-419".
bool is_locale_tag(std::string_view tag);
// The locale with exactly this tag, or nullptr.
const LocaleInfo* find_locale(std::string_view tag);
// The locale for `tag`: the exact one, else the first locale of its language ("en-ZA" gives en-US), else nullptr.
const LocaleInfo* resolve_locale(std::string_view tag);
// Every supported locale tag, in table order.
std::vector<std::string_view> locale_tags();

// The language part of a tag: "es" for "es-MX".
std::string_view locale_language(std::string_view tag);

}  // namespace mn
