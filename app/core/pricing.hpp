#pragma once
// Treatment areas and the ways clinics price them (docs/estimates.md, "Areas, units and syringes"):
// resurfacing treatments by the area of skin treated, neurotoxin by the unit (or by area), HA filler by the syringe.
// Reference figures used when a clinic gives none come from shared/reference (sources named beside each).
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mn {

// Areas of skin for microneedling, peels, lasers, RF and microdermabrasion. face, face_neck and face_neck_chest
// each contain the one before (a person picks at most one of them); body_* are sizes of one body area (stretch
// marks, scars): small (e.g. upper arms), medium (e.g. thighs), large (e.g. back or abdomen).
inline constexpr std::array<std::string_view, 8> kSurfaceAreaIds = {
    "face", "face_neck", "face_neck_chest", "scalp", "hands", "body_small", "body_medium", "body_large"};
// Areas of the upper face for neurotoxin: between the brows (glabellar lines), forehead lines, crow's feet
// (lateral canthal lines).
inline constexpr std::array<std::string_view, 3> kToxinAreaIds = {"frown_lines", "forehead", "crows_feet"};

// How a treatment's areas are chosen and priced.
enum class AreaKind {
  none,     // no areas: HA filler is priced by the syringe
  surface,  // kSurfaceAreaIds; the treatment's price is the face's
  toxin,    // kToxinAreaIds; per area, or per unit × units per area
};
AreaKind area_kind_of_treatment(std::string_view treatment_id);
// The kind an area id belongs to (none: not an area id).
AreaKind area_kind_of_area(std::string_view area_id);
bool is_area_id(std::string_view id);
// Areas that contain one another, smallest first: a larger one must never be priced below a smaller one.
inline constexpr std::array<std::array<std::string_view, 3>, 2> kAreaChains = {{
    {"face", "face_neck", "face_neck_chest"}, {"body_small", "body_medium", "body_large"}}};
// Whether two areas cannot be picked together (one contains the other: face / face_neck / face_neck_chest).
bool price_areas_overlap(std::string_view a, std::string_view b);

// A quantity per session as a range: units of toxin, syringes of filler, or a price.
struct QuantityRange {
  double low = 0, typical = 0, high = 0;
};

// ---------------------------------------------------------------- reference figures ("typical in the US")
// Neurotoxin per unit, USD: "$10 to $15" (ASPS 2019 survey, quoted by newyorkfacialplasticsurgery.com,
// 2022-10-06; domain-facts §2, source id ref_costs). The typical is the midpoint, as for every published range.
inline constexpr QuantityRange kReferenceToxinUnitPriceUsd{10, 12.5, 15};
// Units per area per session: the Botox Cosmetic US prescribing information doses each area at fixed units
// (glabellar lines 20, lateral canthal lines 24 for both sides, forehead lines 20, forehead always together with
// glabellar lines); "20 to 30 units" is quoted for the glabella in practice (newyorkfacialplasticsurgery.com).
// Source ids: src_botox_label, ref_costs.
std::optional<QuantityRange> reference_toxin_units(std::string_view area_id);
// The label doses forehead lines only together with glabellar lines (to avoid a lowered brow).
inline constexpr std::string_view kToxinForeheadNeeds = "frown_lines";

// ---------------------------------------------------------------- areas per concern
// A person picks the areas they want treated for each concern (profile `concerns[].areas`, plan links, what-if). The
// choices that make sense for a concern: hair loss → the scalp; stretch marks → a body area by size; acne scars →
// the face chain or a body area (scars on the back, chest or arms); enlarged pores and melasma → the face chain;
// volume loss → none (HA filler is priced by the syringe); any other concern → the face chain or the hands. Lines
// (fine lines, wrinkles) also take the neurotoxin areas, the only concerns neurotoxin treats. In catalogue order,
// surface areas first.
std::vector<std::string_view> concern_area_choices(std::string_view concern_id);
// The area an estimate starts from for a concern when none was picked, for a kind of treatment: stretch marks → a
// medium body area, hair loss → the scalp, any other concern → the face; neurotoxin → frown lines (lines only).
// "" when the kind has no area for the concern.
std::string_view default_concern_area(std::string_view concern_id, AreaKind kind);
// A concern's picked areas that break the rules above: one not among its choices, one listed twice, two of the face
// chain. The first problem: its index in `areas` and an English message. nullopt when the list is good.
struct AreaListProblem {
  std::size_t index = 0;
  std::string message;
};
std::optional<AreaListProblem> check_concern_areas(std::string_view concern_id, const std::vector<std::string>& areas);
// Merges areas picked for several concerns into what one session treats: each area once, and of the face chain only
// the largest (face and neck already includes the face). In catalogue order.
std::vector<std::string> merge_areas(const std::vector<std::string>& areas);

}  // namespace mn
