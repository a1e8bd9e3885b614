// The progress line of the first reconcile on a terminal: files done and total,
// docs/s and time left, redrawn in place at most ten times a second.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>

namespace newsdex {

class ProgressLine {
 public:
  explicit ProgressLine(std::FILE* out) : out_(out), start_(Clock::now()), last_(start_) {}
  ~ProgressLine() { finish(); }

  void update(std::size_t done, std::size_t total);
  // Clears the line so the summary prints on a clean one.
  void finish();

 private:
  using Clock = std::chrono::steady_clock;
  std::FILE* out_;
  Clock::time_point start_, last_;
  bool drawn_ = false;
};

}  // namespace newsdex
