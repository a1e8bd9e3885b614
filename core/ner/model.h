// Everything a trained tagger needs, and its file format.
//
// The file is self-contained (lexicon, gazetteer and alias list are copied in at training
// time), so tagging needs neither the training data nor iso-codes. Layout, little endian:
//   "NDXNER02" magic, then sections in order: lexicon, gazetteer, aliases (YAML text),
//   word clusters, first-pass weights, second-pass weights. "NDXNER01" files (before word
//   clusters) have no cluster section and are still read.
// Weights are quantised to int16 with one scale per table and stored sparsely (a 9-bit mask
// of the tags that have a non-zero weight), which keeps the file a few MB.
#pragma once

#include <string>

#include "core/ner/gazetteer.h"
#include "core/ner/lexicon.h"
#include "core/ner/weight_table.h"
#include "core/ner/word_clusters.h"

namespace newsdex::ner {

struct Model {
  Lexicon lexicon;
  Gazetteer gazetteer;
  std::string aliases_yaml;
  WordClusters clusters;
  WeightTable first_pass;
  WeightTable second_pass;
};

// Serialised model bytes. The same model always gives the same bytes.
std::string serialise_model(const Model& model);
// Throws std::runtime_error("what is wrong") on a malformed image.
Model parse_model(const std::string& bytes);

// Throw std::runtime_error("PATH: what is wrong").
void save_model(const Model& model, const std::string& path);
Model load_model(const std::string& path);

}  // namespace newsdex::ner
