#include "core/compare.hpp"

#include <algorithm>
#include <numeric>

#include "core/candidacy_rules.hpp"

namespace mn {
namespace {

using Kind = ReasonValue::Kind;

int suit_level(const Treatment& t, std::string_view concern) {
  const auto it = t.suits.find(concern);
  return it == t.suits.end() ? 0 : it->second;
}

std::optional<PihRisk> pih_at(const Treatment& t, const SkinType& skin) {
  if (skin.type) return t.pih_risk[static_cast<std::size_t>(*skin.type - 1)];
  const bool uniform = std::all_of(t.pih_risk.begin(), t.pih_risk.end(), [&](PihRisk r) { return r == t.pih_risk[0]; });
  return uniform ? std::optional<PihRisk>(t.pih_risk[0]) : std::nullopt;
}

std::string_view verdict_key(Verdict v) {
  constexpr std::array<std::string_view, 4> kKeys = {"fit.verdict_suitable", "fit.verdict_precautions",
                                                     "fit.verdict_defer", "fit.verdict_not_recommended"};
  return kKeys[static_cast<std::size_t>(v)];
}

// "within", "may exceed" or "over" a limit for a low..high range: the key suffix and its points.
std::pair<std::string_view, double> against_limit(double low, double high, double limit) {
  if (low > limit) return {"over", kOverPoints};
  if (high > limit) return {"may_exceed", kMayExceedPoints};
  return {"within", 0};
}

std::vector<FitReason> fit_reasons(const CompareRow& row, const Profile& profile, const SkinType& skin) {
  const Treatment& t = *row.treatment;
  std::vector<FitReason> out;
  out.push_back({std::string(verdict_key(row.verdict)), 0, {}});

  // Concerns: each adds its share of the severity-weighted mean suit level.
  const int severities = std::accumulate(profile.concerns.begin(), profile.concerns.end(), 0,
                                         [](int sum, const ConcernAnswer& c) { return sum + c.severity; });
  if (profile.concerns.empty()) out.push_back({"fit.no_concerns", 0, {}});
  for (const ConcernAnswer& c : profile.concerns) {
    const int level = suit_level(t, c.id);
    const double points = kPointsPerSuitLevel * level * c.severity / severities;
    if (level > 0)
      out.push_back({"fit.suits_concern", points,
                     {{"concern", Kind::concern, c.id, 0}, {"level", Kind::level, {}, static_cast<double>(level)},
                      {"severity", Kind::severity, {}, static_cast<double>(c.severity)}}});
    else
      out.push_back({"fit.concern_not_treated", 0, {{"concern", Kind::concern, c.id, 0}}});
  }

  if (row.pih) {
    std::vector<ReasonValue> values = {{"risk", Kind::pih_risk, std::string(kPihRiskNames[static_cast<std::size_t>(*row.pih)]), 0}};
    if (skin.type) values.push_back({"type", Kind::fitzpatrick, {}, static_cast<double>(*skin.type)});
    out.push_back({skin.type ? "fit.pih_risk" : "fit.pih_risk_any_type", kPihPoints[static_cast<std::size_t>(*row.pih)],
                   std::move(values)});
  } else {
    out.push_back({"fit.pih_unknown", 0, {}});
  }

  if (profile.max_downtime_days) {
    const auto [suffix, points] = against_limit(t.downtime_days.low, t.downtime_days.high, *profile.max_downtime_days);
    out.push_back({"fit.downtime_" + std::string(suffix), points,
                   {{"low", Kind::days, {}, t.downtime_days.low},
                    {"high", Kind::days, {}, t.downtime_days.high},
                    {"limit", Kind::days, {}, static_cast<double>(*profile.max_downtime_days)}}});
  }
  if (profile.budget) {
    const double low = row.course_cost[Level::low].cost, high = row.course_cost[Level::high].cost;
    const auto [suffix, points] = against_limit(low, high, *profile.budget);
    out.push_back({"fit.budget_" + std::string(suffix), points,
                   {{"low", Kind::money, {}, low}, {"high", Kind::money, {}, high}, {"budget", Kind::money, {}, *profile.budget}}});
  }
  return out;
}

// The sum of the reasons' points, with the concerns' share taken from integer sums so that treatments with equal
// fits get bit-for-bit equal scores whatever order the parts come in.
double score_of(const CompareRow& row, const Profile& profile) {
  int weighted = 0, severities = 0;
  for (const ConcernAnswer& c : profile.concerns) {
    weighted += suit_level(*row.treatment, c.id) * c.severity;
    severities += c.severity;
  }
  double score = severities > 0 ? kPointsPerSuitLevel * weighted / severities : 0;
  for (const FitReason& r : row.reasons)
    if (r.key != "fit.suits_concern") score += r.points;
  return score;
}

}  // namespace

FitGroup fit_group(Verdict verdict) {
  switch (verdict) {
    case Verdict::suitable:
    case Verdict::suitable_with_precautions: return FitGroup::suitable;
    case Verdict::defer: return FitGroup::defer;
    case Verdict::not_recommended: break;
  }
  return FitGroup::not_recommended;
}

Comparison compare(const Profile& profile, const ClinicConfig& clinic, const Assessment& assessment,
                   const std::vector<Treatment>& treatments, std::string_view concern) {
  Comparison out;
  out.skin = assessment.skin;
  out.concern = std::string(concern);
  for (const Treatment& t : treatments) {
    const TreatmentAssessment* a = assessment.find(t.id);
    if (!a || !clinic.offers(t.id) || (!concern.empty() && suit_level(t, concern) < 1)) continue;
    CompareRow row;
    row.treatment = &t;
    row.course = course_length(t, profile.concerns, clinic);
    row.price = session_price(t, clinic, areas_for(t, profile.concerns, clinic).areas);
    row.course_cost = course_purchases(row.course, row.price,
                                       clinic_terms_apply(row.price, clinic, t.id) ? packages_for(clinic, t.id, {})
                                                                                   : std::vector<const Package*>{});
    row.pih = pih_at(t, out.skin);
    row.verdict = a->verdict;
    row.wait = a->wait;
    row.reasons = fit_reasons(row, profile, out.skin);
    row.score = score_of(row, profile);
    out.rows.push_back(std::move(row));
  }
  auto before = [](const CompareRow& a, const CompareRow& b) {
    const FitGroup ga = fit_group(a.verdict), gb = fit_group(b.verdict);
    return ga != gb ? ga < gb : a.score > b.score;
  };
  std::stable_sort(out.rows.begin(), out.rows.end(), before);
  for (std::size_t i = 0; i < out.rows.size(); ++i)
    out.rows[i].rank = i > 0 && !before(out.rows[i - 1], out.rows[i]) ? out.rows[i - 1].rank : static_cast<int>(i) + 1;
  return out;
}

}  // namespace mn
