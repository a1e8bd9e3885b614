#include "core/ner/viterbi.h"

#include <limits>
#include <vector>

namespace newsdex::ner {
namespace {

// Scores and back pointers, kept per thread so that their capacity is reused across calls.
thread_local std::vector<float> t_score;
thread_local std::vector<int> t_back;

// Scores tag t from the previous tags first..last, visited in increasing order. A later one
// wins only when strictly better, so ties go to the first, as they always have. An
// unreachable previous tag (score -inf) never compares greater, and a tag with no reachable
// predecessor keeps -inf and back pointer 0. `to` is the transition matrix transposed (row
// t: from every previous tag to t), so the candidates are contiguous.
inline void score_tag(const float* prev, const float* to, int t, int first, int last,
                      const float* emissions, float* score, int* back) {
  constexpr float kNever = -std::numeric_limits<float>::infinity();
  const float* row = to + t * kNumTags;
  float best = kNever;
  int best_prev = 0;
  for (int p = first; p <= last; ++p) {
    float s = prev[p] + row[p];
    bool better = s > best;
    best_prev = better ? p : best_prev;
    best = better ? s : best;
  }
  score[t] = best == kNever ? kNever : best + emissions[t];
  back[t] = best_prev;
}

// One column of the trellis. IOB2 lets O and B-X follow any tag, and I-X only B-X (the tag
// before it) or I-X, so the forbidden pairs are never scored: 53 candidates instead of 81,
// with fixed bounds the compiler unrolls.
void step(const float* prev, const float* to, const float* emissions, float* score, int* back) {
  score_tag(prev, to, kOutside, 0, kNumTags - 1, emissions, score, back);
  for (int type = 0; type < kNumTypes; ++type) {
    score_tag(prev, to, begin_tag(type), 0, kNumTags - 1, emissions, score, back);
  }
  for (int type = 0; type < kNumTypes; ++type) {
    int inside = inside_tag(type);
    score_tag(prev, to, inside, inside - 1, inside, emissions, score, back);
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
    if (transition_allowed(-1, t)) score[t] = emissions[t] + start[t];
  }
  float to[kNumTags * kNumTags];
  for (int p = 0; p < kNumTags; ++p) {
    for (int t = 0; t < kNumTags; ++t) to[t * kNumTags + p] = transitions[p * kNumTags + t];
  }
  for (std::size_t i = 1; i < n; ++i) {
    step(&score[(i - 1) * kNumTags], to, &emissions[i * kNumTags], &score[i * kNumTags],
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
