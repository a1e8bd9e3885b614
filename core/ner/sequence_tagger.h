// Tagging a document with a trained model: first pass, document evidence, second pass.
#pragma once

#include <cstdint>
#include <vector>

#include "core/ner/document.h"
#include "core/ner/document_evidence.h"
#include "core/ner/feature_extractor.h"
#include "core/ner/model.h"
#include "core/ner/two_pass_weights.h"

namespace newsdex::ner {

class SequenceTagger {
 public:
  // Keeps a reference: `model` must outlive the tagger.
  explicit SequenceTagger(const Model& model);

  // IOB2 tags for every word of every sentence. Thread-safe: all scratch state is local.
  std::vector<std::vector<int>> tag(const Document& document) const;

 private:
  // First-pass tags of one sentence. Also fills, per token, what the second pass reuses:
  // `second_base` (word and neighbour sums) and `second_context` (context features' share),
  // kNumTags floats each, zero on entry.
  std::vector<int> first_pass(const SentenceAnalysis& sentence, float* second_base,
                              float* second_context) const;
  // Second-pass tags of sentence s (n tokens) from what the first pass gathered.
  std::vector<int> second_pass(const DocumentEvidence& evidence, std::size_t s, std::size_t n,
                               const float* base, const float* context) const;

  const Model& model_;
  FeatureExtractor extractor_;
  TwoPassWeights weights_;
  uint64_t id_;  // tells this tagger's entries in the per-thread form cache from another's
};

}  // namespace newsdex::ner
