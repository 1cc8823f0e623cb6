#pragma once
// Compare: the clinic's enabled treatments side by side for one person, ranked by personal fit with the reasons
// for each position spelled out (docs/estimates.md, "Comparison and ranking"). The ranking only uses a
// treatment's numbers (suits, PIH risk, downtime, course cost) and its candidacy verdict, never its id or place
// in the list.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/candidacy.hpp"
#include "core/estimate.hpp"

namespace mn {

// Points of the fit score (docs/estimates.md).
inline constexpr double kPointsPerSuitLevel = 10;  // a concern's suit level 0–3, weighted by its severity share
inline constexpr std::array<double, 4> kPihPoints = {0, -3, -6, -10};  // low, moderate, high, very_high
inline constexpr double kMayExceedPoints = -3;  // downtime or cost may go past the person's limit
inline constexpr double kOverPoints = -10;      // even the low case goes past it

// Treatments are ranked group by group, then by score.
enum class FitGroup { suitable, defer, not_recommended };  // suitable includes suitable_with_precautions
FitGroup fit_group(Verdict verdict);

// One value a reason's message uses. Ids and numbers stay raw; the JSON facade names them in a language.
struct ReasonValue {
  enum class Kind { concern, level, severity, pih_risk, fitzpatrick, days, money };
  std::string name;  // the placeholder: "concern", "level", …
  Kind kind = Kind::concern;
  std::string id;    // concern, pih_risk
  double number = 0;  // the others
};

// Why a treatment sits where it does: a message key of content/<lang>/compare.json and the points it adds.
struct FitReason {
  std::string key;  // e.g. "fit.suits_concern"
  double points = 0;
  std::vector<ReasonValue> values;
};

struct CompareRow {
  const Treatment* treatment = nullptr;
  CourseLength course;
  SessionPrice price;
  ByLevel<Purchase> course_cost;  // packages applied automatically, no add-ons
  std::optional<PihRisk> pih;     // at the person's skin type; nullopt when unknown and the risk varies by type
  Verdict verdict = Verdict::suitable;
  std::optional<Duration> wait;   // defer: from the candidacy engine
  double score = 0;               // the sum of the reasons' points
  int rank = 1;                   // 1 is best; equal group and score share a rank
  std::vector<FitReason> reasons;  // verdict, concerns (profile order), PIH risk, downtime, budget
};

struct Comparison {
  SkinType skin;
  std::string concern;           // the filter; empty: every enabled treatment
  std::vector<CompareRow> rows;  // best first; rows of equal rank in input order
};

// Compares the treatments of `treatments` the clinic enables (each needs an entry in `assessment`; one without
// is left out). `concern`, when not empty, keeps only treatments that treat it (suits >= 1).
Comparison compare(const Profile& profile, const ClinicConfig& clinic, const Assessment& assessment,
                   const std::vector<Treatment>& treatments, std::string_view concern = {});

}  // namespace mn
