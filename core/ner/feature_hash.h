// Feature identifiers: a 32-bit hash of a template number and the feature's strings.
//
// Hashing instead of a feature dictionary keeps the model to (id, weights) pairs; at a few
// hundred thousand features, 32-bit collisions are rare enough not to matter.
#pragma once

#include <cstdint>
#include <string_view>

namespace newsdex::ner {

// Id of a feature over values already hashed (string_hash of each string, or small ints):
// per token, the context features combine the hashes of a few words computed once in
// analysis, a few multiplies each instead of one per byte of every string.
template <typename... Parts>
uint32_t combined_feature_id(uint32_t template_id, Parts... parts) {
  constexpr uint64_t kMul = 0x9fb21c651e98df25ULL;
  uint64_t h = (0x8e2b6c5d1f3a9e77ULL ^ template_id) * kMul;
  ((h = ((h ^ static_cast<uint64_t>(parts)) * kMul), h ^= h >> 29), ...);
  h ^= h >> 32;
  h *= 0xd6e8feb86659fd93ULL;
  h ^= h >> 32;
  auto v = static_cast<uint32_t>(h);
  return v == 0 ? 1 : v;  // 0 marks empty slots in the weight table
}

class FeatureHasher {
 public:
  explicit FeatureHasher(uint32_t template_id) : h_(0xcbf29ce484222325ULL) {
    add_byte(static_cast<unsigned char>(template_id));
    add_byte(static_cast<unsigned char>(template_id >> 8));
  }
  FeatureHasher& add(std::string_view s) {
    for (char c : s) add_byte(static_cast<unsigned char>(c));
    add_byte(0x1f);  // separator: ("ab","c") and ("a","bc") differ
    return *this;
  }
  FeatureHasher& add(int v) {
    for (int k = 0; k < 4; ++k) add_byte(static_cast<unsigned char>(v >> (8 * k)));
    return *this;
  }
  // Never 0: the weight table uses 0 to mark empty slots.
  uint32_t id() const {
    uint64_t x = h_;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    auto v = static_cast<uint32_t>(x >> 32);
    return v == 0 ? 1 : v;
  }

 private:
  void add_byte(unsigned char b) { h_ = (h_ ^ b) * 0x100000001b3ULL; }
  uint64_t h_;
};

}  // namespace newsdex::ner
