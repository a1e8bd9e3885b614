// Exact-span precision, recall and F1 per entity type, as conlleval computes them.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "core/ner/tags.h"

namespace newsdex::ner {

struct SpanCounts {
  long gold = 0;
  long predicted = 0;
  long correct = 0;
  double precision() const { return predicted ? static_cast<double>(correct) / predicted : 0.0; }
  double recall() const { return gold ? static_cast<double>(correct) / gold : 0.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

class Evaluation {
 public:
  // One sentence: gold and predicted tags of equal length.
  void add(const std::vector<int>& gold, const std::vector<int>& predicted);

  const SpanCounts& overall() const { return overall_; }
  const SpanCounts& by_type(int type) const { return by_type_[type]; }
  long tokens() const { return tokens_; }
  long correct_tokens() const { return correct_tokens_; }

  // A table in conlleval's spirit: one line per type and one overall.
  std::string report() const;

 private:
  std::array<SpanCounts, kNumTypes> by_type_{};
  SpanCounts overall_;
  long tokens_ = 0;
  long correct_tokens_ = 0;
};

}  // namespace newsdex::ner
