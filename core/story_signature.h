// Near-duplicate detection (issue 16, point 4): which articles are the same story.
//
// An article's signature is a MinHash of the word shingles of its normalised text
// (title then body, the folded words the index already holds): kShingleWords words in
// a row make a shingle, hashed once; its hash picks one of kMinHashes bins, each of
// which keeps its smallest value (one-permutation hashing, empty bins densified). The
// share of positions where two signatures agree estimates the Jaccard similarity of
// the two articles' shingle sets.
//
// Candidates are found by locality-sensitive hashing: the start of the signature is
// cut into kBands bands of kBandRows values, and each band is a boolean term (layout.h
// kStoryBandPrefix), so that the articles sharing a band are one posting-list lookup
// away. Two articles are the same story when they share a band and their estimated
// similarity reaches kSameStoryThreshold: one predicate, used by the incremental
// writer and by the bulk pass of a first build alike, so that both find the same
// stories whatever the order the articles came in.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

inline constexpr std::size_t kShingleWords = 3;
inline constexpr std::size_t kMinHashes = 64;
// 10 bands of 3 rows (the first 30 values; all 64 estimate the similarity): two
// articles of Jaccard similarity J share a band with probability 1 - (1 - J^3)^10,
// 0.985 at J = 0.7 and 0.996 at 0.75 (16 bands of 4 gave 0.988 and 0.998), and a pair
// whose signatures agree on 45 of 64 positions (just at the threshold) shares one 99.4%
// of the time. Each band is a term of every article, and unique ones: fewer bands are
// what keeps indexing as fast as before duplicates were found (README, "Duplicates").
inline constexpr std::size_t kBandRows = 3;
inline constexpr std::size_t kBands = 10;
static_assert(kBands * kBandRows <= kMinHashes);

// The estimated Jaccard similarity from which two articles are one story. Chosen from
// the distribution scripts/eval-duplicates prints on BBC and Reuters-21578: see the
// README ("Duplicates") for the figures and why.
inline constexpr double kSameStoryThreshold = 0.7;

using StorySignature = std::array<std::uint32_t, kMinHashes>;

// Every bin empty: the largest value, which any shingle beats or ties.
constexpr StorySignature empty_bins() {
  StorySignature s{};
  for (auto& v : s) v = ~std::uint32_t{0};
  return s;
}

// Accumulates the words of one article, in order, into its signature.
class ShingleHasher {
 public:
  // One folded word (a term of the index).
  void add_word(std::string_view word);
  // The signature, or nothing for an article without words. A text shorter than a
  // shingle is one shingle of the words it has.
  std::optional<StorySignature> finish() const;

 private:
  static constexpr int kBinBits = 6;  // kMinHashes bins
  static_assert(std::size_t{1} << kBinBits == kMinHashes);
  static constexpr std::uint64_t kDensifyAttempts = 256;
  void add_shingle(std::uint64_t hash);
  StorySignature densified() const;
  std::array<std::uint64_t, kShingleWords> recent_{};  // hashes of the last words
  std::size_t words_ = 0;
  StorySignature mins_ = empty_bins();
  std::uint64_t filled_ = 0;  // bit i: bin i holds a shingle
};

// The estimated Jaccard similarity: the share of positions that agree (0 to 1).
double story_similarity(const StorySignature& a, const StorySignature& b);

// Whether two signatures share a band (are candidates for each other).
bool share_band(const StorySignature& a, const StorySignature& b);

// The decision: candidates (a shared band) that are similar enough.
bool same_story(const StorySignature& a, const StorySignature& b);

// The value-slot form (layout.h kSignatureSlot): kMinHashes little-endian 32-bit
// values. decode returns nothing for a value of another size (an article without one).
std::string encode_signature(const StorySignature& signature);
std::optional<StorySignature> decode_signature(std::string_view value);

// The kBands band terms of a signature (layout.h kStoryBandPrefix + band letter + hash).
std::vector<std::string> band_terms(const StorySignature& signature);

}  // namespace newsdex
