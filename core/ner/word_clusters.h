// Word clusters: each word's path in a binary hierarchy of words that occur in similar
// contexts, learned from unlabelled news (see cluster_builder.h).
//
// Ratinov & Roth 2009 closed much of CoNLL's dev-test gap with Brown-cluster prefixes: a
// name the labelled data never saw ("Ferdinand") shares a path prefix with names it did,
// so the model can trust the prefix where it cannot trust the word. The paths are looked
// up by form once per distinct word (the tagger's form cache), so they cost nothing per
// token.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/string_table.h"

namespace newsdex::ner {

// A path as bits: bit b is the path's (b+1)-th step. No string per word: the table of
// tens of thousands of words loads in a few ms.
struct ClusterPath {
  uint32_t bits = 0;
  uint8_t length = 0;

  // The first `n` steps (all of them when the path is shorter), as bits.
  uint32_t prefix(std::size_t n) const {
    std::size_t k = n < length ? n : length;
    return k >= 32 ? bits : bits & ((1u << k) - 1u);
  }
  std::string text() const;  // "0110..."
};

class WordClusters {
 public:
  static constexpr int kMaxDepth = 32;

  // `key` is cluster_key(form); `path` a string of '0' and '1', at most kMaxDepth long
  // (throws std::runtime_error otherwise). The first path of a key wins.
  void add(std::string_view key, std::string_view path);
  void add(std::string_view key, ClusterPath path);

  // The path of cluster_key(form), nullptr when the word was not clustered.
  const ClusterPath* find(std::string_view key) const { return paths_.find(key); }

  void reserve(std::size_t n) { paths_.reserve(n); }
  std::size_t size() const { return paths_.size(); }
  bool empty() const { return paths_.empty(); }
  // In insertion order (the model file sorts them).
  const auto& entries() const { return paths_.entries(); }

 private:
  StringTable<ClusterPath> paths_;
};

// The form clusters are keyed by: ascii_fold'ed word (case kept: "Apple" is not "apple"),
// digits as 0 so that numbers of one shape share a cluster.
std::string cluster_key(std::string_view word);

}  // namespace newsdex::ner
