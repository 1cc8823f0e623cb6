// Locale-aware numbers, money and dates (core/format.hpp, core/locale.hpp).
#include <doctest/doctest.h>

#include <algorithm>
#include <limits>
#include <set>
#include <string>

#include "core/format.hpp"

using namespace mn;

namespace {

const LocaleInfo& locale(std::string_view tag) {
  const LocaleInfo* l = find_locale(tag);
  REQUIRE(l);
  return *l;
}

}  // namespace

TEST_CASE("money in a clinic's currency and locale (whole units)") {
  struct Case {
    const char* currency;
    const char* locale;
    double amount;
    const char* expected;
  };
  const Case cases[] = {
      {"USD", "en-US", 1234, "$1,234"},    {"EUR", "es-ES", 1234, "1.234 €"},
      {"MXN", "es-MX", 1234, "$1,234"},    {"GBP", "en-GB", 1234, "£1,234"},
      {"EUR", "de-DE", 1234, "1.234 €"},   {"CAD", "en-CA", 1234, "$1,234"},
      {"CAD", "en-US", 1234, "CA$1,234"},  {"USD", "es-MX", 1234, "US$1,234"},
      {"EUR", "en-US", 1234, "€1,234"},    {"CHF", "de-CH", 1234567, "CHF 1’234’567"},
      {"CHF", "en-US", 1234, "CHF 1,234"}, {"EUR", "fr-FR", 1234, "1 234 €"},
      {"EUR", "de-AT", 1234, "€ 1.234"},   {"BRL", "pt-BR", 1234, "R$ 1.234"},
      {"JPY", "ja-JP", 1234, "¥1,234"},    {"USD", "en-US", 0, "$0"},
      {"USD", "en-US", 999, "$999"},       {"USD", "en-US", 1000000, "$1,000,000"},
      {"USD", "en-US", 1234.5, "$1,235"},  {"USD", "en-US", 1234.49, "$1,234"},
      {"USD", "en-US", -50, "-$50"},       {"EUR", "es-ES", -50, "-50 €"},
      {"USD", "en-US", -0.4, "$0"},
  };
  for (const Case& c : cases) {
    INFO(c.currency << " in " << c.locale);
    CHECK(MoneyFormat(c.currency, c.locale)(c.amount) == c.expected);
  }
}

TEST_CASE("money with cents uses the currency's minor units") {
  CHECK(MoneyFormat("USD", "en-US")(1234.5, MoneyPrecision::exact) == "$1,234.50");
  CHECK(MoneyFormat("EUR", "es-ES")(0.07, MoneyPrecision::exact) == "0,07 €");
  CHECK(MoneyFormat("JPY", "en-US")(1234.5, MoneyPrecision::exact) == "¥1,235");  // no minor unit
}

TEST_CASE("money ranges") {
  CHECK(MoneyFormat("USD", "en-US").range(600, 1200) == "$600–$1,200");
  CHECK(MoneyFormat("EUR", "es-ES").range(600, 1200) == "600–1.200 €");
  CHECK(MoneyFormat("EUR", "de-AT").range(600, 1200) == "€ 600–€ 1.200");
  CHECK(MoneyFormat("USD", "en-US").range(299.6, 300.4) == "$300");  // both ends round alike
}

TEST_CASE("unknown currencies and locales fall back instead of failing") {
  CHECK(MoneyFormat("XYZ", "en-US")(5) == "$5");               // USD
  CHECK(MoneyFormat("USD", "zz-ZZ")(1234) == "$1,234");        // en-US
  CHECK(MoneyFormat("EUR", "es-CR").locale().tag == "es-ES");  // first locale of the language
  CHECK(MoneyFormat("USD", "en-US")(std::numeric_limits<double>::quiet_NaN()) == "?");
  CHECK(MoneyFormat("USD", "en-US")(std::numeric_limits<double>::infinity()) == "?");
  CHECK(MoneyFormat("USD", "en-US")(1e300).size() > 300);  // huge but finite: all digits, no crash
}

TEST_CASE("numbers and percentages") {
  CHECK(format_number(1234.5, 1, locale("en-US")) == "1,234.5");
  CHECK(format_number(1234.5, 2, locale("de-DE")) == "1.234,50");
  CHECK(format_number(0.5, 0, locale("en-US")) == "1");  // half away from zero
  CHECK(format_number(-2.5, 0, locale("en-US")) == "-3");
  CHECK(format_number(7, 0, locale("fr-FR")) == "7");
  CHECK(format_percent(10, locale("en-US")) == "10%");
  CHECK(format_percent(12.5, locale("es-ES")) == "12,5 %");
  CHECK(format_percent(9.99, locale("en-GB")) == "9.99%");
}

TEST_CASE("dates follow the language, and the locale's order when it is of that language") {
  const Date date{2027, 3, 5};
  CHECK(format_date(date, Lang::en) == "Mar 5, 2027");
  CHECK(format_date(date, Lang::es) == "5 mar 2027");
  CHECK(format_date(date, Lang::en, "en-GB") == "5 Mar 2027");
  CHECK(format_date(date, Lang::en, "es-ES") == "Mar 5, 2027");  // another language's locale is ignored
  CHECK(format_date({2027, 9, 30}, Lang::es, "es-MX") == "30 sept 2027");
  CHECK(format_date({2027, 2, 29}, Lang::en) == "?");
}

TEST_CASE("parse_iso_date accepts real dates only") {
  const auto d = parse_iso_date("2028-02-29");
  REQUIRE(d);
  CHECK(d->year == 2028);
  CHECK(d->month == 2);
  CHECK(d->day == 29);
  for (const char* bad : {"2027-02-29", "2027-13-01", "2027-1-01", "27-01-01", "2027/01/01", "2027-01-00", ""})
    CHECK_FALSE(parse_iso_date(bad));
}

TEST_CASE("the currency and locale tables are well formed") {
  const auto codes = currency_codes();
  CHECK(codes.size() >= 40);
  CHECK(std::set<std::string_view>(codes.begin(), codes.end()).size() == codes.size());
  for (std::string_view code : codes) {
    CAPTURE(code);
    CHECK(code.size() == 3);
    CHECK(std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; }));
  }
  for (std::string_view required : {"USD", "EUR", "GBP", "CAD", "AUD", "MXN", "CHF", "JPY"})
    CHECK(find_currency(required));
  for (std::string_view tag : locale_tags()) {
    CAPTURE(tag);
    CHECK(is_locale_tag(tag));
    CHECK(find_currency(locale(tag).home_currency));
    CHECK(locale(tag).decimal != locale(tag).group);
  }
}

TEST_CASE("is_locale_tag") {
  for (const char* good : {"en", "en-US", "es-419", "fil-PH"}) CHECK(is_locale_tag(good));
  for (const char* bad : {"", "e", "EN-US", "en_US", "en-us", "en-", "en-USA", "en-US-x", "english"})
    CHECK_FALSE(is_locale_tag(bad));
}
