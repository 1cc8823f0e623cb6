#include "core/locale.hpp"

#include <algorithm>
#include <array>

#include "core/text.hpp"

namespace mn {
namespace {

// Symbols follow CLDR's English and local short forms.
constexpr std::array<CurrencyInfo, 42> kCurrencies = {{
    {"USD", 2, "$", "US$"},  {"EUR", 2, "€", "€"},     {"GBP", 2, "£", "£"},     {"CAD", 2, "$", "CA$"},
    {"AUD", 2, "$", "A$"},   {"NZD", 2, "$", "NZ$"},   {"MXN", 2, "$", "MX$"},   {"CHF", 2, "CHF", "CHF"},
    {"JPY", 0, "¥", "¥"},    {"CNY", 2, "¥", "CN¥"},   {"HKD", 2, "$", "HK$"},   {"SGD", 2, "$", "S$"},
    {"TWD", 2, "$", "NT$"},  {"KRW", 0, "₩", "₩"},     {"INR", 2, "₹", "₹"},     {"THB", 2, "฿", "THB"},
    {"MYR", 2, "RM", "MYR"}, {"IDR", 2, "Rp", "IDR"},  {"PHP", 2, "₱", "PHP"},   {"SEK", 2, "kr", "SEK"},
    {"NOK", 2, "kr", "NOK"}, {"DKK", 2, "kr.", "DKK"}, {"ISK", 0, "kr", "ISK"},  {"PLN", 2, "zł", "PLN"},
    {"CZK", 2, "Kč", "CZK"}, {"HUF", 2, "Ft", "HUF"},  {"RON", 2, "lei", "RON"}, {"TRY", 2, "₺", "TRY"},
    {"ILS", 2, "₪", "₪"},    {"AED", 2, "AED", "AED"}, {"SAR", 2, "SAR", "SAR"}, {"ZAR", 2, "R", "ZAR"},
    {"BRL", 2, "R$", "R$"},  {"ARS", 2, "$", "ARS"},   {"CLP", 0, "$", "CLP"},   {"COP", 2, "$", "COP"},
    {"PEN", 2, "S/", "PEN"}, {"UYU", 2, "$", "UYU"},   {"DOP", 2, "RD$", "DOP"}, {"CRC", 2, "₡", "CRC"},
    {"GTQ", 2, "Q", "GTQ"},  {"PYG", 0, "Gs.", "PYG"},
}};

using P = SymbolPlacement;
using D = DateOrder;
// The first locale of each language is its default (resolve_locale).
constexpr std::array<LocaleInfo, 24> kLocales = {{
    {"en-US", ".", ",", P::prefix, "USD", D::month_day_year, false},
    {"en-CA", ".", ",", P::prefix, "CAD", D::month_day_year, false},
    {"en-GB", ".", ",", P::prefix, "GBP", D::day_month_year, false},
    {"en-IE", ".", ",", P::prefix, "EUR", D::day_month_year, false},
    {"en-AU", ".", ",", P::prefix, "AUD", D::day_month_year, false},
    {"en-NZ", ".", ",", P::prefix, "NZD", D::day_month_year, false},
    {"en-SG", ".", ",", P::prefix, "SGD", D::day_month_year, false},
    {"es-ES", ",", ".", P::suffix_space, "EUR", D::day_month_year, true},
    {"es-MX", ".", ",", P::prefix, "MXN", D::day_month_year, false},
    {"es-US", ".", ",", P::prefix, "USD", D::day_month_year, false},
    {"es-419", ".", ",", P::prefix, "USD", D::day_month_year, false},
    {"es-AR", ",", ".", P::prefix_space, "ARS", D::day_month_year, true},
    {"es-CL", ",", ".", P::prefix, "CLP", D::day_month_year, true},
    {"es-CO", ",", ".", P::prefix_space, "COP", D::day_month_year, true},
    {"es-PE", ".", ",", P::prefix_space, "PEN", D::day_month_year, true},
    {"de-DE", ",", ".", P::suffix_space, "EUR", D::day_month_year, true},
    {"de-AT", ",", ".", P::prefix_space, "EUR", D::day_month_year, true},
    {"de-CH", ".", "’", P::prefix_space, "CHF", D::day_month_year, false},
    {"fr-FR", ",", " ", P::suffix_space, "EUR", D::day_month_year, true},
    {"fr-CA", ",", " ", P::suffix_space, "CAD", D::day_month_year, true},
    {"it-IT", ",", ".", P::suffix_space, "EUR", D::day_month_year, false},
    {"nl-NL", ",", ".", P::prefix_space, "EUR", D::day_month_year, false},
    {"pt-BR", ",", ".", P::prefix_space, "BRL", D::day_month_year, false},
    {"pt-PT", ",", " ", P::suffix_space, "EUR", D::day_month_year, false},
}};

template <class Pred>
bool all_chars(std::string_view s, Pred pred) {
  return std::all_of(s.begin(), s.end(), pred);
}

}  // namespace

const CurrencyInfo* find_currency(std::string_view code) {
  const auto it =
      std::find_if(kCurrencies.begin(), kCurrencies.end(), [&](const CurrencyInfo& c) { return c.code == code; });
  return it == kCurrencies.end() ? nullptr : &*it;
}

std::vector<std::string_view> currency_codes() {
  std::vector<std::string_view> out;
  for (const CurrencyInfo& c : kCurrencies) out.push_back(c.code);
  return out;
}

bool is_locale_tag(std::string_view tag) {
  const std::string_view language = locale_language(tag);
  if (language.size() < 2 || language.size() > 3 || !all_chars(language, is_lower)) return false;
  if (language.size() == tag.size()) return true;
  const std::string_view region = tag.substr(language.size() + 1);
  return (region.size() == 2 && all_chars(region, is_upper)) || (region.size() == 3 && all_chars(region, is_digit));
}

const LocaleInfo* find_locale(std::string_view tag) {
  const auto it = std::find_if(kLocales.begin(), kLocales.end(), [&](const LocaleInfo& l) { return l.tag == tag; });
  return it == kLocales.end() ? nullptr : &*it;
}

const LocaleInfo* resolve_locale(std::string_view tag) {
  if (const LocaleInfo* exact = find_locale(tag)) return exact;
  const std::string_view language = locale_language(tag);
  const auto it = std::find_if(kLocales.begin(), kLocales.end(),
                               [&](const LocaleInfo& l) { return locale_language(l.tag) == language; });
  return it == kLocales.end() ? nullptr : &*it;
}

std::vector<std::string_view> locale_tags() {
  std::vector<std::string_view> out;
  for (const LocaleInfo& l : kLocales) out.push_back(l.tag);
  return out;
}

std::string_view locale_language(std::string_view tag) { return tag.substr(0, tag.find('-')); }

}  // namespace mn
