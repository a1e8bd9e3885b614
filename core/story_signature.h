// Near-duplicate detection (issue 16, point 4): which articles are the same story.
//
// An article's signature is a MinHash of the word shingles of its normalised text
// (title then body, the folded words the index already holds): kShingleWords words in
// a row make a shingle, and each of kMinHashes hash functions keeps its smallest value
// over the shingles. The share of positions where two signatures agree estimates the
// Jaccard similarity of the two articles' shingle sets.
//
// Candidates are found by locality-sensitive hashing: the signature is cut into
// kBands bands of kBandRows values, and each band is a boolean term (layout.h
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
inline constexpr std::size_t kBandRows = 4;
inline constexpr std::size_t kBands = kMinHashes / kBandRows;

// The estimated Jaccard similarity from which two articles are one story. Chosen from
// the distribution scripts/eval-duplicates prints on BBC and Reuters-21578: see the
// README ("Duplicates") for the figures and why.
inline constexpr double kSameStoryThreshold = 0.7;

using StorySignature = std::array<std::uint32_t, kMinHashes>;

// Accumulates the words of one article, in order, into its signature.
class ShingleHasher {
 public:
  // One folded word (a term of the index).
  void add_word(std::string_view word);
  // The signature, or nothing for an article without words. A text shorter than a
  // shingle is one shingle of the words it has.
  std::optional<StorySignature> finish() const;

 private:
  void add_shingle(std::uint64_t hash);
  std::array<std::uint64_t, kShingleWords> recent_{};  // hashes of the last words
  std::size_t words_ = 0;
  std::array<std::uint32_t, kMinHashes> mins_;
  bool any_shingle_ = false;
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
