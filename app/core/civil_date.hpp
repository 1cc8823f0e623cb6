#pragma once
// Calendar arithmetic on Date (core/format.hpp): day counts, adding days and months, ISO text. Pure C++17 (no
// <chrono> calendar, no clock): callers supply "today".
#include <string>

#include "core/format.hpp"

namespace mn {

// Days since 1970-01-01 (negative before it), proleptic Gregorian; H. Hinnant's days_from_civil algorithm.
int days_from_civil(const Date& date);
// The date `days` after 1970-01-01; the inverse of days_from_civil.
Date civil_from_days(int days);

Date add_days(const Date& date, int days);
// The same day of the month `months` later, or that month's last day when it is shorter (Jan 31 + 1 = Feb 28).
Date add_months(const Date& date, int months);
// Days from `from` to `to` (negative when `to` is earlier).
int days_between(const Date& from, const Date& to);
bool same_day(const Date& a, const Date& b);

// "2027-03-05" (four-digit year; dates are valid for years 1–9999).
std::string iso_date(const Date& date);

}  // namespace mn
