#include "core/ner/two_pass_weights.h"

#include <algorithm>

namespace newsdex::ner {
namespace {

// Row numbers of a table in id order (model files are stored sorted: no sort needed).
std::vector<uint32_t> id_order(const WeightTable& table) {
  std::vector<uint32_t> order(table.size());
  for (std::size_t r = 0; r < order.size(); ++r) order[r] = static_cast<uint32_t>(r);
  bool sorted = true;
  for (std::size_t r = 1; r < order.size() && sorted; ++r) {
    sorted = table.id_at(r - 1) <= table.id_at(r);
  }
  if (!sorted) {
    std::stable_sort(order.begin(), order.end(),
                     [&](uint32_t a, uint32_t b) { return table.id_at(a) < table.id_at(b); });
  }
  return order;
}

}  // namespace

TwoPassWeights::TwoPassWeights(const WeightTable& first, const WeightTable& second)
    : scale_{first.scale(), second.scale()} {
  std::vector<uint32_t> a = id_order(first);
  std::vector<uint32_t> b = id_order(second);
  // Merge the two id-ordered lists: one row per distinct id, both halves filled.
  std::vector<uint32_t> ids;
  ids.reserve(a.size() + b.size());
  rows_.reserve((a.size() + b.size()) * kRowSize);
  std::size_t i = 0, j = 0;
  auto add = [&](const int16_t* weights, int half, uint32_t id) {
    if (ids.empty() || ids.back() != id) {
      ids.push_back(id);
      rows_.resize(rows_.size() + kRowSize, 0);
    }
    int16_t* row = &rows_[rows_.size() - kRowSize + half * kNumTags];
    for (int t = 0; t < kNumTags; ++t) {  // a repeated id (hash collision) adds up, saturating
      int sum = row[t] + weights[t];
      row[t] = static_cast<int16_t>(std::clamp(sum, -32767, 32767));
    }
  };
  while (i < a.size() || j < b.size()) {
    uint32_t id_a = i < a.size() ? first.id_at(a[i]) : UINT32_MAX;
    uint32_t id_b = j < b.size() ? second.id_at(b[j]) : UINT32_MAX;
    if (i < a.size() && (j == b.size() || id_a <= id_b)) {
      add(first.quantised_row(a[i++]), 0, id_a);
    } else {
      add(second.quantised_row(b[j++]), 1, id_b);
    }
  }
  std::size_t capacity = 16;
  shift_ = 28;
  while (capacity * 2 < ids.size() * 3) {  // load factor <= 2/3: short probes
    capacity *= 2;
    --shift_;
  }
  slots_.assign(capacity, Slot{0, 0});
  mask_ = static_cast<uint32_t>(capacity - 1);
  for (std::size_t r = 0; r < ids.size(); ++r) {
    uint32_t slot = ids[r] >> shift_;
    while (slots_[slot].key != 0) slot = (slot + 1) & mask_;
    slots_[slot] = {ids[r], static_cast<uint32_t>(r)};
  }
}

}  // namespace newsdex::ner
