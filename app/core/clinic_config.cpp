#include "core/clinic_config.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <set>

#include "core/assets.hpp"
#include "core/catalog.hpp"
#include "core/guarded.hpp"
#include "core/json_reader.hpp"
#include "core/locale.hpp"
#include "core/text.hpp"

namespace mn {
namespace {

// Limits (docs/clinic-config.md).
constexpr double kMaxPrice = 999999;
constexpr int kMaxSessions = 50;
constexpr int kMaxIsotretinoinMonths = 24;
constexpr std::size_t kMaxListEntries = 100;
constexpr std::size_t kMaxTerms = 20;
constexpr double kMinContrast = 4.5;  // WCAG AA, normal text
constexpr TextRule kNameText{80};
constexpr TextRule kLogoText{40};
constexpr TextRule kAddressText{200};
constexpr TextRule kShortText{254};
constexpr TextRule kUrlText{2000};

bool is_id(std::string_view s) {
  return !s.empty() && s.size() <= 40 && (is_digit(s[0]) || is_lower(s[0])) &&
         std::all_of(s.begin(), s.end(), [](char c) { return is_digit(c) || is_lower(c) || c == '-' || c == '_'; });
}

// http(s)://host[:port][/...], no whitespace, no credentials.
// A picture file beside the configuration, by a relative path: letters, digits, '-', '_', '.', '/' (no "..", no
// leading '/'), ending .png, .jpg, .jpeg, .webp or .svg.
bool is_logo_path(std::string_view s) {
  if (s.empty() || s.size() > 200 || s.front() == '/' || s.find("..") != std::string_view::npos) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '/')) return false;
  std::string lower(s);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  for (std::string_view ext : {".png", ".jpg", ".jpeg", ".webp", ".svg"})
    if (lower.size() > ext.size() && lower.compare(lower.size() - ext.size(), ext.size(), ext) == 0) return true;
  return false;
}

bool is_http_url(std::string_view s) {
  std::string lower(s.substr(0, 8));
  std::transform(lower.begin(), lower.end(), lower.begin(), to_lower);
  std::size_t start = 0;
  if (lower.rfind("https://", 0) == 0)
    start = 8;
  else if (lower.rfind("http://", 0) == 0)
    start = 7;
  else
    return false;
  if (std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7F; }))
    return false;
  const std::string_view rest = s.substr(start);
  std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  if (const auto colon = authority.find(':'); colon != std::string_view::npos) {
    const std::string_view port = authority.substr(colon + 1);
    if (port.empty() || port.size() > 5 || !std::all_of(port.begin(), port.end(), is_digit)) return false;
    authority = authority.substr(0, colon);
  }
  return !authority.empty() && authority.front() != '.' && authority.back() != '.' &&
         std::all_of(authority.begin(), authority.end(),
                     [](char c) { return is_digit(c) || is_lower(c) || is_upper(c) || c == '.' || c == '-'; });
}

bool is_email(std::string_view s) {
  const auto at = s.find('@');
  if (at == 0 || at == std::string_view::npos || s.find('@', at + 1) != std::string_view::npos) return false;
  const std::string_view domain = s.substr(at + 1);
  const auto dot = domain.rfind('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size() &&
         std::none_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) <= 0x20; });
}

bool is_phone(std::string_view s) {
  const auto digits = std::count_if(s.begin(), s.end(), is_digit);
  return digits >= 5 && digits <= 15 && s.find('+', 1) == std::string_view::npos &&
         std::all_of(s.begin(), s.end(), [](char c) {
           return is_digit(c) || std::string_view(" +-().").find(c) != std::string_view::npos;
         });
}

// ---------------------------------------------------------------- value parsers: Node -> optional<T>

auto integer_in(int min, int max) {
  return [min, max](const Node& n) { return n.integer(min, max); };
}

std::optional<bool> boolean_of(const Node& n) { return n.boolean(); }

// A text value that must also pass `valid`, else `problem` (after the quoted value) is reported.
template <class Valid>
auto checked_text(TextRule rule, Valid valid, std::string problem) {
  return [=](const Node& n) -> std::optional<std::string> {
    auto s = n.text(rule);
    if (s && !valid(*s)) {
      n.error(in_quotes(*s) + " " + problem);
      return std::nullopt;
    }
    return s;
  };
}

std::optional<std::string> parse_id(const Node& n) {
  return checked_text({40}, is_id, "is not an id: use a-z, 0-9, '-' and '_' (up to 40)")(n);
}

std::optional<std::string> parse_currency(const Node& n) {
  auto code = n.text({16});
  if (code && !find_currency(*code)) {
    n.error(with_hint(in_quotes(*code) + " is not a supported ISO 4217 currency code", *code, currency_codes()));
    return std::nullopt;
  }
  return code;
}

std::optional<std::string> parse_locale(const Node& n) {
  auto tag = n.text({16});
  if (!tag) return std::nullopt;
  if (!is_locale_tag(*tag)) {
    n.error(with_hint(in_quotes(*tag) + " is not a locale tag like 'en-US'", *tag, locale_tags()));
    return std::nullopt;
  }
  if (find_locale(*tag)) return tag;
  if (const LocaleInfo* similar = resolve_locale(*tag)) {
    n.warning("has no formatting data for " + in_quotes(*tag) + ": " + in_quotes(similar->tag) +
              " conventions are used");
    return tag;
  }
  n.error("has no formatting data for " + in_quotes(*tag) + " or its language");
  return std::nullopt;
}

// A short text turned into a T by `convert` (std::string_view -> std::optional<T>); when that fails, `problem`
// is reported after the quoted text.
template <class Convert>
auto converted_text(Convert convert, std::string problem) {
  return [=](const Node& n) -> decltype(convert(std::string_view())) {
    const auto text = n.text({16});
    if (!text) return std::nullopt;
    if (auto value = convert(*text)) return value;
    n.error(in_quotes(*text) + " " + problem);
    return std::nullopt;
  };
}

const auto parse_language = converted_text(parse_lang, "is not a language of the app (en, es)");
const auto parse_mode_value = converted_text(parse_mode, "is not a mode (patient, consult, kiosk)");
const auto parse_color = converted_text(parse_hex_color, "is not a colour like '#1F5F6B'");

// A name: one string for every language, or {"en": ..., "es": ...}.
auto localized_text(TextRule rule) {
  return [rule](const Node& n) -> std::optional<LocalizedText> {
    LocalizedText out;
    if (n.json().is_string()) {
      const auto s = n.text(rule);
      if (!s) return std::nullopt;
      for (Lang lang : kLanguages) out[lang] = *s;
      return out;
    }
    if (!n.json().is_object()) {
      n.type_error("a string or an object with a text per language");
      return std::nullopt;
    }
    const ErrorWatch watch(n);
    ObjectReader o(n);
    for (Lang lang : kLanguages) read_field(o[lang_code(lang)], Field::optional, out[lang], text_of(rule));
    if (watch.clean() && out.empty())
      n.error("needs a text in at least one language (en, es)");
    else if (watch.clean())
      for (Lang lang : kLanguages)
        if (out.text[static_cast<std::size_t>(lang)].empty())
          n.warning("has no '" + std::string(lang_code(lang)) + "' text: another language's is shown");
    o.finish();
    return watch.clean() ? std::optional(out) : std::nullopt;
  };
}

// Checks low <= typical <= high of a range object that read cleanly.
template <class T>
bool ordered(const Node& n, T low, T typical, T high) {
  if (low > typical)
    n.error("low (" + number_text(low) + ") is more than typical (" + number_text(typical) + ")");
  else if (typical > high)
    n.error("typical (" + number_text(typical) + ") is more than high (" + number_text(high) + ")");
  else
    return true;
  return false;
}

// A price: one number (fixed), or {"low", "typical", "high"}.
std::optional<PriceRange> parse_price(const Node& n) {
  if (n.json().is_number()) {
    const auto v = n.number(0, kMaxPrice);
    return v ? std::optional<PriceRange>({*v, *v, *v}) : std::nullopt;
  }
  if (!n.json().is_object()) {
    n.type_error("a number or an object with low, typical and high");
    return std::nullopt;
  }
  const ErrorWatch watch(n);
  ObjectReader o(n);
  PriceRange p;
  const auto amount = [](const Node& v) { return v.number(0, kMaxPrice); };
  read_field(o["low"], Field::required, p.low, amount);
  read_field(o["typical"], Field::required, p.typical, amount);
  read_field(o["high"], Field::required, p.high, amount);
  o.finish();
  if (watch.clean() && ordered(n, p.low, p.typical, p.high)) return p;
  return std::nullopt;
}

// A quantity: one number (fixed), or {"low", "typical", "high"}, each from `min` to `max`; `whole`: integers only.
auto quantity_in(double min, double max, bool whole) {
  return [=](const Node& n) -> std::optional<QuantityRange> {
    const auto value = [&](const Node& v) -> std::optional<double> {
      if (whole) {
        const auto i = v.integer(static_cast<int>(min), static_cast<int>(max));
        return i ? std::optional<double>(*i) : std::nullopt;
      }
      return v.number(min, max);
    };
    if (n.json().is_number()) {
      const auto v = value(n);
      return v ? std::optional<QuantityRange>({*v, *v, *v}) : std::nullopt;
    }
    if (!n.json().is_object()) {
      n.type_error("a number or an object with low, typical and high");
      return std::nullopt;
    }
    const ErrorWatch watch(n);
    ObjectReader o(n);
    QuantityRange q;
    read_field(o["low"], Field::required, q.low, value);
    read_field(o["typical"], Field::required, q.typical, value);
    read_field(o["high"], Field::required, q.high, value);
    o.finish();
    if (watch.clean() && ordered(n, q.low, q.typical, q.high)) return q;
    return std::nullopt;
  };
}

std::optional<SessionRange> parse_sessions(const Node& n) {
  if (!n.expect_object()) return std::nullopt;
  const ErrorWatch watch(n);
  ObjectReader o(n);
  SessionRange s;
  read_field(o["low"], Field::required, s.low, integer_in(1, kMaxSessions));
  read_field(o["typical"], Field::required, s.typical, integer_in(1, kMaxSessions));
  read_field(o["high"], Field::required, s.high, integer_in(1, kMaxSessions));
  o.finish();
  if (watch.clean() && ordered(n, s.low, s.typical, s.high)) return s;
  return std::nullopt;
}

// ---------------------------------------------------------------- sections

void read_clinic(const Node& n, ClinicInfo& out) {
  if (!n.present()) n.missing();
  ObjectReader o(n);
  read_field(o["name"], Field::required, out.name, text_of(kNameText));
  read_field(o["phone"], Field::optional, out.phone, checked_text(kShortText, is_phone, "is not a phone number"));
  read_field(o["email"], Field::optional, out.email, checked_text(kShortText, is_email, "is not an email address"));
  read_field(o["address"], Field::optional, out.address, text_of(kAddressText));
  const Node url = o["booking_url"];
  read_field(url, Field::optional, out.booking_url,
             checked_text(kUrlText, is_http_url, "is not an http:// or https:// URL"));
  if (out.booking_url.size() > 4 && out.booking_url[4] == ':')  // a checked URL: http://, not https://
    url.warning("is not https: browsers may warn patients about it");
  o.finish();
}

void read_brand(const Node& n, Brand& out) {
  ObjectReader o(n);
  read_field(o["logo_text"], Field::optional, out.logo_text, text_of(kLogoText));
  read_field(o["logo"], Field::optional, out.logo,
             checked_text({200}, is_logo_path,
                          "is not a picture beside clinic.json: give a relative path ending .png, .jpg, .webp or .svg, "
                          "such as \"logo.png\""));
  const Node primary = o["primary"];
  read_field(primary, Field::defaulted, out.primary, parse_color);
  read_field(o["accent"], Field::defaulted, out.accent, parse_color);
  o.finish();
  if (const double ratio = contrast_ratio(out.primary, kWhite); primary.present() && ratio < kMinContrast)
    primary.warning("has a contrast of " + number_text(std::round(ratio * 10) / 10) +
                    ":1 with white text; at least 4.5:1 is needed to read it");
}

// Members of an object keyed by ids that `valid_key` accepts (else `key_problem` after the quoted key), each read
// with `parse` (Node -> optional<T>); bad entries are left out.
template <class T, class ValidKey, class Parse>
std::map<std::string, T, std::less<>> read_keyed(const Node& n, ValidKey valid_key, const std::string& key_problem,
                                                 Parse parse) {
  std::map<std::string, T, std::less<>> out;
  if (!n.expect_object()) return out;
  for (const auto& [key, child] : n.members()) {
    if (!valid_key(key)) {
      child.error(in_quotes(key) + " " + key_problem);
      continue;
    }
    if (auto value = parse(child)) out[key] = std::move(*value);
  }
  return out;
}

PriceRange as_price(const QuantityRange& q) { return {q.low, q.typical, q.high}; }

// Checks that along each chain of nested areas (face < face_neck < face_neck_chest, body sizes) no larger area is
// priced below a smaller one, at each of low, typical and high.
void check_area_chains(const Node& areas, const Node& multipliers, TreatmentSettings& t) {
  for (const auto& chain : kAreaChains) {
    std::optional<PriceRange> before;
    std::string_view before_id;
    for (std::string_view id : chain) {
      const auto price = t.area_price(id);
      if (!price) continue;
      if (before && (price->low < before->low || price->typical < before->typical || price->high < before->high)) {
        const Node at = t.area_prices.count(id) ? areas.member(id) : multipliers.member(id);
        at.error("prices " + std::string(id) + " below " + std::string(before_id) +
                 ": a larger area never costs less");
        // Left out: the area is not offered rather than offered below a smaller one.
        if (const auto it = t.area_prices.find(id); it != t.area_prices.end()) t.area_prices.erase(it);
        if (const auto it = t.area_multipliers.find(id); it != t.area_multipliers.end()) t.area_multipliers.erase(it);
        continue;
      }
      before = price;
      before_id = id;
    }
  }
}

// The pricing fields that depend on how the treatment is priced (pricing.hpp): areas for resurfacing, units for
// neurotoxin, syringes for filler. A field on the wrong kind of treatment is an error.
void read_pricing(ObjectReader& o, std::string_view treatment_id, TreatmentSettings& out) {
  const AreaKind kind = area_kind_of_treatment(treatment_id);
  const auto only_for = [&](const Node& n, AreaKind wanted, const char* what) {
    if (!n.present() || kind == wanted) return n.present();
    n.error(std::string("is only for ") + what);
    return false;
  };
  const Node areas = o["areas"], multipliers = o["area_multipliers"];
  const auto surface_area = [](std::string_view id) { return area_kind_of_area(id) == AreaKind::surface && id != "face"; };
  const std::string area_problem = "is not an area other than the face (the face's price is 'price'): use " +
                                   std::string("face_neck, face_neck_chest, scalp, hands, body_small, body_medium or body_large");
  if (only_for(areas, AreaKind::surface, "resurfacing treatments (not neurotoxin or filler)"))
    out.area_prices = read_keyed<PriceRange>(areas, surface_area, area_problem, parse_price);
  if (only_for(multipliers, AreaKind::surface, "resurfacing treatments (not neurotoxin or filler)"))
    out.area_multipliers = read_keyed<double>(multipliers, surface_area, area_problem,
                                              [](const Node& v) { return v.number(0.1, 20); });
  if (kind == AreaKind::surface && out.price) check_area_chains(areas, multipliers, out);

  const Node unit_price = o["unit_price"], units = o["units"];
  if (only_for(unit_price, AreaKind::toxin, "neurotoxin")) read_field(unit_price, Field::optional, out.unit_price, parse_price);
  if (only_for(units, AreaKind::toxin, "neurotoxin")) {
    out.units = read_keyed<QuantityRange>(
        units, [](std::string_view id) { return area_kind_of_area(id) == AreaKind::toxin; },
        "is not a neurotoxin area (frown_lines, forehead, crows_feet)", quantity_in(1, 100, true));
    if (!out.unit_price) units.warning("is used only with unit_price: the clinic prices neurotoxin per area");
  }

  const Node syringes = o["syringes"];
  if (only_for(syringes, AreaKind::none, "dermal_filler_ha")) {
    out.syringes = read_keyed<SyringesBySeverity>(
        syringes, is_concern_id, "is not a concern id", [](const Node& c) -> std::optional<SyringesBySeverity> {
          if (!c.expect_object()) return std::nullopt;
          const ErrorWatch watch(c);
          ObjectReader grades(c);
          SyringesBySeverity grade;
          for (std::size_t i = 0; i < kSeverityGrades.size(); ++i)
            read_field(grades[kSeverityGrades[i]], Field::required, grade[i], quantity_in(1, 10, false));
          grades.finish();
          for (std::size_t i = 1; i < grade.size() && watch.clean(); ++i)
            if (grade[i].low < grade[i - 1].low || grade[i].typical < grade[i - 1].typical || grade[i].high < grade[i - 1].high)
              c.error(std::string(kSeverityGrades[i]) + " needs fewer syringes than " +
                      std::string(kSeverityGrades[i - 1]) + ": a more severe grade never needs less");
          return watch.clean() ? std::optional(grade) : std::nullopt;
        });
  }
}

// One treatment's settings; `fallback` is the built-in's for the same id (nullptr if it has none).
void read_treatment(const Node& n, std::string_view treatment_id, const TreatmentSettings* fallback,
                    TreatmentSettings& out) {
  ObjectReader o(n);
  if (!o.ok()) return;  // stays disabled
  out.enabled = true;
  read_field(o["enabled"], Field::defaulted, out.enabled, boolean_of);
  // Neurotoxin priced per unit needs no per-area price: the unit price stands in for it.
  const bool per_unit = area_kind_of_treatment(treatment_id) == AreaKind::toxin && o["unit_price"].present();
  if (out.enabled) {
    out.price = fallback ? fallback->price : std::nullopt;
    read_field(o["price"], per_unit ? Field::optional : Field::required, out.price, parse_price);
  } else {
    read_field(o["price"], Field::optional, out.price, parse_price);
  }
  read_field(o["isotretinoin_wait_months"], Field::defaulted, out.isotretinoin_wait_months,
             integer_in(0, kMaxIsotretinoinMonths));
  read_field(o["sessions"], Field::optional, out.sessions, parse_sessions);
  read_pricing(o, treatment_id, out);
  if (!out.price && out.unit_price) out.price = out.unit_price;
  if (out.enabled) out.enabled = out.price.has_value();  // no usable price, here or built in: not offered
  o.finish();
}

void read_treatments(const Node& n, const ClinicConfig& fallback, ClinicConfig& out) {
  if (!n.present()) {
    n.missing();
    return;  // out keeps the fallback's treatments
  }
  if (!n.expect_object()) return;
  std::map<std::string, TreatmentSettings, std::less<>> result;
  for (std::string_view id : kTreatmentIds) {
    TreatmentSettings& t = result[std::string(id)];
    if (const TreatmentSettings* f = fallback.treatment(id)) t.isotretinoin_wait_months = f->isotretinoin_wait_months;
  }
  for (const auto& [id, child] : n.members()) {
    if (is_treatment_id(id)) {
      TreatmentSettings& t = result[id];
      read_treatment(child, id, fallback.treatment(id), t);
      if (contains(kIsotretinoinFloorTreatments, id) && t.isotretinoin_wait_months < kIsotretinoinFloorMonths) {
        const Node wait = child.member("isotretinoin_wait_months");
        if (wait.present())
          wait.warning("is below the " + std::to_string(kIsotretinoinFloorMonths) +
                       "-month minimum after isotretinoin for this treatment (fully ablative laser and deep "
                       "peels: 2017 consensus, JAMA Dermatology and ASDS; medium peels: not cleared by it; RF "
                       "microneedling: the device maker's exclusion); " + std::to_string(kIsotretinoinFloorMonths) + " is used");
        t.isotretinoin_wait_months = kIsotretinoinFloorMonths;
      }
    } else
      child.error(with_hint(in_quotes(id) + " is not a treatment id", id, kTreatmentIds));
  }
  if (std::none_of(result.begin(), result.end(), [](const auto& kv) { return kv.second.enabled; })) {
    n.error("enables no treatment: the built-in treatments are used");
    return;
  }
  out.treatments = std::move(result);
}

// A treatment id that the configuration offers.
auto enabled_treatment(const ClinicConfig& config) {
  return [&config](const Node& n) -> std::optional<std::string> {
    auto id = n.text({64});
    if (id && !config.offers(*id)) {
      n.error("names " + in_quotes(*id) + ", which is not an enabled treatment");
      return std::nullopt;
    }
    return id;
  };
}

// Records an error if `id` was seen before in the same list.
void check_unique(const Node& id_node, const std::string& id, std::set<std::string>& seen) {
  if (!id.empty() && !seen.insert(id).second) id_node.error("repeats the id " + in_quotes(id) + " of an earlier entry");
}

std::vector<Package> read_packages(const Node& n, const ClinicConfig& config) {
  std::set<std::string> ids;
  return read_list<Package>(n, kMaxListEntries, [&](const Node& item) -> std::optional<Package> {
    ObjectReader o(item);
    if (!o.ok()) return std::nullopt;
    Package p;
    const Node id = o["id"];
    read_field(id, Field::required, p.id, parse_id);
    check_unique(id, p.id, ids);
    read_field(o["name"], Field::optional, p.name, localized_text(kNameText));
    read_field(o["treatment"], Field::required, p.treatment, enabled_treatment(config));
    read_field(o["sessions"], Field::required, p.sessions, integer_in(2, kMaxSessions));
    const Node percent = o["percent_off"], amount = o["amount_off"];
    if (percent.present() == amount.present()) {
      item.error(percent.present() ? "has both percent_off and amount_off: give one"
                                   : "needs percent_off or amount_off");
    } else if (percent.present()) {
      p.discount_kind = DiscountKind::percent;
      read_field(percent, Field::required, p.discount, [](const Node& v) { return v.number(0.01, 99.99); });
    } else if (const auto off = amount.number(0.01, kMaxPrice)) {
      p.discount_kind = DiscountKind::amount;
      p.discount = *off;
      const TreatmentSettings* t = config.treatment(p.treatment);
      if (t && t->price && *off >= p.sessions * t->price->low)
        amount.error("takes off " + number_text(*off) + ", not less than " + std::to_string(p.sessions) +
                     " sessions at the lowest price (" + number_text(p.sessions * t->price->low) + ")");
    }
    o.finish();
    return p;
  });
}

std::vector<AddOn> read_addons(const Node& n, const ClinicConfig& config) {
  std::set<std::string> ids;
  return read_list<AddOn>(n, kMaxListEntries, [&](const Node& item) -> std::optional<AddOn> {
    ObjectReader o(item);
    if (!o.ok()) return std::nullopt;
    AddOn a;
    const Node id = o["id"];
    read_field(id, Field::required, a.id, parse_id);
    check_unique(id, a.id, ids);
    read_field(o["name"], Field::required, a.name, localized_text(kNameText));
    read_field(o["price"], Field::required, a.price, parse_price);
    const Node treatments = o["treatments"];
    read_field(treatments, Field::required, a.treatments, [&](const Node& list) {
      std::set<std::string> seen;
      return std::optional(read_list<std::string>(list, kMaxListEntries, [&](const Node& e) {
        auto tid = e.text({64});
        if (!tid) return tid;
        if (!is_treatment_id(*tid))
          e.error(with_hint("names " + in_quotes(*tid) + ", which is not a treatment id", *tid, kTreatmentIds));
        else if (!seen.insert(*tid).second)
          e.error("repeats " + in_quotes(*tid));
        else if (!config.offers(*tid))
          e.warning("names " + in_quotes(*tid) + ", which is not enabled: the add-on is not offered with it");
        return tid;
      }));
    });
    if (treatments.present() && treatments.json().is_array() && treatments.json().empty())
      treatments.error("must name at least one treatment");
    o.finish();
    return a;
  });
}

std::optional<Financing> parse_financing(const Node& n) {
  if (!n.expect_object()) return std::nullopt;
  const ErrorWatch watch(n);
  ObjectReader o(n);
  Financing f;
  read_field(o["apr_percent"], Field::required, f.apr_percent, [](const Node& v) { return v.number(0, 100); });
  const Node terms = o["terms_months"];
  read_field(terms, Field::required, f.terms_months,
             [](const Node& list) { return std::optional(read_list<int>(list, kMaxTerms, integer_in(1, 120))); });
  std::sort(f.terms_months.begin(), f.terms_months.end());
  if (std::adjacent_find(f.terms_months.begin(), f.terms_months.end()) != f.terms_months.end())
    terms.error("lists a term twice");
  else if (terms.present() && f.terms_months.empty() && watch.clean())
    terms.error("must list at least one term");
  read_field(o["min_amount"], Field::optional, f.min_amount, [](const Node& v) { return v.number(0, kMaxPrice); });
  read_field(o["promotions"], Field::optional, f.promotions, [&](const Node& list) {
    return std::optional(read_list<FinancingPromotion>(list, kMaxTerms, [&](const Node& item) -> std::optional<FinancingPromotion> {
      ObjectReader p(item);
      if (!p.ok()) return std::nullopt;
      FinancingPromotion promo;
      read_field(p["months"], Field::required, promo.months, integer_in(1, 120));
      const Node apr = p["apr_percent"];
      read_field(apr, Field::required, promo.apr_percent, [](const Node& v) { return v.number(0, 100); });
      read_field(p["min_amount"], Field::optional, promo.min_amount, [](const Node& v) { return v.number(0, kMaxPrice); });
      read_field(p["name"], Field::optional, promo.name, localized_text(kNameText));
      p.finish();
      if (apr.present() && promo.apr_percent >= f.apr_percent && f.apr_percent > 0)
        apr.warning("is not below the regular APR (" + number_text(f.apr_percent) + "): it is shown, but it is no promotion");
      return promo;
    }));
  });
  o.finish();
  return watch.clean() ? std::optional(f) : std::nullopt;
}

std::optional<Consultation> parse_consultation(const Node& n) {
  if (!n.expect_object()) return std::nullopt;
  const ErrorWatch watch(n);
  ObjectReader o(n);
  Consultation c;
  read_field(o["fee"], Field::required, c.fee, [](const Node& v) { return v.number(0, kMaxPrice); });
  read_field(o["credited"], Field::defaulted, c.credited, boolean_of);
  o.finish();
  return watch.clean() ? std::optional(c) : std::nullopt;
}

std::optional<Tax> parse_tax(const Node& n) {
  if (!n.expect_object()) return std::nullopt;
  const ErrorWatch watch(n);
  ObjectReader o(n);
  Tax t;
  read_field(o["rate_percent"], Field::required, t.rate_percent, [](const Node& v) { return v.number(0, 50); });
  read_field(o["included"], Field::required, t.included, boolean_of);
  read_field(o["name"], Field::optional, t.name, localized_text({20}));
  o.finish();
  return watch.clean() ? std::optional(t) : std::nullopt;
}

std::vector<Membership> read_memberships(const Node& n, const ClinicConfig& config) {
  std::set<std::string> ids;
  return read_list<Membership>(n, kMaxListEntries, [&](const Node& item) -> std::optional<Membership> {
    ObjectReader o(item);
    if (!o.ok()) return std::nullopt;
    Membership m;
    const Node id = o["id"];
    read_field(id, Field::required, m.id, parse_id);
    check_unique(id, m.id, ids);
    read_field(o["name"], Field::required, m.name, localized_text(kNameText));
    read_field(o["monthly_fee"], Field::required, m.monthly_fee, [](const Node& v) { return v.number(0.01, kMaxPrice); });
    read_field(o["min_months"], Field::defaulted, m.min_months, integer_in(1, 36));
    const Node percent = o["percent_off"], prices = o["member_prices"], treatments = o["treatments"];
    if (percent.present() == prices.present()) {
      item.error(percent.present() ? "has both percent_off and member_prices: give one"
                                   : "needs percent_off or member_prices");
    } else if (percent.present()) {
      read_field(percent, Field::required, m.percent_off, [](const Node& v) { return v.number(0.01, 99.99); });
      read_field(treatments, Field::required, m.treatments, [&](const Node& list) {
        std::set<std::string> seen;
        return std::optional(read_list<std::string>(list, kMaxListEntries, [&](const Node& e) {
          auto tid = enabled_treatment(config)(e);
          if (tid && !seen.insert(*tid).second) {
            e.error("repeats " + in_quotes(*tid));
            return std::optional<std::string>();
          }
          return tid;
        }));
      });
      if (treatments.present() && m.treatments.empty()) treatments.error("must name at least one enabled treatment");
    } else {
      if (treatments.present()) treatments.error("is not used with member_prices: the treatments are its keys");
      m.member_prices = read_keyed<double>(
          prices, [&](std::string_view tid) { return config.offers(tid); }, "is not an enabled treatment",
          [&](const Node& v) -> std::optional<double> {
            const auto price = v.number(0, kMaxPrice);
            const std::string tid = v.pointer().substr(v.pointer().rfind('/') + 1);
            const TreatmentSettings* t = config.treatment(tid);
            const std::optional<PriceRange> base = t && t->unit_price ? t->unit_price : (t ? t->price : std::nullopt);
            if (price && base && *price >= base->low) {
              v.error("is " + number_text(*price) + ", not below the list price (" + number_text(base->low) +
                      "): a member price must save");
              return std::nullopt;
            }
            return price;
          });
      for (const auto& kv : m.member_prices) m.treatments.push_back(kv.first);
      if (m.treatments.empty() && prices.json().is_object()) prices.error("must price at least one enabled treatment");
    }
    o.finish();
    if (m.treatments.empty()) return std::nullopt;
    return m;
  });
}

ClinicConfig read_config(const Node& root, const ClinicConfig& fallback) {
  ClinicConfig out = fallback;
  ObjectReader o(root);
  if (const Node schema = o["$schema"]; schema.present()) schema.text(kUrlText);  // for editors; ignored
  read_clinic(o["clinic"], out.clinic);
  read_field(o["currency"], Field::required, out.currency, parse_currency);
  read_field(o["locale"], Field::required, out.locale, parse_locale);
  read_field(o["default_language"], Field::defaulted, out.default_language, parse_language);
  read_field(o["default_mode"], Field::defaulted, out.default_mode, parse_mode_value);
  read_field(o["kiosk_idle_seconds"], Field::defaulted, out.kiosk_idle_seconds, integer_in(30, 3600));
  read_field(o["first_session_after_days"], Field::defaulted, out.first_session_after_days, integer_in(0, 90));
  read_brand(o["brand"], out.brand);
  read_treatments(o["treatments"], fallback, out);
  read_field(o["packages"], Field::optional, out.packages,
             [&](const Node& n) { return std::optional(read_packages(n, out)); });
  read_field(o["addons"], Field::optional, out.addons,
             [&](const Node& n) { return std::optional(read_addons(n, out)); });
  read_field(o["financing"], Field::optional, out.financing, parse_financing);
  read_field(o["consultation"], Field::optional, out.consultation, parse_consultation);
  read_field(o["tax"], Field::optional, out.tax, parse_tax);
  read_field(o["memberships"], Field::optional, out.memberships,
             [&](const Node& n) { return std::optional(read_memberships(n, out)); });
  o.finish();
  return out;
}

ConfigLoad load_with_fallback(std::string_view text, const ClinicConfig& fallback) {
  ParsedJson parsed = parse_json(text);
  if (!parsed.ok()) return {fallback, {Issue{Severity::error, parsed.pointer, parsed.error, {}}}};
  IssueLog log;
  const Node root(&parsed.value, "", log);
  if (!root.expect_object()) return {fallback, log.take()};
  ClinicConfig config = read_config(root, fallback);
  return {std::move(config), log.take()};
}

// ---------------------------------------------------------------- to_json

Json localized_json(const LocalizedText& t) {
  Json j = Json::object();
  for (Lang lang : kLanguages)
    if (!t.text[static_cast<std::size_t>(lang)].empty())
      j[std::string(lang_code(lang))] = t.text[static_cast<std::size_t>(lang)];
  return j;
}

// Whole amounts as integers ("300", not "300.0").
Json number_json(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) return static_cast<std::int64_t>(v);
  return v;
}

Json price_json(const PriceRange& p) {
  if (p.fixed()) return number_json(p.low);
  return {{"low", number_json(p.low)}, {"typical", number_json(p.typical)}, {"high", number_json(p.high)}};
}

}  // namespace

std::string_view mode_name(Mode mode) {
  switch (mode) {
    case Mode::consult:
      return "consult";
    case Mode::kiosk:
      return "kiosk";
    case Mode::patient:
      break;
  }
  return "patient";
}

std::optional<Mode> parse_mode(std::string_view name) {
  for (Mode m : {Mode::patient, Mode::consult, Mode::kiosk})
    if (mode_name(m) == name) return m;
  return std::nullopt;
}

const std::string& LocalizedText::get(Lang lang) const {
  const std::string& wanted = text[static_cast<std::size_t>(lang)];
  if (!wanted.empty()) return wanted;
  const std::string& english = text[static_cast<std::size_t>(Lang::en)];
  if (!english.empty()) return english;
  const auto any = std::find_if(text.begin(), text.end(), [](const std::string& s) { return !s.empty(); });
  return any != text.end() ? *any : wanted;
}

bool LocalizedText::empty() const {
  return std::all_of(text.begin(), text.end(), [](const std::string& s) { return s.empty(); });
}

double package_total(const Package& package, double session_price) {
  const double full = package.sessions * session_price;
  const double total =
      package.discount_kind == DiscountKind::percent ? full * (1 - package.discount / 100) : full - package.discount;
  return std::max(0.0, total);
}

std::optional<PriceRange> TreatmentSettings::area_price(std::string_view area) const {
  if (!price) return std::nullopt;
  const AreaKind kind = area_kind_of_area(area);
  if (kind == AreaKind::toxin || area == "face") return price;
  if (kind != AreaKind::surface) return std::nullopt;
  if (const auto it = area_prices.find(area); it != area_prices.end()) return it->second;
  if (const auto it = area_multipliers.find(area); it != area_multipliers.end())
    return PriceRange{price->low * it->second, price->typical * it->second, price->high * it->second};
  return std::nullopt;
}

std::optional<double> Membership::factor(std::string_view treatment, double list_base) const {
  if (std::find(treatments.begin(), treatments.end(), treatment) == treatments.end()) return std::nullopt;
  if (percent_off) return 1 - *percent_off / 100;
  const auto it = member_prices.find(treatment);
  if (it == member_prices.end() || list_base <= 0) return std::nullopt;
  return std::min(1.0, it->second / list_base);
}

const TreatmentSettings* ClinicConfig::treatment(std::string_view id) const {
  const auto it = treatments.find(id);
  return it == treatments.end() ? nullptr : &it->second;
}

bool ClinicConfig::offers(std::string_view treatment_id) const {
  const TreatmentSettings* t = treatment(treatment_id);
  return t && t->enabled;
}

std::vector<std::string> ClinicConfig::enabled_treatments() const {
  std::vector<std::string> out;
  for (std::string_view id : kTreatmentIds)
    if (offers(id)) out.emplace_back(id);
  return out;
}

ConfigLoad load_clinic_config(std::string_view json_text) {
  return run_guarded([&] { return load_with_fallback(json_text, builtin_clinic_config()); },
                     [](const char* what) -> ConfigLoad {
                       return {builtin_clinic_config(),
                               {Issue{Severity::error, "", std::string("could not be loaded: ") + what, {}}}};
                     });
}

const ClinicConfig& builtin_clinic_config() {
  static const ClinicConfig config = [] {
    const auto text = embedded_asset("clinic/demo.json");
    return load_with_fallback(text.value_or(""), ClinicConfig{}).config;
  }();
  return config;
}

std::string to_json(const ClinicConfig& c) {
  Json j;
  Json& clinic = j["clinic"] = {{"name", c.clinic.name}};
  const auto put_nonempty = [&clinic](const char* key, const std::string& value) {
    if (!value.empty()) clinic[key] = value;
  };
  put_nonempty("phone", c.clinic.phone);
  put_nonempty("email", c.clinic.email);
  put_nonempty("address", c.clinic.address);
  put_nonempty("booking_url", c.clinic.booking_url);
  j["currency"] = c.currency;
  j["locale"] = c.locale;
  j["default_language"] = lang_code(c.default_language);
  j["default_mode"] = mode_name(c.default_mode);
  j["kiosk_idle_seconds"] = c.kiosk_idle_seconds;
  j["first_session_after_days"] = c.first_session_after_days;
  j["brand"] = {{"primary", to_hex(c.brand.primary)}, {"accent", to_hex(c.brand.accent)}};
  if (!c.brand.logo_text.empty()) j["brand"]["logo_text"] = c.brand.logo_text;
  if (!c.brand.logo.empty()) j["brand"]["logo"] = c.brand.logo;
  Json& treatments = j["treatments"] = Json::object();
  for (const auto& [id, t] : c.treatments) {
    Json& e = treatments[id] = {{"enabled", t.enabled}, {"isotretinoin_wait_months", t.isotretinoin_wait_months}};
    if (t.price) e["price"] = price_json(*t.price);
    if (t.sessions)
      e["sessions"] = {{"low", t.sessions->low}, {"typical", t.sessions->typical}, {"high", t.sessions->high}};
    for (const auto& [area, p] : t.area_prices) e["areas"][area] = price_json(p);
    for (const auto& [area, m] : t.area_multipliers) e["area_multipliers"][area] = number_json(m);
    if (t.unit_price) e["unit_price"] = price_json(*t.unit_price);
    for (const auto& [area, q] : t.units) e["units"][area] = price_json(as_price(q));
    for (const auto& [concern, grades] : t.syringes)
      for (std::size_t i = 0; i < grades.size(); ++i) e["syringes"][concern][std::string(kSeverityGrades[i])] = price_json(as_price(grades[i]));
  }
  Json& packages = j["packages"] = Json::array();
  for (const Package& p : c.packages) {
    Json e = {{"id", p.id},
              {"treatment", p.treatment},
              {"sessions", p.sessions},
              {p.discount_kind == DiscountKind::percent ? "percent_off" : "amount_off", number_json(p.discount)}};
    if (!p.name.empty()) e["name"] = localized_json(p.name);
    packages.push_back(std::move(e));
  }
  Json& addons = j["addons"] = Json::array();
  for (const AddOn& a : c.addons)
    addons.push_back(
        {{"id", a.id}, {"name", localized_json(a.name)}, {"price", price_json(a.price)}, {"treatments", a.treatments}});
  if (c.financing) {
    j["financing"] = {{"apr_percent", number_json(c.financing->apr_percent)},
                      {"terms_months", c.financing->terms_months},
                      {"min_amount", number_json(c.financing->min_amount)}};
    for (const FinancingPromotion& p : c.financing->promotions) {
      Json e = {{"months", p.months}, {"apr_percent", number_json(p.apr_percent)}, {"min_amount", number_json(p.min_amount)}};
      if (!p.name.empty()) e["name"] = localized_json(p.name);
      j["financing"]["promotions"].push_back(std::move(e));
    }
  }
  if (c.consultation) j["consultation"] = {{"fee", number_json(c.consultation->fee)}, {"credited", c.consultation->credited}};
  if (c.tax) {
    j["tax"] = {{"rate_percent", number_json(c.tax->rate_percent)}, {"included", c.tax->included}};
    if (!c.tax->name.empty()) j["tax"]["name"] = localized_json(c.tax->name);
  }
  for (const Membership& m : c.memberships) {
    Json e = {{"id", m.id}, {"name", localized_json(m.name)}, {"monthly_fee", number_json(m.monthly_fee)},
              {"min_months", m.min_months}};
    if (m.percent_off) {
      e["percent_off"] = number_json(*m.percent_off);
      e["treatments"] = m.treatments;
    } else {
      for (const auto& [tid, price] : m.member_prices) e["member_prices"][tid] = number_json(price);
    }
    j["memberships"].push_back(std::move(e));
  }
  return j.dump(2);
}

}  // namespace mn
