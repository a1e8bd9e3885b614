// A hash table from strings to values, for lookups made per word or per token: the
// tagger's forms, lexicon, gazetteer and document counts, the analyzer's stem and fold
// caches.
//
// std::unordered_map costs a hash of every byte, a chase through a node per probe and a
// string compare per candidate; tagging does several such lookups per token. Here a probe
// reads one flat slot holding the key's hash, so a string is compared only when the hashes
// agree, and lookups take a string_view without building a std::string.
#pragma once

#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsdex {

// Hash of a short string, eight bytes at a time (tokens are mostly shorter than 16 bytes).
inline uint64_t string_hash(std::string_view s) {
  constexpr uint64_t kMul = 0x9e3779b97f4a7c15ULL;
  uint64_t h = s.size() * kMul;
  const char* p = s.data();
  std::size_t n = s.size();
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t word;
    std::memcpy(&word, p, 8);
    h = (h ^ word) * kMul;
    h ^= h >> 29;
  }
  if (n > 0) {
    uint64_t word = 0;
    std::memcpy(&word, p, n);
    h = (h ^ word) * kMul;
  }
  h ^= h >> 32;
  h *= 0xd6e8feb86659fd93ULL;
  h ^= h >> 32;
  return h;
}

template <typename Value>
class StringTable {
 public:
  using Entry = std::pair<std::string, Value>;

  // nullptr when absent.
  const Value* find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    uint64_t h = string_hash(key);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.index == 0) return nullptr;
      if (slot.hash == static_cast<uint32_t>(h >> 32) && entries_[slot.index - 1].first == key) {
        return &entries_[slot.index - 1].second;
      }
    }
  }
  Value* find(std::string_view key) {
    return const_cast<Value*>(static_cast<const StringTable&>(*this).find(key));
  }

  // The value of `key`, value-initialised when added; `added` says whether it was.
  // References to values stay valid while the table grows.
  Value& try_emplace(std::string_view key, bool* added = nullptr) {
    if ((entries_.size() + 1) * 3 > slots_.size() * 2) grow();  // load factor <= 2/3
    uint64_t h = string_hash(key);
    std::size_t i = h & mask_;
    for (;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.index == 0) break;
      if (slot.hash == static_cast<uint32_t>(h >> 32) && entries_[slot.index - 1].first == key) {
        if (added) *added = false;
        return entries_[slot.index - 1].second;
      }
    }
    entries_.emplace_back(std::string(key), Value{});
    slots_[i] = {static_cast<uint32_t>(h >> 32), static_cast<uint32_t>(entries_.size())};
    if (added) *added = true;
    return entries_.back().second;
  }
  Value& operator[](std::string_view key) { return try_emplace(key); }

  // In insertion order.
  const std::deque<Entry>& entries() const { return entries_; }
  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  // Room for `n` entries without rehashing (a table loaded from a file of known size).
  void reserve(std::size_t n) {
    std::size_t capacity = slots_.empty() ? 16 : slots_.size();
    while (n * 3 > capacity * 2) capacity *= 2;
    if (capacity != slots_.size()) rehash(capacity);
  }
  void clear() {
    entries_.clear();
    slots_.assign(slots_.size(), Slot{});
  }

 private:
  struct Slot {
    uint32_t hash = 0;   // high half of the key's hash
    uint32_t index = 0;  // 1 + position in entries_, 0 = empty
  };

  void grow() { rehash(slots_.empty() ? 16 : slots_.size() * 2); }

  void rehash(std::size_t capacity) {
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    for (std::size_t e = 0; e < entries_.size(); ++e) {
      uint64_t h = string_hash(entries_[e].first);
      std::size_t i = h & mask_;
      while (slots_[i].index != 0) i = (i + 1) & mask_;
      slots_[i] = {static_cast<uint32_t>(h >> 32), static_cast<uint32_t>(e + 1)};
    }
  }

  std::deque<Entry> entries_;  // a deque: values do not move when it grows
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

}  // namespace newsdex
