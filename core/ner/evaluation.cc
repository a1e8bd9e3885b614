#include "core/ner/evaluation.h"

#include <algorithm>
#include <cstdio>

namespace newsdex::ner {

void Evaluation::add(const std::vector<int>& gold, const std::vector<int>& predicted) {
  std::vector<TagSpan> gold_spans = spans_from_tags(gold);
  std::vector<TagSpan> predicted_spans = spans_from_tags(predicted);
  for (const TagSpan& span : gold_spans) {
    ++by_type_[span.type].gold;
    ++overall_.gold;
  }
  for (const TagSpan& span : predicted_spans) {
    ++by_type_[span.type].predicted;
    ++overall_.predicted;
    if (std::find(gold_spans.begin(), gold_spans.end(), span) != gold_spans.end()) {
      ++by_type_[span.type].correct;
      ++overall_.correct;
    }
  }
  tokens_ += static_cast<long>(gold.size());
  for (std::size_t i = 0; i < gold.size() && i < predicted.size(); ++i) {
    if (gold[i] == predicted[i]) ++correct_tokens_;
  }
}

std::string Evaluation::report() const {
  std::string out;
  char line[160];
  std::snprintf(line, sizeof line, "%-8s %9s %9s %9s %7s %7s %7s\n", "type", "precision", "recall",
                "F1", "gold", "found", "correct");
  out += line;
  auto row = [&](const char* name, const SpanCounts& c) {
    std::snprintf(line, sizeof line, "%-8s %9.4f %9.4f %9.4f %7ld %7ld %7ld\n", name, c.precision(),
                  c.recall(), c.f1(), c.gold, c.predicted, c.correct);
    out += line;
  };
  for (int type = 0; type < kNumTypes; ++type) row(kTypeCodes[type], by_type_[type]);
  row("overall", overall_);
  std::snprintf(line, sizeof line, "tokens %ld, token accuracy %.4f\n", tokens_,
                tokens_ ? static_cast<double>(correct_tokens_) / tokens_ : 0.0);
  out += line;
  return out;
}

}  // namespace newsdex::ner
