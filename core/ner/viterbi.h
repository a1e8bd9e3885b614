// Best IOB2 tag sequence under a first-order model.
#pragma once

#include <cstddef>
#include <vector>

#include "core/ner/tags.h"

namespace newsdex::ner {

// Rows 0..8 of the transition matrix are the previous tag, row 9 the sentence start.
inline constexpr int kTransitionRows = kNumTags + 1;
inline constexpr int kTransitionSize = kTransitionRows * kNumTags;

// `emissions` holds n rows of kNumTags scores. Transitions that IOB2 forbids (O -> I-X,
// B-PER -> I-LOC, ...) are never chosen, so the output is always well formed.
std::vector<int> viterbi(const float* emissions, std::size_t n, const float* transitions);

}  // namespace newsdex::ner
