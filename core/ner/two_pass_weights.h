// The weights of both passes in one table, for tagging.
//
// Most features (word, neighbour, context) have weights in both passes. Keeping the two rows
// of a feature side by side means one probe and one cache line or two per feature instead
// of two probes in two tables: the first pass accumulates the second pass's share as it goes.
#pragma once

#include <cstdint>
#include <vector>

#include "tags.h"
#include "weight_table.h"

namespace newsdex::ner {

class TwoPassWeights {
 public:
  static constexpr int kRowSize = 2 * kNumTags;  // [first pass | second pass]

  TwoPassWeights(const WeightTable& first, const WeightTable& second);

  // nullptr when neither pass has weights for the feature.
  const float* find(uint32_t id) const {
    for (uint32_t slot = id & mask_;; slot = (slot + 1) & mask_) {
      uint32_t key = keys_[slot];
      if (key == id) return &rows_[static_cast<std::size_t>(row_of_slot_[slot]) * kRowSize];
      if (key == 0) return nullptr;
    }
  }

 private:
  std::vector<uint32_t> keys_;  // 0 = empty
  std::vector<uint32_t> row_of_slot_;
  std::vector<float> rows_;
  uint32_t mask_ = 0;
};

}  // namespace newsdex::ner
