// Feature weights for tagging: feature id -> one row of kNumTags weights, plus transitions.
//
// Open addressing over the hashed ids with rows in one contiguous array, so a feature costs
// two cache misses (slot, row) and no allocation.
#pragma once

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "tags.h"
#include "viterbi.h"

namespace newsdex::ner {

class WeightTable {
 public:
  using Row = std::array<float, kNumTags>;

  WeightTable() = default;
  WeightTable(std::vector<std::pair<uint32_t, Row>> rows,
              const std::array<float, kTransitionSize>& transitions);

  // nullptr when the feature has no weights.
  const float* find(uint32_t id) const {
    if (keys_.empty()) return nullptr;
    for (uint32_t slot = id & mask_;; slot = (slot + 1) & mask_) {
      uint32_t key = keys_[slot];
      if (key == id) return &weights_[static_cast<std::size_t>(row_of_slot_[slot]) * kNumTags];
      if (key == 0) return nullptr;
    }
  }
  void add_to(uint32_t id, float* scores) const {
    if (const float* row = find(id)) {
      for (int t = 0; t < kNumTags; ++t) scores[t] += row[t];
    }
  }
  const float* transitions() const { return transitions_.data(); }
  const std::array<float, kTransitionSize>& transition_array() const { return transitions_; }
  std::size_t size() const { return ids_.size(); }
  // Rows in insertion order, for saving.
  uint32_t id_at(std::size_t row) const { return ids_[row]; }
  const float* row_at(std::size_t row) const { return &weights_[row * kNumTags]; }

 private:
  std::vector<uint32_t> keys_;  // 0 = empty slot
  std::vector<uint32_t> row_of_slot_;
  std::vector<uint32_t> ids_;
  std::vector<float> weights_;
  uint32_t mask_ = 0;
  std::array<float, kTransitionSize> transitions_{};
};

}  // namespace newsdex::ner
