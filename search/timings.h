// Where one newsdex call spends its time, for --stats: named phases, each the time since
// the mark before it, from main() to the output. The dynamic loader and static
// initialisers run before main() and are not in it: that is what a whole-process timing
// (hyperfine) adds on top.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsdex {

class Timings {
 public:
  Timings();
  // Adds the time since the previous mark (or since construction) to `phase`; a phase
  // marked again (a retry after a concurrent commit) accumulates.
  void mark(std::string_view phase);
  // "4.21 ms in process (parse 0.30, open 0.52, match 1.10, ...)"
  std::string summary() const;

 private:
  using Clock = std::chrono::steady_clock;
  Clock::time_point start_;
  Clock::time_point last_;
  std::vector<std::pair<std::string, double>> phases_;  // in first-marked order, ms
};

}  // namespace newsdex
