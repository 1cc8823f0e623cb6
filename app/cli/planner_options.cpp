#include "cli/planner_options.hpp"

#include <ctime>

namespace mn::cli {

Date today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

}  // namespace mn::cli
