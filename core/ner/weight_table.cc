#include "weight_table.h"

namespace newsdex::ner {

WeightTable::WeightTable(std::vector<std::pair<uint32_t, Row>> rows,
                         const std::array<float, kTransitionSize>& transitions)
    : transitions_(transitions) {
  std::size_t capacity = 16;
  while (capacity < rows.size() * 2) capacity *= 2;  // load factor <= 0.5: short probes
  keys_.assign(capacity, 0);
  row_of_slot_.assign(capacity, 0);
  mask_ = static_cast<uint32_t>(capacity - 1);
  ids_.reserve(rows.size());
  weights_.reserve(rows.size() * kNumTags);
  for (const auto& [id, row] : rows) {
    uint32_t slot = id & mask_;
    while (keys_[slot] != 0 && keys_[slot] != id) slot = (slot + 1) & mask_;
    if (keys_[slot] == id) {  // a repeated id adds up, as the hashed features did in training
      float* existing = &weights_[static_cast<std::size_t>(row_of_slot_[slot]) * kNumTags];
      for (int t = 0; t < kNumTags; ++t) existing[t] += row[t];
      continue;
    }
    keys_[slot] = id;
    row_of_slot_[slot] = static_cast<uint32_t>(ids_.size());
    ids_.push_back(id);
    weights_.insert(weights_.end(), row.begin(), row.end());
  }
}

}  // namespace newsdex::ner
