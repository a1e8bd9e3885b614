#include "core/story_signature.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>

#include "core/layout.h"

namespace newsdex {
namespace {

// Hashes fixed here, not std::hash: signatures are stored in the index and must mean
// the same to every build that reads them.
constexpr std::uint64_t mix(std::uint64_t x) {  // splitmix64's finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

std::uint64_t word_hash(std::string_view word) {  // FNV-1a, then mixed
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : word) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return mix(h);
}

}  // namespace

void ShingleHasher::add_shingle(std::uint64_t hash) {
  // One-permutation hashing: the shingle's top bits choose its bin, and it competes
  // there with the low 32 bits (independent of the top ones after mix). One hash per
  // shingle where a family of kMinHashes functions cost kMinHashes multiplications,
  // and the estimator is as good: the bins sample the shingles without replacement.
  const auto bin = static_cast<std::size_t>(hash >> (64 - kBinBits));
  filled_ |= std::uint64_t{1} << bin;
  mins_[bin] = std::min(mins_[bin], static_cast<std::uint32_t>(hash));
}

void ShingleHasher::add_word(std::string_view word) {
  // The last kShingleWords word hashes, oldest first.
  std::move(recent_.begin() + 1, recent_.end(), recent_.begin());
  recent_.back() = word_hash(word);
  if (++words_ < kShingleWords) return;
  std::uint64_t h = 0;
  for (std::size_t i = 0; i < kShingleWords; ++i) h ^= std::rotl(recent_[i], int(i * 21));
  add_shingle(mix(h));
}

StorySignature ShingleHasher::densified() const {
  // Optimal densification (Shrivastava, ICML 2017): an empty bin takes the value of
  // the first filled bin in a pseudo-random sequence that depends on the bin alone,
  // so two texts with the same filled bins fill their empty ones alike and a position
  // still agrees with probability the Jaccard similarity. Short texts (under a few
  // hundred shingles) leave bins empty.
  StorySignature out = mins_;
  constexpr std::uint64_t kAll = ~std::uint64_t{0};
  if (filled_ == kAll) return out;
  for (std::size_t bin = 0; bin < kMinHashes; ++bin) {
    if (filled_ >> bin & 1) continue;
    std::size_t from = kMinHashes;
    for (std::uint64_t attempt = 1; attempt <= kDensifyAttempts; ++attempt) {
      const auto j = static_cast<std::size_t>(
          mix(bin * 0x10001ULL + attempt * 0x9e3779b97f4a7c15ULL) >> (64 - kBinBits));
      if (filled_ >> j & 1) {
        from = j;
        break;
      }
    }
    // Past the attempts (one filled bin in 64, rarely), the next filled bin onwards:
    // still a function of the bin and the filled set alone.
    for (std::size_t k = 1; from == kMinHashes; ++k)
      if (filled_ >> ((bin + k) % kMinHashes) & 1) from = (bin + k) % kMinHashes;
    out[bin] = mins_[from];
  }
  return out;
}

std::optional<StorySignature> ShingleHasher::finish() const {
  if (words_ == 0) return std::nullopt;
  if (filled_ != 0) return densified();
  // Fewer words than a shingle: one shingle of them.
  ShingleHasher whole = *this;
  std::uint64_t h = 0;
  for (std::size_t i = kShingleWords - words_; i < kShingleWords; ++i)
    h ^= std::rotl(recent_[i], int(i * 21));
  whole.add_shingle(mix(h ^ words_));
  return whole.densified();
}

double story_similarity(const StorySignature& a, const StorySignature& b) {
  std::size_t same = 0;
  for (std::size_t i = 0; i < kMinHashes; ++i) same += a[i] == b[i];
  return double(same) / double(kMinHashes);
}

bool share_band(const StorySignature& a, const StorySignature& b) {
  for (std::size_t band = 0; band < kBands; ++band)
    if (std::equal(a.begin() + band * kBandRows, a.begin() + (band + 1) * kBandRows,
                   b.begin() + band * kBandRows))
      return true;
  return false;
}

bool same_story(const StorySignature& a, const StorySignature& b) {
  return story_similarity(a, b) >= kSameStoryThreshold && share_band(a, b);
}

std::string encode_signature(const StorySignature& signature) {
  std::string out(kMinHashes * 4, '\0');
  for (std::size_t i = 0; i < kMinHashes; ++i)
    for (int byte = 0; byte < 4; ++byte)
      out[i * 4 + byte] = static_cast<char>((signature[i] >> (8 * byte)) & 0xff);
  return out;
}

std::optional<StorySignature> decode_signature(std::string_view value) {
  if (value.size() != kMinHashes * 4) return std::nullopt;
  StorySignature s{};
  for (std::size_t i = 0; i < kMinHashes; ++i)
    for (int byte = 0; byte < 4; ++byte)
      s[i] |= std::uint32_t(static_cast<unsigned char>(value[i * 4 + byte])) << (8 * byte);
  return s;
}

std::vector<std::string> band_terms(const StorySignature& signature) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::vector<std::string> terms;
  terms.reserve(kBands);
  for (std::size_t band = 0; band < kBands; ++band) {
    std::uint64_t h = band;
    for (std::size_t r = 0; r < kBandRows; ++r) h = mix(h ^ signature[band * kBandRows + r]);
    std::string term(layout::kStoryBandPrefix);
    term += char('a' + band);
    for (int nibble = 0; nibble < 12; ++nibble) term += kHex[(h >> (4 * nibble)) & 0xf];
    terms.push_back(std::move(term));
  }
  return terms;
}

}  // namespace newsdex
