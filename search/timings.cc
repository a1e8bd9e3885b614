#include "search/timings.h"

#include <cstdio>

namespace newsdex {

Timings::Timings() : start_(Clock::now()), last_(start_) {}

void Timings::mark(std::string_view phase) {
  const Clock::time_point now = Clock::now();
  const double ms = std::chrono::duration<double, std::milli>(now - last_).count();
  last_ = now;
  for (auto& [name, total] : phases_) {
    if (name == phase) {
      total += ms;
      return;
    }
  }
  phases_.emplace_back(std::string(phase), ms);
}

std::string Timings::summary() const {
  const double total = std::chrono::duration<double, std::milli>(last_ - start_).count();
  char number[32];
  std::snprintf(number, sizeof number, "%.2f", total);
  std::string out = std::string(number) + " ms in process (";
  for (std::size_t i = 0; i < phases_.size(); ++i) {
    std::snprintf(number, sizeof number, "%.2f", phases_[i].second);
    out += (i ? ", " : "") + phases_[i].first + " " + number;
  }
  return out + ")";
}

}  // namespace newsdex
