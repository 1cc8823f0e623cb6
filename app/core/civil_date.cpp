#include "core/civil_date.hpp"

#include <cstdio>

namespace mn {

int days_from_civil(const Date& date) {
  const int y = date.year - (date.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;                                                  // [0, 399]
  const int doy = (153 * (date.month > 2 ? date.month - 3 : date.month + 9) + 2) / 5 + date.day - 1;  // [0, 365]
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                          // [0, 146096]
  return era * 146097 + doe - 719468;
}

Date civil_from_days(int days) {
  const int z = days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;                                          // [0, 146096]
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;     // [0, 399]
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                   // [0, 365]
  const int mp = (5 * doy + 2) / 153;                                        // [0, 11], March first
  const int month = mp < 10 ? mp + 3 : mp - 9;
  return {yoe + era * 400 + (month <= 2 ? 1 : 0), month, doy - (153 * mp + 2) / 5 + 1};
}

Date add_days(const Date& date, int days) { return civil_from_days(days_from_civil(date) + days); }

Date add_months(const Date& date, int months) {
  const int index = date.year * 12 + (date.month - 1) + months;  // months since year 0
  auto first_of = [](int i) { return Date{i / 12, i % 12 + 1, 1}; };
  const int length = days_between(first_of(index), first_of(index + 1));
  Date out = first_of(index);
  out.day = date.day < length ? date.day : length;
  return out;
}

int days_between(const Date& from, const Date& to) { return days_from_civil(to) - days_from_civil(from); }

bool same_day(const Date& a, const Date& b) { return a.year == b.year && a.month == b.month && a.day == b.day; }

std::string iso_date(const Date& date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

}  // namespace mn
