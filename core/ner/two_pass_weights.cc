#include "two_pass_weights.h"

namespace newsdex::ner {

TwoPassWeights::TwoPassWeights(const WeightTable& first, const WeightTable& second) {
  std::size_t capacity = 16;
  while (capacity < (first.size() + second.size()) * 2) capacity *= 2;
  keys_.assign(capacity, 0);
  row_of_slot_.assign(capacity, 0);
  mask_ = static_cast<uint32_t>(capacity - 1);
  rows_.reserve((first.size() + second.size()) * kRowSize);
  auto insert = [&](const WeightTable& table, int half) {
    for (std::size_t r = 0; r < table.size(); ++r) {
      uint32_t id = table.id_at(r);
      uint32_t slot = id & mask_;
      while (keys_[slot] != 0 && keys_[slot] != id) slot = (slot + 1) & mask_;
      if (keys_[slot] == 0) {
        keys_[slot] = id;
        row_of_slot_[slot] = static_cast<uint32_t>(rows_.size() / kRowSize);
        rows_.resize(rows_.size() + kRowSize, 0.0f);
      }
      float* row = &rows_[static_cast<std::size_t>(row_of_slot_[slot]) * kRowSize];
      const float* weights = table.row_at(r);
      for (int t = 0; t < kNumTags; ++t) row[half * kNumTags + t] = weights[t];
    }
  };
  insert(first, 0);
  insert(second, 1);
}

}  // namespace newsdex::ner
