#include "core/english_text.h"

#include <array>
#include <cstdint>

namespace newsdex {
namespace {

// A lower-case ASCII word of at most 6 letters as a number: 5 bits a letter, so that
// a word is looked up with one binary search and no string is built.
constexpr std::uint32_t pack(std::string_view word) {
  std::uint32_t code = 0;
  for (char c : word) code = code << 5 | std::uint32_t(c - 'a' + 1);
  return code;
}

constexpr std::size_t kMaxPackedLetters = 6;

constexpr std::string_view kFunctionWords[] = {
    "the",  "of",    "to",    "and",   "that",  "with", "this", "from", "have", "had",
    "been", "which", "would", "their", "said",  "its",  "they", "were", "who",  "after",
    "than", "when",  "there", "into",  "could", "our",  "you",  "not",  "are",  "his",
};

// The words in a table of 256 slots, placed by a multiplicative hash whose multiplier
// is chosen (at compile time) so that no two words share a slot: a lookup is a
// multiplication, a load and a comparison.
constexpr std::size_t slot(std::uint32_t code, std::uint32_t multiplier) {
  return (code * multiplier) >> 24;
}

constexpr std::uint32_t kSlotMultiplier = [] {
  for (std::uint32_t m = 0x9e3779b1u;; m += 2) {
    std::array<bool, 256> used{};
    bool clash = false;
    for (std::string_view w : kFunctionWords) {
      const std::size_t s = slot(pack(w), m);
      clash = clash || used[s];
      used[s] = true;
    }
    if (!clash) return m;
  }
}();

constexpr auto kFunctionWordSlots = [] {
  std::array<std::uint32_t, 256> out{};  // 0: no word (no word packs to 0)
  for (std::string_view w : kFunctionWords) out[slot(pack(w), kSlotMultiplier)] = pack(w);
  return out;
}();

bool is_function_word(std::uint32_t code) {
  return kFunctionWordSlots[slot(code, kSlotMultiplier)] == code;
}

enum ByteClass : unsigned char { kOther, kLetter, kNonAscii };

// One table lookup a byte: the scan below runs over every article.
constexpr auto kByteClass = [] {
  std::array<ByteClass, 256> out{};
  for (int c = 'a'; c <= 'z'; ++c) out[c] = out[c - 'a' + 'A'] = kLetter;
  for (int c = 0x80; c < 0x100; ++c) out[c] = kNonAscii;
  return out;
}();

ByteClass byte_class(char c) {
  return kByteClass[static_cast<unsigned char>(c)];
}

}  // namespace

bool is_clearly_english(std::string_view text) {
  int words = 0;
  int function_words = 0;
  std::size_t ascii_letters = 0;
  std::size_t non_ascii = 0;
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    if (byte_class(*p) == kOther) {
      ++p;
      continue;
    }
    // A word: letters, ASCII or not. One with letters outside ASCII (an accented
    // name, a word of another script) is a word, and never a function word.
    std::uint32_t code = 0;
    std::size_t letters = 0;
    std::size_t outside = 0;
    for (; p < end; ++p) {
      const ByteClass k = byte_class(*p);
      if (k == kOther) break;
      if (k == kNonAscii) {
        ++outside;
      } else if (++letters <= kMaxPackedLetters) {
        code = code << 5 | std::uint32_t((*p | 0x20) - 'a' + 1);
      }
    }
    ++words;
    non_ascii += outside;
    ascii_letters += letters;
    if (outside == 0 && letters <= kMaxPackedLetters && is_function_word(code)) ++function_words;
  }
  if (words < kMinEnglishWords || ascii_letters < kMinEnglishLetters) return false;
  if (non_ascii * kMaxNonAsciiShare > text.size()) return false;
  return function_words >= kMinFunctionWordShare * words;
}

}  // namespace newsdex
