// Averaged structured perceptron over dense feature indices (training only).
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "core/ner/viterbi.h"

namespace newsdex::ner {

// A sentence as the trainer sees it: the dense feature indices of each token.
struct EncodedSentence {
  std::vector<uint32_t> features;
  std::vector<uint32_t> offsets;  // token i owns features[offsets[i], offsets[i + 1])
  std::vector<int> gold;
  std::size_t size() const { return gold.size(); }
};

class AveragedPerceptron {
 public:
  explicit AveragedPerceptron(std::size_t num_features);

  // Decodes with the current weights and, on a mistake, moves the weights towards the gold
  // sequence (Collins 2002).
  void train(const EncodedSentence& sentence);

  // The averaged weights (Daume's trick: w - u / c), which generalise much better than the
  // last ones.
  void averaged(std::vector<float>& weights, std::array<float, kTransitionSize>& transitions) const;

  static std::vector<int> decode(const EncodedSentence& sentence, const std::vector<float>& weights,
                                 const std::array<float, kTransitionSize>& transitions);

 private:
  void update(uint32_t row, int tag, int delta);
  void update_transition(int from, int to, int delta);

  // Integer weights keep training exact, so the same data gives the same model bytes.
  std::vector<int32_t> weights_;
  std::vector<int64_t> weighted_updates_;
  std::array<int32_t, kTransitionSize> transitions_{};
  std::array<int64_t, kTransitionSize> weighted_transition_updates_{};
  int64_t step_ = 1;
};

}  // namespace newsdex::ner
