// The weights of both passes in one table, for tagging.
//
// Most features (word, neighbour, context) have weights in both passes. Keeping the two rows
// of a feature side by side means one probe (key and row index in one slot) and one row
// instead of two probes in two tables: the first pass accumulates the second pass's share.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/ner/tags.h"
#include "core/ner/weight_table.h"

namespace newsdex::ner {

class TwoPassWeights {
 public:
  static constexpr int kRowSize = 2 * kNumTags;  // [first pass | second pass]

  TwoPassWeights(const WeightTable& first, const WeightTable& second);

  // Adds the feature's weights of the first pass to `first` and of the second to `second`
  // (either may be nullptr).
  void add(uint32_t id, float* first, float* second) const { add_row(find(id), first, second); }

  // add() with the row already found (nullptr: nothing to add).
  void add_row(const int16_t* row, float* first, float* second) const {
    if (!row) return;
    if (first) add_scaled(row, scale_[0], first);
    if (second) add_scaled(row + kNumTags, scale_[1], second);
  }

  // find() of every id, into rows[0..n). The table is larger than the caches and the probes
  // are independent: prefetching the slots of later ids and the rows found lets their cache
  // misses overlap instead of being waited for one after the other.
  void find_all(const uint32_t* ids, std::size_t n, const int16_t** rows) const {
    constexpr std::size_t kAhead = 8;
    for (std::size_t k = 0; k < n && k < kAhead; ++k) prefetch_slot(ids[k]);
    for (std::size_t k = 0; k < n; ++k) {
      if (k + kAhead < n) prefetch_slot(ids[k + kAhead]);
      const int16_t* row = find(ids[k]);
      rows[k] = row;
      if (row) {
        __builtin_prefetch(row);
        __builtin_prefetch(row + kRowSize - 1);  // rows straddle cache lines
      }
    }
  }

  // nullptr when neither pass has weights for the feature.
  const int16_t* find(uint32_t id) const {
    for (uint32_t slot = id >> shift_;; slot = (slot + 1) & mask_) {
      const Slot& s = slots_[slot];
      if (s.key == id) return &rows_[static_cast<std::size_t>(s.row) * kRowSize];
      if (s.key == 0) return nullptr;
    }
  }

 private:
  // out[t] += float(weights[t]) * scale for the nine tags: the first eight as one vector
  // (GCC/Clang vector extensions, SSE2 on any x86-64), the ninth alone. Lane by lane the
  // same conversion, product and sum as a scalar loop, so results are bit-identical.
  // Rows stay int16 in memory: float rows, scaled once at load, tag a little faster but
  // take more memory and a longer load (the new pages' faults), which every newsdexd
  // start pays; measured, the load cost more than the tagging gained.
  static void add_scaled(const int16_t* weights, float scale, float* out) {
    static_assert(kNumTags == 9, "eight lanes plus one");
    using Shorts8 = int16_t __attribute__((vector_size(16)));
    using Floats8 = float __attribute__((vector_size(32)));
    Shorts8 w;
    Floats8 sum;
    std::memcpy(&w, weights, sizeof w);
    std::memcpy(&sum, out, sizeof sum);
    sum += __builtin_convertvector(w, Floats8) * scale;
    std::memcpy(out, &sum, sizeof sum);
    out[8] += static_cast<float>(weights[8]) * scale;
  }

  void prefetch_slot(uint32_t id) const { __builtin_prefetch(&slots_[id >> shift_]); }

  struct Slot {
    uint32_t key;  // 0 = empty
    uint32_t row;
  };
  std::vector<Slot> slots_;
  std::vector<int16_t> rows_;
  float scale_[2];
  uint32_t mask_ = 0;
  // Home slot = the id's top bits (ids are hashes, so uniform): ids inserted in ascending
  // order then fill the table front to back, which keeps building it cache-friendly.
  int shift_ = 32;
};

}  // namespace newsdex::ner
