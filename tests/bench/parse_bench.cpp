// Parse time against the number of object keys (issue 20: "parsers that stay linear"). Prints a table:
//   keys   the number of keys in the document
//   old    nlohmann::ordered_json::parse of one flat object (the parser before: each key found by a linear search
//          of its object, so quadratic); measured up to 16k keys, where it already takes seconds
//   flat   parse_json of the same flat object (refused past kMaxJsonObjectMembers members: the time to refuse)
//   split  parse_json of the keys in objects of kMaxJsonObjectMembers (2000), the most one object may hold (every
//          document here is within the 1 MiB limit)
//   assess assess_json of a profile with the flat object's keys as (unknown) members: the JavaScript API's worst
//          case, parsing plus one error per key
// Times are milliseconds, the best of 5 runs. Usage: parse_bench [MAX_KEYS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>

#include "core/candidacy_json.hpp"
#include "core/json_parse.hpp"

namespace {

// Three characters from 62: distinct for i < 238328.
std::string key(std::size_t i) {
  static const char kChars[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  std::string k(3, '0');
  for (std::size_t d = 0; d < 3; ++d, i /= 62) k[2 - d] = kChars[i % 62];
  return k;
}

std::string flat(std::size_t n, const std::string& head = "") {
  std::string out = "{" + head;
  for (std::size_t i = 0; i < n; ++i) out += (i || !head.empty() ? ",\"" : "\"") + key(i) + "\":0";
  return out + "}";
}

std::string split(std::size_t n, std::size_t per) {
  std::string out = "{";
  for (std::size_t done = 0, o = 0; done < n; ++o) {
    const std::size_t count = std::min(per, n - done);
    out += (o ? ",\"o" : "\"o") + std::to_string(o) + "\":" + flat(count);
    done += count;
  }
  return out + "}";
}

double best_ms(const std::function<void()>& work) {
  double best = 1e300;
  for (int run = 0; run < 5; ++run) {
    const auto t0 = std::chrono::steady_clock::now();
    work();
    best = std::min(best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t max_keys = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 130000;
  std::printf("%8s %10s %12s %10s %10s %10s\n", "keys", "bytes", "old", "flat", "split", "assess");
  for (std::size_t n : {1000, 2000, 4000, 8000, 10000, 16000, 32000, 65000, 100000, 130000}) {
    if (n > max_keys) break;
    const std::string one = flat(n), many = split(n, mn::kMaxJsonObjectMembers);
    const std::string profile = flat(n, R"("concerns": [])");
    char old[32] = "-";
    if (n <= 16000)
      std::snprintf(old, sizeof old, "%.1f", best_ms([&] { const mn::Json j = mn::Json::parse(one); (void)j; }));
    bool flat_ok = true, split_ok = true;
    const double t_flat = best_ms([&] { flat_ok = mn::parse_json(one).ok(); });
    const double t_split = best_ms([&] { split_ok = mn::parse_json(many).ok(); });
    const double t_assess = best_ms([&] { (void)mn::assess_json(profile, mn::Lang::en, mn::builtin_clinic_config()); });
    if (!split_ok) {
      std::fprintf(stderr, "parse_bench: %zu keys in objects of %zu were refused\n", n, mn::kMaxJsonObjectMembers);
      return 1;
    }
    std::printf("%8zu %10zu %12s %9.1f%s %10.1f %10.1f\n", n, many.size(), old, t_flat, flat_ok ? " " : "r", t_split,
                t_assess);
  }
  std::printf("r: refused (more than %zu members in one object); the time is the time to refuse\n",
              mn::kMaxJsonObjectMembers);
  return 0;
}
