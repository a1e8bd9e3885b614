#include "viterbi.h"

#include <limits>

namespace newsdex::ner {
namespace {

struct AllowedTransitions {
  bool allowed[kTransitionRows][kNumTags];
  AllowedTransitions() {
    for (int p = 0; p < kTransitionRows; ++p) {
      for (int t = 0; t < kNumTags; ++t)
        allowed[p][t] = transition_allowed(p == kNumTags ? -1 : p, t);
    }
  }
};
const AllowedTransitions kAllowed;

}  // namespace

std::vector<int> viterbi(const float* emissions, std::size_t n, const float* transitions) {
  std::vector<int> path(n);
  if (n == 0) return path;
  constexpr float kNever = -std::numeric_limits<float>::infinity();
  std::vector<float> score(n * kNumTags, kNever);
  std::vector<int> back(n * kNumTags, 0);
  const float* start = transitions + kNumTags * kNumTags;
  for (int t = 0; t < kNumTags; ++t) {
    if (kAllowed.allowed[kNumTags][t]) score[t] = emissions[t] + start[t];
  }
  for (std::size_t i = 1; i < n; ++i) {
    const float* prev_score = &score[(i - 1) * kNumTags];
    for (int t = 0; t < kNumTags; ++t) {
      float best = kNever;
      int best_prev = 0;
      for (int p = 0; p < kNumTags; ++p) {
        if (!kAllowed.allowed[p][t] || prev_score[p] == kNever) continue;
        float s = prev_score[p] + transitions[p * kNumTags + t];
        if (s > best) {
          best = s;
          best_prev = p;
        }
      }
      score[i * kNumTags + t] = best == kNever ? kNever : best + emissions[i * kNumTags + t];
      back[i * kNumTags + t] = best_prev;
    }
  }
  int best = 0;
  for (int t = 1; t < kNumTags; ++t) {
    if (score[(n - 1) * kNumTags + t] > score[(n - 1) * kNumTags + best]) best = t;
  }
  for (std::size_t i = n; i-- > 0;) {
    path[i] = best;
    best = back[i * kNumTags + best];
  }
  return path;
}

}  // namespace newsdex::ner
