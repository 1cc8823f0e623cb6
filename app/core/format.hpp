#pragma once
// Locale-aware formatting of numbers, money and dates from the table in locale.hpp.
#include <optional>
#include <string>
#include <string_view>

#include "core/lang.hpp"
#include "core/locale.hpp"

namespace mn {

// `value` rounded to `decimals` places with the locale's separators: 1234.5 → "1,234.5" (en-US), "1.234,5" (de-DE).
std::string format_number(double value, int decimals, const LocaleInfo& locale);
// A whole or fractional percentage: 10 → "10%" (en), "10 %" (es, de, fr).
std::string format_percent(double percent, const LocaleInfo& locale);

enum class MoneyPrecision {
  whole,  // rounded to whole units: "$1,234"
  exact,  // the currency's minor units: "$1,234.50", "¥1,235"
};

// Formats amounts of one currency in one locale, e.g. the clinic's: MoneyFormat("CAD", "en-CA")(1234) == "$1,234".
class MoneyFormat {
 public:
  // An unknown currency falls back to USD; an unknown locale to its language's default, then en-US.
  MoneyFormat(std::string_view currency_code, std::string_view locale_tag);

  // "$1,234" (en-US), "1.234 €" (es-ES), "CA$1,234" (CAD in en-US), "-$50"; "?" for a non-finite amount.
  std::string operator()(double amount, MoneyPrecision precision = MoneyPrecision::whole) const;
  // "$600–$1,200", "600–1.200 €"; a single amount when both ends round to the same text.
  std::string range(double low, double high, MoneyPrecision precision = MoneyPrecision::whole) const;

  const CurrencyInfo& currency() const { return *currency_; }
  const LocaleInfo& locale() const { return *locale_; }

 private:
  std::string number(double amount, MoneyPrecision precision) const;
  std::string attach_symbol(std::string number) const;

  const CurrencyInfo* currency_;
  const LocaleInfo* locale_;
  std::string_view symbol_;
};

// A calendar date (proleptic Gregorian).
struct Date {
  int year = 1970;
  int month = 1;  // 1–12
  int day = 1;    // 1–31
};

bool is_valid(const Date& date);
// "2027-03-05" → {2027, 3, 5}; nullopt for anything else, including impossible dates.
std::optional<Date> parse_iso_date(std::string_view text);

// A medium date in `lang`: "Mar 5, 2027" (en), "5 mar 2027" (es). If `locale_tag` is of the same language its
// day/month order is used ("en-GB": "5 Mar 2027"). "?" for an invalid date.
std::string format_date(const Date& date, Lang lang, std::string_view locale_tag = {});

}  // namespace mn
