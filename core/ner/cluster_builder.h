// Learning word clusters from unlabelled text: the paths WordClusters holds.
//
// Brown clustering's exact merge algorithm is slow; this is the cheap distributional
// stand-in the literature also uses (e.g. Lin & Wu 2009): each word of the vocabulary is a
// vector of its neighbours at offsets -2, -1, +1, +2 (the most frequent words, one "other"
// bucket and the sentence boundary; positive PMI with context-distribution smoothing,
// L2-normalised), and the vocabulary is split in two by spherical 2-means, each half again,
// down to `depth` levels. A word's path is its sequence of halves: words of a long common
// prefix occur in similar contexts, which is what a tagger needs from a cluster.
//
// Deterministic: the same sentences in the same order give the same paths (no random
// initialisation; ties broken by frequency rank, then spelling).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "core/ner/word_clusters.h"
#include "core/string_table.h"

namespace newsdex::ner {

struct ClusterOptions {
  int min_count = 3;                // words seen fewer times are not clustered
  std::size_t max_words = 100000;   // the most frequent words only
  std::size_t context_words = 300;  // neighbours told apart; rarer ones share a bucket
  // (300 scored best on CoNLL dev of 100, 300, 1000, 3000)
  int depth = 20;       // levels of the hierarchy: paths are at most this long
  int iterations = 10;  // 2-means rounds per split at most
};

struct ClusteredWord {
  std::string word;  // cluster_key() of the tokens
  std::string path;
  uint64_t count = 0;
};

class ClusterBuilder {
 public:
  // One sentence of tokens as the tokenizer gives them (keys are computed here).
  void add_sentence(const std::vector<std::string>& words);
  uint64_t tokens() const { return tokens_; }

  // Sorted by path, then by falling count, then by word.
  std::vector<ClusteredWord> build(const ClusterOptions& options) const;

 private:
  StringTable<uint32_t> ids_;       // key -> 1 + index into names_
  std::vector<std::string> names_;  // by type index
  std::vector<uint64_t> counts_;    // by type index
  std::vector<uint32_t> stream_;    // 1 + type index per token, 0 between sentences
  uint64_t tokens_ = 0;
};

// The cluster file: one "PATH<TAB>WORD<TAB>COUNT" line per word (the layout of Liang's
// Brown-cluster "paths" files, so those can be used too).
void write_clusters(std::ostream& out, const std::vector<ClusteredWord>& words);
// Throws std::runtime_error("line N: ...") on a malformed line.
WordClusters read_clusters(std::istream& in);

}  // namespace newsdex::ner
