#include "core/ner/weight_table.h"

#include <algorithm>
#include <cmath>

namespace newsdex::ner {

WeightTable::WeightTable(const std::vector<std::pair<uint32_t, Row>>& rows,
                         const std::array<float, kTransitionSize>& transitions)
    : transitions_(transitions) {
  float max_abs = 0.0f;
  for (const auto& [id, row] : rows) {
    for (float w : row) max_abs = std::max(max_abs, std::fabs(w));
  }
  scale_ = max_abs > 0.0f ? max_abs / 32767.0f : 1.0f;
  ids_.reserve(rows.size());
  weights_.reserve(rows.size() * kNumTags);
  for (const auto& [id, row] : rows) {
    std::array<int16_t, kNumTags> q;
    bool any = false;
    for (int t = 0; t < kNumTags; ++t) {
      q[t] = static_cast<int16_t>(std::lround(row[t] / scale_));
      any = any || q[t] != 0;
    }
    if (!any) continue;
    ids_.push_back(id);
    weights_.insert(weights_.end(), q.begin(), q.end());
  }
}

}  // namespace newsdex::ner
