// Feature weights of one pass: (feature id, one row of kNumTags weights) pairs plus the
// transition matrix. A plain list, quantised to int16 with one scale for the table (what
// the model file stores, and four times less memory to fault in at load than floats).
// Training builds it, the model file stores it, TwoPassWeights indexes both passes.
#pragma once

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/ner/tags.h"
#include "core/ner/viterbi.h"

namespace newsdex::ner {

class WeightTable {
 public:
  using Row = std::array<float, kNumTags>;

  WeightTable() = default;
  // Quantises: scale = largest |weight| / 32767. Rows that quantise to all zeros are dropped.
  WeightTable(const std::vector<std::pair<uint32_t, Row>>& rows,
              const std::array<float, kTransitionSize>& transitions);
  // Already quantised rows (the model file's content).
  WeightTable(std::vector<uint32_t> ids, std::vector<int16_t> weights, float scale,
              const std::array<float, kTransitionSize>& transitions)
      : ids_(std::move(ids)),
        weights_(std::move(weights)),
        scale_(scale),
        transitions_(transitions) {}

  const float* transitions() const { return transitions_.data(); }
  const std::array<float, kTransitionSize>& transition_array() const { return transitions_; }
  std::size_t size() const { return ids_.size(); }
  uint32_t id_at(std::size_t row) const { return ids_[row]; }
  const int16_t* quantised_row(std::size_t row) const { return &weights_[row * kNumTags]; }
  float scale() const { return scale_; }
  float weight(std::size_t row, int tag) const {
    return static_cast<float>(weights_[row * kNumTags + static_cast<std::size_t>(tag)]) * scale_;
  }

 private:
  std::vector<uint32_t> ids_;
  std::vector<int16_t> weights_;
  float scale_ = 1.0f;
  std::array<float, kTransitionSize> transitions_{};
};

}  // namespace newsdex::ner
