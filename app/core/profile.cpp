#include "core/profile.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/catalog.hpp"
#include "core/pricing.hpp"
#include "core/text.hpp"

namespace mn {
namespace {

constexpr int kMaxAge = 120;
constexpr int kMaxMonths = 600;
constexpr int kMaxWeeks = 1000;
constexpr int kMaxDowntimeDays = 365;
constexpr double kMaxBudget = 1e9;
constexpr std::size_t kMaxListEntries = 100;
constexpr std::size_t kQuotedChars = 40;

// Upper score of each band of the 8-item quiz, type I first (domain-facts §4.2).
constexpr std::array<int, 5> kQuizBandTops = {6, 12, 18, 24, 30};

std::string quote(std::string_view s) { return quoted_value(s, kQuotedChars); }

// "must be a whole number of weeks from 0 to 1000" (`unit` may be empty).
std::string whole_range(std::string_view unit, int min, int max) {
  return "must be a whole number" + (unit.empty() ? std::string() : " of " + std::string(unit)) + " from " +
         std::to_string(min) + " to " + std::to_string(max);
}

template <std::size_t N>
std::string joined(const std::array<std::string_view, N>& words) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i) out += (i == 0 ? "" : i + 1 == N ? " or " : ", ") + std::string(words[i]);
  return out;
}

// Reads the profile's JSON, collecting one issue per problem.
class Reader {
 public:
  std::vector<Issue> take() { return std::move(issues_); }

  void error(const std::string& pointer, std::string message) {
    add_capped(issues_, {Severity::error, pointer, std::move(message), {}}, unlisted_);
  }

  // The member, or nullptr when it is missing or null (an unknown answer).
  static const Json* answer(const Json& object, std::string_view key) {
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
  }

  template <std::size_t N>
  void only_keys(const Json& object, const std::string& pointer, const std::array<std::string_view, N>& keys) {
    for (const auto& [key, value] : object.items())
      if (!contains(keys, key))
        error(pointer_append(pointer, key), with_hint("unknown key " + quote(key), key, keys));
  }

  bool is_object(const Json& value, const std::string& pointer) {
    if (value.is_object()) return true;
    error(pointer, "must be an object");
    return false;
  }

  // The elements of an array (at most kMaxListEntries), or nothing after an error.
  using Elements = std::vector<std::pair<const Json*, std::string>>;  // each element with its pointer

  std::optional<Elements> elements(const Json& value, const std::string& pointer) {
    if (!value.is_array()) {
      error(pointer, "must be an array");
      return std::nullopt;
    }
    if (value.size() > kMaxListEntries) {
      error(pointer, "must have at most " + std::to_string(kMaxListEntries) + " entries");
      return std::nullopt;
    }
    Elements out;
    for (std::size_t i = 0; i < value.size(); ++i) out.emplace_back(&value[i], pointer_append(pointer, i));
    return out;
  }

  std::optional<int> whole(const Json& value, const std::string& pointer, int min, int max, std::string message) {
    if (value.is_number()) {
      const double v = value.get<double>();
      if (v == std::floor(v) && v >= min && v <= max) return static_cast<int>(v);
    }
    error(pointer, std::move(message));
    return std::nullopt;
  }

  std::optional<double> number(const Json& value, const std::string& pointer, double min, double max,
                               std::string message) {
    if (value.is_number()) {
      const double v = value.get<double>();
      if (std::isfinite(v) && v >= min && v <= max) return v;
    }
    error(pointer, std::move(message));
    return std::nullopt;
  }

  std::optional<bool> boolean(const Json& value, const std::string& pointer) {
    if (value.is_boolean()) return value.get<bool>();
    error(pointer, "must be true or false");
    return std::nullopt;
  }

  // One of `ids`, e.g. a condition id; `what` names the kind of id in messages.
  template <class Ids>
  std::optional<std::string> id(const Json& value, const std::string& pointer, const Ids& ids, std::string_view what) {
    if (!value.is_string()) {
      error(pointer, "must be a " + std::string(what) + " id (a string)");
      return std::nullopt;
    }
    const auto& s = value.get_ref<const std::string&>();
    if (std::find(ids.begin(), ids.end(), s) != ids.end()) return s;
    error(pointer, with_hint("unknown " + std::string(what) + " " + quote(s), s, ids));
    return std::nullopt;
  }

  // A required member of an entry object; reports it when missing.
  const Json* required(const Json& object, const std::string& pointer, std::string_view key) {
    const Json* value = answer(object, key);
    if (!value) error(pointer_append(pointer, key), "is required");
    return value;
  }

 private:
  std::vector<Issue> issues_;
  std::size_t unlisted_ = 0;
};

std::optional<QuizAnswers> read_quiz(Reader& r, const Json& value, const std::string& pointer) {
  const auto elements = r.elements(value, pointer);
  if (!elements) return std::nullopt;
  if (elements->size() != kQuizQuestions) {
    r.error(pointer,
            "must have " + std::to_string(kQuizQuestions) + " answers, found " + std::to_string(elements->size()));
    return std::nullopt;
  }
  QuizAnswers answers{};
  bool ok = true;
  for (std::size_t i = 0; i < kQuizQuestions; ++i) {
    const auto& [answer, p] = (*elements)[i];
    const auto v = r.whole(*answer, p, 0, kQuizMaxAnswer, whole_range("", 0, kQuizMaxAnswer));
    if (v) answers[i] = *v;
    ok = ok && v.has_value();
  }
  return ok ? std::optional<QuizAnswers>(answers) : std::nullopt;
}

// Reads every entry of a list with `read`; nullopt if the list or any entry is bad.
template <class T, class Read>
std::optional<std::vector<T>> read_entries(Reader& r, const Json& value, const std::string& pointer, Read&& read) {
  const auto elements = r.elements(value, pointer);
  if (!elements) return std::nullopt;
  std::vector<T> out;
  bool ok = true;
  for (const auto& [entry, p] : *elements) {
    auto item = read(r, *entry, p);
    if (item) out.push_back(std::move(*item));
    ok = ok && item.has_value();
  }
  return ok ? std::optional<std::vector<T>>(std::move(out)) : std::nullopt;
}

constexpr std::array<std::string_view, 3> kConcernKeys = {"id", "severity", "areas"};
constexpr std::array<std::string_view, 3> kMedicationKeys = {"id", "months_since_last_dose", "taking_now"};
constexpr std::array<std::string_view, 3> kProcedureKeys = {"id", "weeks_ago", "area"};
constexpr std::array<std::string_view, 2> kRangeKeys = {"min", "max"};

// How long ago: a whole number, or a range {"min": N, "max": M} (max optional: "more than N").
struct TimeAgo {
  int min = 0;
  std::optional<int> max;
  bool range = false;
};

std::optional<TimeAgo> read_time_ago(Reader& r, const Json& value, const std::string& pointer, std::string_view unit,
                                     int max_value) {
  const std::string message = whole_range(unit, 0, max_value);
  if (!value.is_object()) {
    if (!value.is_number()) {
      r.error(pointer, message + ", or a range {\"min\": N, \"max\": M}");
      return std::nullopt;
    }
    const auto v = r.whole(value, pointer, 0, max_value, message);
    if (!v) return std::nullopt;
    return TimeAgo{*v, *v, false};
  }
  r.only_keys(value, pointer, kRangeKeys);
  TimeAgo out;
  out.range = true;
  std::optional<int> min;
  if (const Json* v = r.required(value, pointer, "min")) min = r.whole(*v, pointer_append(pointer, "min"), 0, max_value, message);
  if (const Json* v = Reader::answer(value, "max")) {
    out.max = r.whole(*v, pointer_append(pointer, "max"), 0, max_value, message);
    if (!out.max) return std::nullopt;
  }
  if (!min) return std::nullopt;
  out.min = *min;
  if (out.max && *out.max < out.min) {
    r.error(pointer_append(pointer, "max"), "must be at least min (" + std::to_string(out.min) + ")");
    return std::nullopt;
  }
  return out;
}

std::optional<ConcernAnswer> read_concern(Reader& r, const Json& entry, const std::string& pointer) {
  if (!r.is_object(entry, pointer)) return std::nullopt;
  r.only_keys(entry, pointer, kConcernKeys);
  std::optional<std::string> id;
  std::optional<int> severity;
  if (const Json* v = r.required(entry, pointer, "id"))
    id = r.id(*v, pointer_append(pointer, "id"), kConcernIds, "concern");
  if (const Json* v = r.required(entry, pointer, "severity"))
    severity = r.whole(*v, pointer_append(pointer, "severity"), 1, 3, "must be 1, 2 or 3");
  std::optional<std::vector<std::string>> areas = std::vector<std::string>{};
  if (const Json* v = Reader::answer(entry, "areas")) {
    const std::string at = pointer_append(pointer, "areas");
    areas = read_entries<std::string>(r, *v, at, [](Reader& e, const Json& a, const std::string& p) -> std::optional<std::string> {
      if (!a.is_string()) {
        e.error(p, "must be an area id (a string)");
        return std::nullopt;
      }
      return a.get<std::string>();
    });
    // Which areas suit the concern is checked once its id is known.
    if (areas && id)
      if (const auto problem = check_concern_areas(*id, *areas)) {
        r.error(pointer_append(at, problem->index), problem->message);
        areas.reset();
      }
  }
  if (!id || !severity || !areas) return std::nullopt;
  return ConcernAnswer{*id, *severity, std::move(*areas)};
}

std::optional<MedicationAnswer> read_medication(Reader& r, const Json& entry, const std::string& pointer) {
  if (!r.is_object(entry, pointer)) return std::nullopt;
  r.only_keys(entry, pointer, kMedicationKeys);
  MedicationAnswer out;
  const Json* id = r.required(entry, pointer, "id");
  const auto known = id ? r.id(*id, pointer_append(pointer, "id"), kMedicationIds, "medication") : std::nullopt;
  const Json* months = Reader::answer(entry, "months_since_last_dose");
  const Json* now = Reader::answer(entry, "taking_now");
  const std::string months_pointer = pointer_append(pointer, "months_since_last_dose");
  const std::string now_pointer = pointer_append(pointer, "taking_now");
  if (known && *known != kIsotretinoin && (months || now)) {
    r.error(months ? months_pointer : now_pointer, "is only asked for isotretinoin");
    return std::nullopt;
  }
  if (now) {
    const auto taking = r.boolean(*now, now_pointer);
    if (!taking) return std::nullopt;
    out.taking_now = *taking;
    if (*taking && months) {
      r.error(now_pointer, "cannot be true beside months_since_last_dose (the last dose is still to come)");
      return std::nullopt;
    }
  }
  if (months) {
    const auto ago = read_time_ago(r, *months, months_pointer, "months", kMaxMonths);
    if (!ago) return std::nullopt;
    out.months_since_last_dose = ago->min;
    out.months_max = ago->max;
    out.months_range = ago->range;
  }
  if (!known) return std::nullopt;
  out.id = *known;
  return out;
}

std::optional<RecentProcedure> read_procedure(Reader& r, const Json& entry, const std::string& pointer) {
  if (!r.is_object(entry, pointer)) return std::nullopt;
  r.only_keys(entry, pointer, kProcedureKeys);
  RecentProcedure out;
  const Json* id = r.required(entry, pointer, "id");
  const auto known = id ? r.id(*id, pointer_append(pointer, "id"), kTreatmentIds, "treatment") : std::nullopt;
  if (const Json* weeks = Reader::answer(entry, "weeks_ago")) {
    const auto ago = read_time_ago(r, *weeks, pointer_append(pointer, "weeks_ago"), "weeks", kMaxWeeks);
    if (!ago) return std::nullopt;
    out.weeks_ago = ago->min;
    out.weeks_max = ago->max;
    out.weeks_range = ago->range;
  }
  if (const Json* area = Reader::answer(entry, "area")) {
    out.area = r.id(*area, pointer_append(pointer, "area"), kAreaIds, "area");
    if (!out.area) return std::nullopt;
  }
  if (!known) return std::nullopt;
  out.id = *known;
  return out;
}

void check_concerns_unique(Reader& r, const std::vector<ConcernAnswer>& concerns) {
  for (std::size_t i = 0; i < concerns.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (concerns[i].id == concerns[j].id)
        r.error("/concerns/" + std::to_string(i) + "/id", quote(concerns[i].id) + " is listed twice");
}

// Reads one optional top-level answer with `read` (Reader&, const Json&, pointer) into `dst`.
template <class T, class Read>
void read_answer(Reader& r, const Json& root, std::string_view key, std::optional<T>& dst, Read&& read) {
  if (const Json* value = Reader::answer(root, key)) dst = read(r, *value, "/" + std::string(key));
}

void read_root(Reader& r, const Json& root, Profile& p) {
  r.only_keys(root, "", kProfileKeys);
  read_answer(r, root, "age", p.age, [](Reader& rd, const Json& v, const std::string& ptr) {
    return rd.whole(v, ptr, 0, kMaxAge, whole_range("", 0, kMaxAge));
  });
  read_answer(r, root, "fitzpatrick", p.fitzpatrick, [](Reader& rd, const Json& v, const std::string& ptr) {
    return rd.whole(v, ptr, 1, 6, whole_range("", 1, 6));
  });
  read_answer(r, root, "fitzpatrick_quiz", p.fitzpatrick_quiz, read_quiz);
  if (const Json* concerns = r.required(root, "", "concerns")) {
    if (auto list = read_entries<ConcernAnswer>(r, *concerns, "/concerns", read_concern)) {
      check_concerns_unique(r, *list);
      p.concerns = std::move(*list);
    }
  }
  read_answer(r, root, "conditions", p.conditions, [](Reader& rd, const Json& v, const std::string& ptr) {
    return read_entries<std::string>(rd, v, ptr, [](Reader& e, const Json& id, const std::string& at) {
      return e.id(id, at, kConditionIds, "condition");
    });
  });
  read_answer(r, root, "medications", p.medications, [](Reader& rd, const Json& v, const std::string& ptr) {
    return read_entries<MedicationAnswer>(rd, v, ptr, read_medication);
  });
  read_answer(r, root, "pregnant_or_breastfeeding", p.pregnant_or_breastfeeding,
              [](Reader& rd, const Json& v, const std::string& ptr) { return rd.boolean(v, ptr); });
  read_answer(r, root, "recent_procedures", p.recent_procedures, [](Reader& rd, const Json& v, const std::string& ptr) {
    return read_entries<RecentProcedure>(rd, v, ptr, read_procedure);
  });
  read_answer(r, root, "sun", p.sun, [](Reader& rd, const Json& v, const std::string& ptr) -> std::optional<Sun> {
    const auto it = v.is_string() ? std::find(kSunValues.begin(), kSunValues.end(), v.get_ref<const std::string&>())
                                  : kSunValues.end();
    if (it != kSunValues.end()) return static_cast<Sun>(it - kSunValues.begin());
    rd.error(ptr, "must be one of " + joined(kSunValues));
    return std::nullopt;
  });
  read_answer(r, root, "max_downtime_days", p.max_downtime_days, [](Reader& rd, const Json& v, const std::string& ptr) {
    return rd.whole(v, ptr, 0, kMaxDowntimeDays, whole_range("days", 0, kMaxDowntimeDays));
  });
  read_answer(r, root, "areas", p.areas, [](Reader& rd, const Json& v, const std::string& ptr) {
    return read_entries<std::string>(rd, v, ptr, [](Reader& e, const Json& id, const std::string& at) {
      return e.id(id, at, kAreaIds, "area");
    });
  });
  read_answer(r, root, "budget", p.budget, [](Reader& rd, const Json& v, const std::string& ptr) {
    return rd.number(v, ptr, 0, kMaxBudget, "must be a number from 0 to " + number_text(kMaxBudget));
  });
}

}  // namespace

std::optional<int> fitzpatrick_for_quiz_score(int score) {
  if (score < 0 || score > kQuizMaxScore) return std::nullopt;
  const auto band = std::lower_bound(kQuizBandTops.begin(), kQuizBandTops.end(), score);
  return static_cast<int>(band - kQuizBandTops.begin()) + 1;
}

std::optional<int> quiz_score(const QuizAnswers& answers) {
  const bool valid = std::all_of(answers.begin(), answers.end(), [](int a) { return a >= 0 && a <= kQuizMaxAnswer; });
  if (!valid) return std::nullopt;
  return std::accumulate(answers.begin(), answers.end(), 0);
}

bool areas_overlap(std::string_view a, std::string_view b) {
  if (a == b) return true;
  const auto part_of_face = [](std::string_view x) { return x == "lips" || x == "eyes"; };
  return (a == "face" && part_of_face(b)) || (b == "face" && part_of_face(a));
}

bool Profile::has_condition(std::string_view id) const {
  return conditions && std::find(conditions->begin(), conditions->end(), id) != conditions->end();
}

std::string_view skin_type_source_name(SkinTypeSource source) {
  switch (source) {
    case SkinTypeSource::explicit_answer: return "explicit";
    case SkinTypeSource::quiz: return "quiz";
    case SkinTypeSource::unknown: break;
  }
  return "unknown";
}

SkinType skin_type(const Profile& profile) {
  SkinType out;
  if (profile.fitzpatrick_quiz) {
    out.quiz_score = quiz_score(*profile.fitzpatrick_quiz);
    if (out.quiz_score) out.quiz_type = fitzpatrick_for_quiz_score(*out.quiz_score);
  }
  if (profile.fitzpatrick) {
    out.type = profile.fitzpatrick;
    out.source = SkinTypeSource::explicit_answer;
  } else if (out.quiz_type) {
    out.type = out.quiz_type;
    out.source = SkinTypeSource::quiz;
  }
  return out;
}

ProfileParse read_profile(const Json& json) {
  ProfileParse out;
  Reader r;
  if (json.is_object()) read_root(r, json, out.profile);
  else r.error("", "must be a JSON object");
  out.issues = r.take();
  if (!out.ok()) out.profile = Profile{};
  return out;
}

ProfileParse parse_profile(std::string_view json_text) {
  const ParsedJson parsed = parse_json(json_text);
  if (!parsed.ok()) return {Profile{}, {{Severity::error, parsed.pointer, parsed.error, {}}}};
  return read_profile(parsed.value);
}

std::string format_profile_issue(const Issue& issue) { return display_pointer(issue.pointer) + ": " + issue.message; }

}  // namespace mn
