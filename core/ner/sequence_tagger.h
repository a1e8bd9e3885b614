// Tagging a document with a trained model: first pass, document evidence, second pass.
#pragma once

#include <cstdint>
#include <vector>

#include "document.h"
#include "feature_extractor.h"
#include "model.h"
#include "two_pass_weights.h"

namespace newsdex::ner {

class SequenceTagger {
 public:
  // Keeps a reference: `model` must outlive the tagger.
  explicit SequenceTagger(const Model& model);

  // IOB2 tags for every word of every sentence. Thread-safe: all scratch state is local.
  std::vector<std::vector<int>> tag(const Document& document) const;

 private:
  const Model& model_;
  FeatureExtractor extractor_;
  TwoPassWeights weights_;
  uint64_t id_;  // tells this tagger's entries in the per-thread form cache from another's
};

}  // namespace newsdex::ner
