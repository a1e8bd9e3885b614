// Training the two-pass tagger from CoNLL documents.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "core/ner/document.h"
#include "core/ner/model.h"

namespace newsdex::ner {

struct TrainingOptions {
  int epochs = 12;  // passes over the training data, for each model trained
  int folds = 5;    // jackknife folds for the first pass's predictions on train
  // Features seen fewer times in train are dropped. With word clusters, dev F1 by this
  // count: 2: 0.9379, 3: 0.9389, 5: 0.9356; 3 also keeps the table (and its cache misses)
  // smaller than 2.
  int min_feature_count = 3;
  int lexicon_min_count = 2;
  uint64_t seed = 20240617;          // sentence order; fixed so that training is reproducible
  std::ostream* progress = nullptr;  // one line per epoch (seconds, dev F1) when set
};

// Trains both passes. `dev` (may be empty) picks the best epoch of the models that are
// shipped and is reported on. The second pass learns from first-pass predictions that the
// jackknife made on data the first pass did not see, so that it learns how far to trust them.
// `clusters` (may be empty) are copied into the model: their path prefixes are features.
Model train_model(const std::vector<Document>& train, const std::vector<Document>& dev,
                  Gazetteer gazetteer, std::string aliases_yaml, const TrainingOptions& options,
                  WordClusters clusters = {});

}  // namespace newsdex::ner
