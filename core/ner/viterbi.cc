#include "viterbi.h"

#include <limits>
#include <vector>

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

// Scores and back pointers, kept per thread so that their capacity is reused across calls.
thread_local std::vector<float> t_score;
thread_local std::vector<int> t_back;

// One column of the trellis. Previous tags are visited in increasing order for every tag
// (ties go to the first, as always), but with the tag loop innermost and selects instead of
// branches: the comparisons are unpredictable and the inner loop vectorises. `legal` is the
// transition matrix with -inf where IOB2 forbids the transition: a forbidden or unreachable
// (score -inf) previous tag then yields -inf (or NaN), which never compares greater than
// `best`.
void step(const float* prev_score, const float* legal, const float* emissions, float* score,
          int* back) {
  constexpr float kNever = -std::numeric_limits<float>::infinity();
  float best[kNumTags];
  int best_prev[kNumTags];
  for (int t = 0; t < kNumTags; ++t) {
    best[t] = kNever;
    best_prev[t] = 0;
  }
  for (int p = 0; p < kNumTags; ++p) {
    float from = prev_score[p];
    const float* row = legal + p * kNumTags;
    for (int t = 0; t < kNumTags; ++t) {
      float s = from + row[t];
      bool better = s > best[t];
      best_prev[t] = better ? p : best_prev[t];
      best[t] = better ? s : best[t];
    }
  }
  for (int t = 0; t < kNumTags; ++t) {
    score[t] = best[t] == kNever ? kNever : best[t] + emissions[t];
    back[t] = best_prev[t];
  }
}

}  // namespace

std::vector<int> viterbi(const float* emissions, std::size_t n, const float* transitions) {
  std::vector<int> path(n);
  if (n == 0) return path;
  constexpr float kNever = -std::numeric_limits<float>::infinity();
  std::vector<float>& score = t_score;
  std::vector<int>& back = t_back;
  score.assign(n * kNumTags, kNever);
  back.assign(n * kNumTags, 0);
  const float* start = transitions + kNumTags * kNumTags;
  for (int t = 0; t < kNumTags; ++t) {
    if (kAllowed.allowed[kNumTags][t]) score[t] = emissions[t] + start[t];
  }
  float legal[kNumTags * kNumTags];
  for (int p = 0; p < kNumTags; ++p) {
    for (int t = 0; t < kNumTags; ++t) {
      legal[p * kNumTags + t] = kAllowed.allowed[p][t] ? transitions[p * kNumTags + t] : kNever;
    }
  }
  for (std::size_t i = 1; i < n; ++i) {
    step(&score[(i - 1) * kNumTags], legal, &emissions[i * kNumTags], &score[i * kNumTags],
         &back[i * kNumTags]);
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
