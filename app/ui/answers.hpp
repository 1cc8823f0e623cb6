#pragma once
// The questionnaire's answers as the screens hold them (with "not sure" as a real answer), and their
// translation into the shared profile contract (core/profile.hpp). No ImGui here.
#include <array>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/profile.hpp"

namespace mn::ui {

// A question answered with a choice from a list, or not (yet) answered, or "not sure".
inline constexpr int kUnanswered = -1;
inline constexpr int kNotSure = -2;

// Choices offered for questions that take a number (their labels are in ui.json).
// under 18, 18–29, 30–44, 45–59, 60+. "18–29" counts as 18, its least favourable end: it cannot tell 20 from 21, and
// most HA fillers are approved from 21 (rule age.filler), so the whole bucket gets that precaution.
inline constexpr std::array<int, 5> kAgeChoices = {16, 18, 37, 52, 67};
// A bucket of time ago, counted as its least favourable (most recent) end; max < 0: open ("more than min").
struct AgoBucket {
  int min, max;
};
// Isotretinoin: choice 0 is "I take it now" (the wait has not started); then <3, 3–6, 6–12, >12 months.
inline constexpr int kIsotretinoinNow = 0;
inline constexpr std::array<AgoBucket, 5> kIsotretinoinMonths = {{{0, 0}, {0, 3}, {3, 6}, {6, 12}, {12, -1}}};
// <2 w, 2–4 w, 1–3 m, 3–6 m, 6–12 m, >1 y, in weeks.
inline constexpr std::array<AgoBucket, 6> kProcedureWeeks = {{{0, 2}, {2, 4}, {4, 13}, {13, 26}, {26, 52}, {52, -1}}};
inline constexpr std::array<int, 5> kDowntimeDays = {0, 2, 5, 10, 21};              // none, 1–2, up to 5, up to 10, more
inline constexpr std::array<double, 5> kBudgets = {500, 1000, 2000, 4000, 8000};

// A list question: nothing ticked yet, "none of these", some ticked, or "not sure".
struct ListAnswer {
  enum class State { unanswered, none, some, not_sure } state = State::unanswered;
  std::map<std::string, int> picked;  // id → extra choice index (timing), kUnanswered until chosen

  bool has(const std::string& id) const { return picked.count(id) != 0; }
  void toggle(const std::string& id);
};

struct Answers {
  int age = kUnanswered;        // index into kAgeChoices
  int pregnant = kUnanswered;   // 0 no, 1 yes
  int skin_mode = kUnanswered;  // 0 pick a type, 1 quiz
  int fitzpatrick = kUnanswered;                // 1–6
  std::array<int, kQuizQuestions> quiz;         // 0–4 each, kUnanswered until answered
  std::map<std::string, int> concerns;          // concern id → severity 1–3
  // concern id → the areas picked for it (pricing area ids, core/pricing.hpp); none: the concern's default.
  std::map<std::string, std::vector<std::string>> concern_areas;
  ListAnswer conditions, medications, procedures;
  std::map<std::string, int> procedure_areas;  // injectable id → index into kAreaIds (where it was injected)
  int sun = kUnanswered;       // index into kSunValues
  int downtime = kUnanswered;  // index into kDowntimeDays; kNotSure = no limit
  int budget = kUnanswered;    // index into kBudgets; kNotSure = rather not say

  Answers() { quiz.fill(kUnanswered); }
  bool quiz_complete() const;
  // The profile these answers describe; unanswered and "not sure" both become unknown. The body areas the rules
  // read (Profile::areas) come from each concern's picked areas (the face and neck, the chest, the scalp, the body),
  // else from the concern: hair loss the scalp, stretch marks the body, every other concern the face and neck.
  Profile profile() const;
};

}  // namespace mn::ui
