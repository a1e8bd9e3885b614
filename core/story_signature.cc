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

// The kMinHashes hash functions: multiply-shift with fixed odd multipliers and
// offsets drawn from splitmix64, each keeping the top 32 bits.
struct HashFamily {
  std::array<std::uint64_t, kMinHashes> a, b;
  HashFamily() {
    std::uint64_t state = 0x6e657773646578ULL;  // "newsdex"
    for (std::size_t i = 0; i < kMinHashes; ++i) {
      a[i] = mix(state += 0x9e3779b97f4a7c15ULL) | 1;
      b[i] = mix(state += 0x9e3779b97f4a7c15ULL);
    }
  }
};
const HashFamily kFamily;

}  // namespace

void ShingleHasher::add_shingle(std::uint64_t hash) {
  if (!any_shingle_) {
    mins_.fill(std::numeric_limits<std::uint32_t>::max());
    any_shingle_ = true;
  }
  for (std::size_t i = 0; i < kMinHashes; ++i) {
    const auto v = static_cast<std::uint32_t>((kFamily.a[i] * hash + kFamily.b[i]) >> 32);
    mins_[i] = std::min(mins_[i], v);
  }
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

std::optional<StorySignature> ShingleHasher::finish() const {
  if (words_ == 0) return std::nullopt;
  if (any_shingle_) return mins_;
  // Fewer words than a shingle: one shingle of them.
  ShingleHasher whole = *this;
  std::uint64_t h = 0;
  for (std::size_t i = kShingleWords - words_; i < kShingleWords; ++i)
    h ^= std::rotl(recent_[i], int(i * 21));
  whole.add_shingle(mix(h ^ words_));
  return whole.mins_;
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
