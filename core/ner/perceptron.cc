#include "core/ner/perceptron.h"

namespace newsdex::ner {

AveragedPerceptron::AveragedPerceptron(std::size_t num_features)
    : weights_(num_features * kNumTags, 0), weighted_updates_(num_features * kNumTags, 0) {}

void AveragedPerceptron::update(uint32_t row, int tag, int delta) {
  std::size_t k = static_cast<std::size_t>(row) * kNumTags + static_cast<std::size_t>(tag);
  weights_[k] += delta;
  weighted_updates_[k] += step_ * delta;
}

void AveragedPerceptron::update_transition(int from, int to, int delta) {
  int row = from < 0 ? kNumTags : from;
  std::size_t k = static_cast<std::size_t>(row * kNumTags + to);
  transitions_[k] += delta;
  weighted_transition_updates_[k] += step_ * delta;
}

void AveragedPerceptron::train(const EncodedSentence& sentence) {
  std::size_t n = sentence.size();
  std::vector<float> emissions(n * kNumTags, 0.0f);
  for (std::size_t i = 0; i < n; ++i) {
    float* e = &emissions[i * kNumTags];
    for (uint32_t k = sentence.offsets[i]; k < sentence.offsets[i + 1]; ++k) {
      const int32_t* w = &weights_[static_cast<std::size_t>(sentence.features[k]) * kNumTags];
      for (int t = 0; t < kNumTags; ++t) e[t] += static_cast<float>(w[t]);
    }
  }
  std::array<float, kTransitionSize> transitions;
  for (int k = 0; k < kTransitionSize; ++k) transitions[k] = static_cast<float>(transitions_[k]);
  std::vector<int> predicted = viterbi(emissions.data(), n, transitions.data());
  for (std::size_t i = 0; i < n; ++i) {
    int gold = sentence.gold[i];
    int guess = predicted[i];
    if (gold != guess) {
      for (uint32_t k = sentence.offsets[i]; k < sentence.offsets[i + 1]; ++k) {
        update(sentence.features[k], gold, +1);
        update(sentence.features[k], guess, -1);
      }
    }
    int gold_prev = i == 0 ? -1 : sentence.gold[i - 1];
    int guess_prev = i == 0 ? -1 : predicted[i - 1];
    if (gold != guess || gold_prev != guess_prev) {
      update_transition(gold_prev, gold, +1);
      update_transition(guess_prev, guess, -1);
    }
  }
  ++step_;
}

void AveragedPerceptron::averaged(std::vector<float>& weights,
                                  std::array<float, kTransitionSize>& transitions) const {
  weights.resize(weights_.size());
  auto c = static_cast<double>(step_);
  for (std::size_t k = 0; k < weights_.size(); ++k) {
    weights[k] = static_cast<float>(weights_[k] - static_cast<double>(weighted_updates_[k]) / c);
  }
  for (int k = 0; k < kTransitionSize; ++k) {
    transitions[k] = static_cast<float>(transitions_[k] -
                                        static_cast<double>(weighted_transition_updates_[k]) / c);
  }
}

std::vector<int> AveragedPerceptron::decode(const EncodedSentence& sentence,
                                            const std::vector<float>& weights,
                                            const std::array<float, kTransitionSize>& transitions) {
  std::size_t n = sentence.size();
  std::vector<float> emissions(n * kNumTags, 0.0f);
  for (std::size_t i = 0; i < n; ++i) {
    float* e = &emissions[i * kNumTags];
    for (uint32_t k = sentence.offsets[i]; k < sentence.offsets[i + 1]; ++k) {
      const float* w = &weights[static_cast<std::size_t>(sentence.features[k]) * kNumTags];
      for (int t = 0; t < kNumTags; ++t) e[t] += w[t];
    }
  }
  return viterbi(emissions.data(), n, transitions.data());
}

}  // namespace newsdex::ner
