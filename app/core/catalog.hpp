#pragma once
// The stable ids of docs/content-format.md. Content files and clinic configurations must use exactly these.
#include <algorithm>
#include <array>
#include <string_view>

namespace mn {

inline constexpr std::array<std::string_view, 11> kTreatmentIds = {
    "microneedling", "microneedling_prp", "rf_microneedling",                   // microneedling
    "chemical_peel_superficial", "chemical_peel_medium", "chemical_peel_deep",  // chemical peels
    "laser_nonablative_fractional", "laser_ablative",                           // lasers
    "neurotoxin", "dermal_filler_ha",                                           // injectables
    "microdermabrasion"};                                                       // exfoliation

inline constexpr std::array<std::string_view, 5> kTreatmentFamilies = {
    "microneedling", "chemical_peel", "laser", "injectable", "exfoliation"};

inline constexpr std::array<std::string_view, 13> kConcernIds = {
    "fine_lines", "wrinkles", "acne_scars", "texture", "enlarged_pores", "hyperpigmentation", "melasma",
    "sun_damage", "stretch_marks", "laxity", "volume_loss", "dullness", "hair_loss"};

// Learn screen sections, in the order they are shown.
inline constexpr std::array<std::string_view, 7> kEducationSectionIds = {
    "what", "healing", "helps", "procedure", "aftercare", "side_effects", "faq"};

// Treatment estimator keys (treatments.json): severity grades, post-session phases, result milestones.
inline constexpr std::array<std::string_view, 3> kSeverityGrades = {"mild", "moderate", "severe"};
inline constexpr std::array<std::string_view, 8> kPhaseKeys = {
    "redness", "swelling", "flaking", "crusting", "peeling", "bruising", "glow", "tightness"};
inline constexpr std::array<std::string_view, 4> kMilestoneKeys = {"first_glow", "texture", "significant", "full"};

template <std::size_t N>
constexpr bool contains(const std::array<std::string_view, N>& ids, std::string_view id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

inline bool is_treatment_id(std::string_view id) { return contains(kTreatmentIds, id); }
inline bool is_concern_id(std::string_view id) { return contains(kConcernIds, id); }

}  // namespace mn
