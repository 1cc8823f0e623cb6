#include "core/pricing.hpp"

#include <algorithm>

namespace mn {

AreaKind area_kind_of_treatment(std::string_view treatment_id) {
  if (treatment_id == "neurotoxin") return AreaKind::toxin;
  if (treatment_id == "dermal_filler_ha") return AreaKind::none;
  return AreaKind::surface;
}

AreaKind area_kind_of_area(std::string_view id) {
  if (std::find(kSurfaceAreaIds.begin(), kSurfaceAreaIds.end(), id) != kSurfaceAreaIds.end()) return AreaKind::surface;
  if (std::find(kToxinAreaIds.begin(), kToxinAreaIds.end(), id) != kToxinAreaIds.end()) return AreaKind::toxin;
  return AreaKind::none;
}

bool is_area_id(std::string_view id) { return area_kind_of_area(id) != AreaKind::none; }

bool price_areas_overlap(std::string_view a, std::string_view b) {
  const auto& face = kAreaChains[0];
  const auto in_face = [&](std::string_view x) { return std::find(face.begin(), face.end(), x) != face.end(); };
  return a != b && in_face(a) && in_face(b);
}

std::optional<QuantityRange> reference_toxin_units(std::string_view area_id) {
  if (area_id == "frown_lines") return QuantityRange{20, 20, 30};
  if (area_id == "forehead") return QuantityRange{20, 20, 20};
  if (area_id == "crows_feet") return QuantityRange{24, 24, 24};
  return std::nullopt;
}

std::vector<std::string_view> default_area_candidates(std::string_view treatment_id,
                                                      const std::vector<std::string>& concerns) {
  std::vector<std::string_view> out;
  const auto add = [&](std::string_view a) {
    if (std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
  };
  switch (area_kind_of_treatment(treatment_id)) {
    case AreaKind::none: return out;
    case AreaKind::toxin: return {"frown_lines"};
    case AreaKind::surface: break;
  }
  for (const std::string& c : concerns) {
    if (c == "stretch_marks") add("body_medium");
    else if (c == "hair_loss") add("scalp");
    else add("face");
  }
  if (out.empty()) add("face");
  std::vector<std::string_view> ordered;
  for (std::string_view a : kSurfaceAreaIds)
    if (std::find(out.begin(), out.end(), a) != out.end()) ordered.push_back(a);
  return ordered;
}

}  // namespace mn
