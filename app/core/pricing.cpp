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

std::vector<std::string_view> concern_area_choices(std::string_view concern) {
  if (concern == "hair_loss") return {"scalp"};
  if (concern == "stretch_marks") return {"body_small", "body_medium", "body_large"};
  if (concern == "volume_loss") return {};
  if (concern == "acne_scars") return {"face", "face_neck", "face_neck_chest", "body_small", "body_medium", "body_large"};
  if (concern == "enlarged_pores" || concern == "melasma") return {"face", "face_neck", "face_neck_chest"};
  std::vector<std::string_view> out = {"face", "face_neck", "face_neck_chest", "hands"};
  if (concern == "fine_lines" || concern == "wrinkles") out.insert(out.end(), kToxinAreaIds.begin(), kToxinAreaIds.end());
  return out;
}

std::string_view default_concern_area(std::string_view concern, AreaKind kind) {
  switch (kind) {
    case AreaKind::none: return {};
    case AreaKind::toxin: return concern == "fine_lines" || concern == "wrinkles" ? "frown_lines" : "";
    case AreaKind::surface: break;
  }
  if (concern == "stretch_marks") return "body_medium";
  if (concern == "hair_loss") return "scalp";
  return "face";
}

std::optional<AreaListProblem> check_concern_areas(std::string_view concern, const std::vector<std::string>& areas) {
  const std::vector<std::string_view> choices = concern_area_choices(concern);
  std::string names;
  for (std::string_view c : choices) names += (names.empty() ? "" : ", ") + std::string(c);
  for (std::size_t i = 0; i < areas.size(); ++i) {
    const std::string& a = areas[i];
    const auto before = areas.begin() + static_cast<std::ptrdiff_t>(i);
    if (std::find(choices.begin(), choices.end(), a) == choices.end())
      return AreaListProblem{i, "'" + a + "' is not an area for " + std::string(concern) +
                                    (choices.empty() ? " (it takes none)" : " (" + names + ")")};
    if (std::find(areas.begin(), before, a) != before) return AreaListProblem{i, "'" + a + "' is listed twice"};
    const auto overlapping = std::find_if(areas.begin(), before, [&](const std::string& b) { return price_areas_overlap(a, b); });
    if (overlapping != before)
      return AreaListProblem{i, "'" + a + "' overlaps '" + *overlapping + "': pick one of them"};
  }
  return std::nullopt;
}

std::vector<std::string> merge_areas(const std::vector<std::string>& areas) {
  const auto& face = kAreaChains[0];
  const auto picked = [&](std::string_view a) { return std::find(areas.begin(), areas.end(), a) != areas.end(); };
  std::string_view largest_face;
  for (std::string_view a : face)
    if (picked(a)) largest_face = a;
  std::vector<std::string> out;
  const auto add_all = [&](const auto& ids) {
    for (std::string_view a : ids) {
      const bool smaller_face = std::find(face.begin(), face.end(), a) != face.end() && a != largest_face;
      if (picked(a) && !smaller_face) out.emplace_back(a);
    }
  };
  add_all(kSurfaceAreaIds);
  add_all(kToxinAreaIds);
  return out;
}

}  // namespace mn
