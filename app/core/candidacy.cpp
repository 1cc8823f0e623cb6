#include "core/candidacy.hpp"

#include <algorithm>
#include <limits>

namespace mn {
namespace {


// One profile entry that sets a trigger off.
struct Match {
  std::string_view subject;      // condition, medication or procedure id; empty for other triggers
  std::optional<int> elapsed;    // in the trigger's unit; nullopt when the profile does not say (a range's lower end)
  std::optional<int> elapsed_max;  // a range's upper end
  bool range = false;            // the answer was a range
  bool ongoing = false;          // still taking the medicine: the window has not started
  const std::optional<std::string>* area = nullptr;  // a procedure's area (nullopt: not said)
};

// Whether a recent procedure's area overlaps what the person wants treated; anything not said overlaps.
bool overlaps(const Profile& p, const Match& m) {
  if (!m.area || !*m.area || !p.areas) return true;
  return std::any_of(p.areas->begin(), p.areas->end(), [&](const std::string& a) { return areas_overlap(a, **m.area); });
}

// What the profile knows for a field of kAnswerableFields.
bool answered(const Profile& p, const SkinType& skin, std::string_view field) {
  if (field == "age") return p.age.has_value();
  if (field == "fitzpatrick") return skin.type.has_value();
  if (field == "conditions") return p.conditions.has_value();
  if (field == "medications") return p.medications.has_value();
  if (field == "pregnant_or_breastfeeding") return p.pregnant_or_breastfeeding.has_value();
  if (field == "recent_procedures") return p.recent_procedures.has_value();
  return p.sun.has_value();  // "sun"
}

bool pih_varies(const Treatment& t) {
  return std::any_of(t.pih_risk.begin(), t.pih_risk.end(), [&](PihRisk r) { return r != t.pih_risk.front(); });
}

std::string_view pih_level(const Treatment& t, int fitzpatrick) {
  return kPihRiskNames[static_cast<std::size_t>(t.pih_risk[static_cast<std::size_t>(fitzpatrick - 1)])];
}

// Calls `f(Match)` for every profile entry that makes `trigger` apply to `treatment`.
template <class F>
void for_each_match(const Trigger& trigger, const Profile& p, const SkinType& skin, const Treatment& treatment, F&& f) {
  using Kind = Trigger::Kind;
  switch (trigger.kind) {
    case Kind::condition:
      if (p.has_condition(trigger.value)) f(Match{trigger.value, std::nullopt, std::nullopt, false, false, nullptr});
      return;
    case Kind::medication:
      if (p.medications)
        for (const MedicationAnswer& m : *p.medications)
          if (m.id == trigger.value)
            f(Match{m.id, m.taking_now ? std::nullopt : m.months_since_last_dose, m.months_max, m.months_range,
                    m.taking_now, nullptr});
      return;
    case Kind::procedure:
      if (p.recent_procedures)
        for (const RecentProcedure& r : *p.recent_procedures)
          if (r.id == trigger.value) f(Match{r.id, r.weeks_ago, r.weeks_max, r.weeks_range, false, &r.area});
      return;
    case Kind::sun:
      if (p.sun && kSunValues[static_cast<std::size_t>(*p.sun)] == trigger.value) f(Match{});
      return;
    case Kind::pregnant:
      if (p.pregnant_or_breastfeeding.value_or(false)) f(Match{});
      return;
    case Kind::age_under:
      if (p.age && *p.age < trigger.number) f(Match{});
      return;
    case Kind::pih_risk:
      if (skin.type && pih_level(treatment, *skin.type) == trigger.value) f(Match{});
      return;
    case Kind::unknown:
      if (!answered(p, skin, trigger.value) && (trigger.value != "fitzpatrick" || pih_varies(treatment))) f(Match{});
      return;
  }
}

// The length of an effect's window for a treatment; zero means closed.
Duration window_length(const Window& window, std::string_view treatment, const ClinicConfig& clinic) {
  if (window.kind == Window::Kind::fixed) return window.length;
  const TreatmentSettings* settings = clinic.treatment(treatment);
  return {settings ? settings->isotretinoin_wait_months : 0, TimeUnit::months};
}

// The reason one effect gives for one match, or nothing when its window has closed.
std::optional<Reason> apply(const Rule& rule, const Effect& effect, const Trigger& trigger, const Match& match,
                            std::string_view treatment, const Profile& profile, const ClinicConfig& clinic) {
  Reason r;
  r.rule = &rule;
  r.effect = &effect;
  r.verdict = effect.verdict;
  r.trigger = trigger.kind;
  r.subject = std::string(match.subject);
  if (effect.same_area && !overlaps(profile, match)) return std::nullopt;
  if (!effect.within) return r;
  const Duration length = window_length(*effect.within, treatment, clinic);
  // A range counts as its least favourable end: the most recent time it allows.
  if (length.amount <= 0 || (match.elapsed && *match.elapsed >= length.amount)) return std::nullopt;
  r.window = length;
  r.ongoing = match.ongoing;
  if (match.elapsed) {
    r.elapsed = Duration{*match.elapsed, length.unit};
    r.range = match.range;
    if (match.range) r.elapsed_max = match.elapsed_max;
    if (r.verdict == Verdict::defer) r.wait = Duration{length.amount - *match.elapsed, length.unit};
  }
  return r;
}

// How long a reason holds a treatment back, for choosing between reasons of equal verdict: an unknown time
// (a timed rule whose date the profile does not give) counts as the longest.
double hold(const Reason& r) {
  if (r.window && !r.elapsed) return std::numeric_limits<double>::infinity();
  return r.wait ? r.wait->in_weeks() : 0.0;
}

bool worse(const Reason& a, const Reason& b) {
  if (a.verdict != b.verdict) return a.verdict > b.verdict;
  return hold(a) > hold(b);
}

// A rule's one reason for a treatment: the worst of every effect naming it and every match.
std::optional<Reason> evaluate(const Rule& rule, const Treatment& treatment, const Profile& profile,
                               const SkinType& skin, const ClinicConfig& clinic) {
  std::optional<Reason> best;
  for (const Trigger& trigger : rule.when)
    for_each_match(trigger, profile, skin, treatment, [&](const Match& match) {
      for (const Effect& effect : rule.effects)
        if (effect.names(treatment.id))
          if (auto r = apply(rule, effect, trigger, match, treatment.id, profile, clinic); r && (!best || worse(*r, *best)))
            best = std::move(r);
    });
  return best;
}

// The longest wait when every deferring reason knows it; nothing otherwise. `up_to`: it comes from a range.
std::optional<Duration> overall_wait(const std::vector<Reason>& reasons, bool& up_to) {
  std::optional<Duration> longest;
  up_to = false;
  for (const Reason& r : reasons) {
    if (r.verdict != Verdict::defer) continue;
    if (!r.wait) {
      up_to = false;
      return std::nullopt;
    }
    if (!longest || r.wait->in_weeks() > longest->in_weeks()) {
      longest = r.wait;
      up_to = r.range;
    }
  }
  return longest;
}

TreatmentAssessment assess_treatment(const Treatment& treatment, const Profile& profile, const SkinType& skin,
                                     const ClinicConfig& clinic, const CandidacyRules& rules) {
  TreatmentAssessment out;
  out.treatment = &treatment;
  out.offered = clinic.offers(treatment.id);
  for (const Rule& rule : rules.rules())
    if (auto reason = evaluate(rule, treatment, profile, skin, clinic)) out.reasons.push_back(std::move(*reason));
  std::stable_sort(out.reasons.begin(), out.reasons.end(),
                   [](const Reason& a, const Reason& b) { return a.verdict > b.verdict; });
  if (!out.reasons.empty()) out.verdict = out.reasons.front().verdict;
  if (out.verdict == Verdict::defer) out.wait = overall_wait(out.reasons, out.wait_up_to);
  for (const ConcernAnswer& c : profile.concerns) {
    const auto it = treatment.suits.find(c.id);
    out.concern_fit.emplace_back(c.id, it == treatment.suits.end() ? 0 : it->second);
  }
  return out;
}

}  // namespace

const TreatmentAssessment* Assessment::find(std::string_view treatment_id) const {
  const auto it = std::find_if(treatments.begin(), treatments.end(),
                               [&](const TreatmentAssessment& t) { return t.treatment->id == treatment_id; });
  return it == treatments.end() ? nullptr : &*it;
}

Assessment assess(const Profile& profile, const ClinicConfig& clinic, const CandidacyRules& rules,
                  const Content& content) {
  Assessment out;
  out.skin = skin_type(profile);
  for (const Treatment& t : content.treatments())
    out.treatments.push_back(assess_treatment(t, profile, out.skin, clinic, rules));
  return out;
}

}  // namespace mn
