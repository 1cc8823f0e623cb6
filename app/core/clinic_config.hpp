#pragma once
// A clinic's configuration: identity, money conventions, what it offers at what price, and app defaults.
// Format: docs/clinic-config.md (JSON Schema: docs/clinic-config.schema.json). Built-in: assets/clinic/demo.json.
#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/color.hpp"
#include "core/issues.hpp"
#include "core/lang.hpp"
#include "core/pricing.hpp"

namespace mn {

// Fully ablative laser and deep peels wait at least this long after the last isotretinoin dose, whatever a clinic
// sets (Spring et al., JAMA Dermatol 2017; Waldman et al., ASDS 2017). The candidacy rules hold the same floor
// (assets/rules/candidacy.json, medication.isotretinoin); a unit test keeps the two in step.
inline constexpr int kIsotretinoinFloorMonths = 6;
// Fully ablative laser and deep peels (2017 consensus), RF microneedling (its device maker's exclusion) and medium peels
// (not cleared by the 2017 consensus papers): no clinic setting goes below the floor.
inline constexpr std::array<std::string_view, 4> kIsotretinoinFloorTreatments = {"chemical_peel_deep", "laser_ablative",
                                                                                 "rf_microneedling", "chemical_peel_medium"};

// How the app starts: a patient on their own device, a consultation with staff, or a shared kiosk.
enum class Mode { patient, consult, kiosk };
std::string_view mode_name(Mode mode);
std::optional<Mode> parse_mode(std::string_view name);

// Text given per language, e.g. an add-on's name. get() falls back to English, then to any language given.
struct LocalizedText {
  std::array<std::string, kLanguages.size()> text;  // indexed by Lang
  const std::string& get(Lang lang) const;
  std::string& operator[](Lang lang) { return text[static_cast<std::size_t>(lang)]; }
  bool empty() const;
};

// A price per session in the clinic's currency. A fixed price has low == typical == high.
struct PriceRange {
  double low = 0, typical = 0, high = 0;
  bool fixed() const { return low == high; }
};

// A course length in sessions: low <= typical <= high.
struct SessionRange {
  int low = 1, typical = 1, high = 1;
};

// Syringes per visit for one concern, by severity (mild, moderate, severe).
using SyringesBySeverity = std::array<QuantityRange, 3>;

struct TreatmentSettings {
  bool enabled = false;                  // the clinic offers it
  std::optional<PriceRange> price;       // always set when enabled: per session for the face (resurfacing),
                                         // per area (neurotoxin), per syringe (filler)
  int isotretinoin_wait_months = 0;      // months to wait after isotretinoin before this treatment (0: none)
                                         // (never below kIsotretinoinFloorMonths for kIsotretinoinFloorTreatments)
  std::optional<SessionRange> sessions;  // the clinic's own course length, instead of the content's
  // Resurfacing: per-session prices of areas other than the face, or multipliers of `price` (a listed price wins).
  std::map<std::string, PriceRange, std::less<>> area_prices;
  std::map<std::string, double, std::less<>> area_multipliers;
  // Neurotoxin priced per unit: the price of one unit and the clinic's usual units per area (reference units of
  // pricing.hpp for an area it does not list).
  std::optional<PriceRange> unit_price;
  std::map<std::string, QuantityRange, std::less<>> units;
  // Filler: syringes per visit by concern and severity (one syringe when the concern is not listed).
  std::map<std::string, SyringesBySeverity, std::less<>> syringes;

  // The per-session price of a resurfacing area (face: `price`), or of a neurotoxin area priced per area;
  // nullopt when the clinic prices it neither way.
  std::optional<PriceRange> area_price(std::string_view area) const;
};

enum class DiscountKind { percent, amount };

// A series of sessions of one treatment at a discount.
struct Package {
  std::string id;
  LocalizedText name;  // optional; the app composes one when empty
  std::string treatment;
  int sessions = 1;
  DiscountKind discount_kind = DiscountKind::percent;
  double discount = 0;  // percent (0–100) or an amount off the package total
};

// The package's total for a per-session price, after its discount (never below zero).
double package_total(const Package& package, double session_price);

// An extra that can be added to some treatments' sessions, e.g. PRP.
struct AddOn {
  std::string id;
  LocalizedText name;
  PriceRange price;                     // per session
  std::vector<std::string> treatments;  // treatment ids it can be added to
};

// A promotional financing offer, e.g. 0% APR over 12 months.
struct FinancingPromotion {
  int months = 12;
  double apr_percent = 0;
  double min_amount = 0;  // smallest total the offer takes
  LocalizedText name;     // optional
};

struct Financing {
  double apr_percent = 0;
  std::vector<int> terms_months;  // ascending
  double min_amount = 0;          // smallest total that can be financed
  std::vector<FinancingPromotion> promotions;
};

// A fee for the first consultation, possibly credited toward the treatment booked.
struct Consultation {
  double fee = 0;
  bool credited = false;
};

// Sales tax on cosmetic services, e.g. Canada's GST. Prices either include it or have it added at checkout.
struct Tax {
  double rate_percent = 0;
  bool included = false;
  LocalizedText name;  // e.g. "GST"; optional
};

// A membership: a monthly fee for member prices on some treatments, paid for at least min_months.
struct Membership {
  std::string id;
  LocalizedText name;
  double monthly_fee = 0;
  int min_months = 1;
  std::optional<double> percent_off;                          // off every listed treatment's prices, or…
  std::map<std::string, double, std::less<>> member_prices;   // …the member's base price per treatment (the face
                                                              // session, the area or unit of toxin, the syringe)
  std::vector<std::string> treatments;                        // ids (member_prices: its keys)
  // The fraction of the list price a member pays for `treatment` when its base price is `list_base`; nullopt when
  // the membership does not cover it.
  std::optional<double> factor(std::string_view treatment, double list_base) const;
};

struct ClinicInfo {
  std::string name;
  std::string phone, email, address;  // each may be empty
  std::string booking_url;            // http(s) or empty
};

struct Brand {
  std::string logo_text;  // may be empty: ClinicConfig::logo_text() then gives the clinic's name
  std::string logo;       // a picture beside clinic.json ("logo.png"), or empty: the app's own mark
  Rgb primary;            // buttons and headings, under white text
  Rgb accent;             // highlights
};

struct ClinicConfig {
  ClinicInfo clinic;
  std::string currency = "USD";  // ISO 4217, one of currency_codes()
  std::string locale = "en-US";  // BCP 47, formats numbers, money and dates (see locale.hpp)
  Lang default_language = Lang::en;
  Mode default_mode = Mode::patient;
  int kiosk_idle_seconds = 120;  // kiosk mode starts over after this long without input
  // The earliest first session the app suggests is this many days from today: time for a consultation first.
  int first_session_after_days = 7;
  Brand brand;
  std::map<std::string, TreatmentSettings, std::less<>> treatments;  // every treatment id of catalog.hpp
  std::vector<Package> packages;
  std::vector<AddOn> addons;
  std::optional<Financing> financing;
  std::optional<Consultation> consultation;
  std::optional<Tax> tax;
  std::vector<Membership> memberships;

  // Settings for a treatment id; nullptr for an id that is not in catalog.hpp.
  const TreatmentSettings* treatment(std::string_view id) const;
  bool offers(std::string_view treatment_id) const;
  // Enabled treatment ids in catalogue order.
  std::vector<std::string> enabled_treatments() const;
  // The text of the logo: brand.logo_text, else the clinic's name.
  const std::string& logo_text() const { return brand.logo_text.empty() ? clinic.name : brand.logo_text; }
};

struct ConfigLoad {
  ClinicConfig config;        // always usable: every bad value replaced (see docs/clinic-config.md)
  std::vector<Issue> issues;  // in the order of docs/clinic-config.md; unknown keys after their object's
  bool ok() const { return !has_errors(issues); }
};

// Loads a clinic.json text. Never throws. Bad values fall back to the built-in demo configuration's; input that
// is not a JSON object at all gives one error at pointer "" and the whole built-in configuration.
ConfigLoad load_clinic_config(std::string_view json_text);

// The built-in demo clinic (assets/clinic/demo.json), loaded once.
const ClinicConfig& builtin_clinic_config();

// The configuration as clinic.json text; loading it gives the same configuration with no errors.
std::string to_json(const ClinicConfig& config);

}  // namespace mn
