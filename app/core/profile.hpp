#pragma once
// A person's answers to the candidacy questions (docs/candidacy.md): the one profile contract shared by the app,
// the `navigator assess` command and the JavaScript API. A missing answer stays unknown, never "fine".
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/issues.hpp"
#include "core/json_parse.hpp"

namespace mn {

inline constexpr std::array<std::string_view, 31> kConditionIds = {
    "active_acne",       "active_infection", "active_cold_sore",  "cold_sores_history", "eczema_active",
    "psoriasis_active",  "rosacea_active",   "dermatitis_active", "open_wounds",        "keloid_tendency",
    "bleeding_disorder", "autoimmune_skin",  "vitiligo",          "diabetes_uncontrolled", "immunosuppressed",
    "skin_cancer_or_suspicious_lesion", "anesthetic_allergy", "metal_allergy", "implanted_electronic_device",
    "sunburn",
    // issue 15: what the injectables' labels, deep peels, RF devices and PRP screen for
    "neuromuscular_disorder", "toxin_allergy", "severe_allergies_anaphylaxis", "gram_positive_protein_allergy",
    "autoimmune_systemic", "heart_liver_kidney_disease", "radiation_to_area", "recent_facial_surgery",
    "metal_implants_or_gold_threads", "low_platelets_or_anemia", "cancer_treatment"};

inline constexpr std::array<std::string_view, 8> kMedicationIds = {
    "isotretinoin", "anticoagulant", "immunosuppressant", "topical_retinoid", "photosensitizing",
    "antiplatelet_or_nsaid", "aminoglycoside", "systemic_steroid"};

// Body areas a recent injection (and the treatment now) may concern. "face" takes in "lips" and "eyes".
inline constexpr std::array<std::string_view, 6> kAreaIds = {"face", "lips", "eyes", "neck", "scalp", "body"};
// Whether two areas overlap (the same area, or the face and a part of it).
bool areas_overlap(std::string_view a, std::string_view b);

// The only medication whose timing is asked for (months_since_last_dose).
inline constexpr std::string_view kIsotretinoin = "isotretinoin";

// Recent sun exposure, in increasing order of concern.
enum class Sun { normal, tanned, sunburned };
inline constexpr std::array<std::string_view, 3> kSunValues = {"normal", "tanned", "sunburned"};

// The profile's top-level keys, in the order of the contract.
inline constexpr std::array<std::string_view, 12> kProfileKeys = {
    "age", "fitzpatrick", "fitzpatrick_quiz", "concerns", "conditions", "medications", "pregnant_or_breastfeeding",
    "recent_procedures", "sun", "max_downtime_days", "budget", "areas"};

// ---------------------------------------------------------------- Skin Cancer Foundation self-assessment
// The 8-item version (domain-facts §4.2, source ref_fitzpatrick): 8 answers scored 0–4, 0–32 in all.
// Bands: 0–6 I and 7–12 II are confirmed; III 13–18, IV 19–24, V 25–30, VI 31+ follow the same 6-point steps
// but are UNCONFIRMED in the source.
inline constexpr std::size_t kQuizQuestions = 8;
inline constexpr int kQuizMaxAnswer = 4;
inline constexpr int kQuizMaxScore = static_cast<int>(kQuizQuestions) * kQuizMaxAnswer;
using QuizAnswers = std::array<int, kQuizQuestions>;

// The phototype (1–6) for a quiz score; nullopt outside 0–32.
std::optional<int> fitzpatrick_for_quiz_score(int score);
// The sum of the answers; nullopt if any answer is outside 0–4.
std::optional<int> quiz_score(const QuizAnswers& answers);

// ---------------------------------------------------------------- the profile
struct ConcernAnswer {
  std::string id;    // a concern id of catalog.hpp
  int severity = 1;  // 1 mild, 2 moderate, 3 severe
  // The areas to treat for it, as clinics price them (pricing.hpp's area ids, concern_area_choices); empty: the
  // default for the concern. Not the candidacy's body areas (Profile::areas, kAreaIds), which ask where skin is
  // treated for the rules (e.g. a recent procedure on the same area).
  std::vector<std::string> areas = {};
};

// Times are whole weeks or months ago. An answer may be a range ({"min": 3, "max": 6}: a questionnaire bucket
// such as "3-6 months ago"); the rules then count its least favourable end, `min`, and say "up to".
struct MedicationAnswer {
  std::string id;                                 // one of kMedicationIds
  std::optional<int> months_since_last_dose;      // isotretinoin only; the range's lower end; nullopt: not said
  std::optional<int> months_max;                  // a range's upper end (nullopt: open, "more than min")
  bool months_range = false;                      // the answer was a range
  bool taking_now = false;                        // isotretinoin only: still taking it (the wait has not started)
};

struct RecentProcedure {
  std::string id;                 // a treatment id
  std::optional<int> weeks_ago;   // the range's lower end; nullopt: not said
  std::optional<int> weeks_max;   // a range's upper end (nullopt: open)
  bool weeks_range = false;       // the answer was a range
  std::optional<std::string> area;  // one of kAreaIds; nullopt: not said (counts as every area)
};

struct Profile {
  std::optional<int> age;
  std::optional<int> fitzpatrick;  // 1–6, as the person chose it
  std::optional<QuizAnswers> fitzpatrick_quiz;
  std::vector<ConcernAnswer> concerns;
  // For the lists below, nullopt means the question was not answered; an empty list means "none".
  std::optional<std::vector<std::string>> conditions;
  std::optional<std::vector<MedicationAnswer>> medications;
  std::optional<bool> pregnant_or_breastfeeding;
  std::optional<std::vector<RecentProcedure>> recent_procedures;
  std::optional<Sun> sun;
  std::optional<int> max_downtime_days;  // read for the planner; candidacy does not use it
  std::optional<double> budget;          // read for the planner; candidacy does not use it
  // The areas the person wants treated (kAreaIds); nullopt: not said (counts as every area).
  std::optional<std::vector<std::string>> areas;

  bool has_condition(std::string_view id) const;
};

// Where the skin type used comes from.
enum class SkinTypeSource { explicit_answer, quiz, unknown };
std::string_view skin_type_source_name(SkinTypeSource source);  // "explicit", "quiz", "unknown"

struct SkinType {
  std::optional<int> type;  // 1–6; nullopt when unknown
  SkinTypeSource source = SkinTypeSource::unknown;
  std::optional<int> quiz_score, quiz_type;  // when quiz answers were given
  bool explicit_overrides_quiz() const { return source == SkinTypeSource::explicit_answer && quiz_type.has_value(); }
};

// The explicit type when given (it wins over the quiz), else the quiz's, else unknown.
SkinType skin_type(const Profile& profile);

struct ProfileParse {
  Profile profile;            // meaningful only when ok()
  std::vector<Issue> issues;  // every one an error, at the value's JSON pointer
  bool ok() const { return issues.empty(); }
};

// Reads a profile. Never throws: text that is not JSON, a wrong type, an unknown id or key, a value out of range
// each give an issue. `null` counts as a missing answer.
ProfileParse parse_profile(std::string_view json_text);
// The same for an already parsed document (e.g. one object of a larger request).
ProfileParse read_profile(const Json& json);

// "POINTER: MESSAGE", with "(root)" for the whole document.
std::string format_profile_issue(const Issue& issue);

}  // namespace mn
