// Word segmentation by Unicode's word-boundary rules (UAX #29), as ICU's BreakIterator
// does it, with a fast path for ASCII.
//
// ICU's iterator is exact for every script but costs a rule-table lookup per character,
// an iterator set-up per text and, in a short-lived process like `newsdex search`,
// loading its rule data. Most of a news article is ASCII, and for ASCII the rules reduce
// to a few lines: letters and digits join, and "." and "'" join two letters or two
// digits, "," and ";" two digits, "_" anything word-like. The text is cut into pieces at
// ASCII whitespace; a piece without non-ASCII bytes goes through the ASCII scanner, any
// other piece through ICU. Cutting after whitespace changes no word: no rule of UAX #29
// joins a word across a space, and each piece starts with an ASCII character, so no
// combining mark is separated from its base. tests/unit/word_segmenter_test.cc checks
// the two paths against each other on the whole BBC corpus.
//
// Not thread-safe: each thread owns its segmenter (the ICU iterator carries state).
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <string_view>

struct UBreakIterator;

namespace newsdex {

class WordSegmenter {
 public:
  WordSegmenter() = default;
  ~WordSegmenter();
  WordSegmenter(const WordSegmenter&) = delete;
  WordSegmenter& operator=(const WordSegmenter&) = delete;

  // Calls `word(start, end)` with the byte range of each word of `text` (segments with
  // letters, digits, kana or ideographs; not spaces or punctuation), in order.
  // A template, so that the ASCII scan calls `word` inline: through a std::function per
  // word it was a fifth of a search's snippets.
  using RangeFn = std::function<void(std::size_t start, std::size_t end)>;
  template <typename F>
  void for_each_word(std::string_view text, F&& word);

  // The same through ICU alone, for every piece: the reference the fast path must equal.
  void for_each_word_icu(std::string_view text, const RangeFn& word);

 private:
  void icu_words(std::string_view text, std::size_t offset, const RangeFn& word);
  UBreakIterator* iterator();

  UBreakIterator* icu_ = nullptr;  // opened on first use: ASCII text never needs it
};

// The ASCII scanner behind for_each_word, here for the template.
namespace segmenter_detail {

// The word-break classes of ASCII characters, as ICU 72's rules give them. "@" is a
// letter there (so that e-mail addresses stay one word) and ":" is not MidLetter.
enum class Ascii : unsigned char { Other, Letter, Digit, ExtendNumLet, MidNumLet, MidNum, Space };

constexpr std::array<Ascii, 128> make_ascii_classes() {
  std::array<Ascii, 128> c{};
  for (int i = 'a'; i <= 'z'; ++i) c[i] = Ascii::Letter;
  for (int i = 'A'; i <= 'Z'; ++i) c[i] = Ascii::Letter;
  for (int i = '0'; i <= '9'; ++i) c[i] = Ascii::Digit;
  c['@'] = Ascii::Letter;
  c['_'] = Ascii::ExtendNumLet;
  c['.'] = c['\''] = Ascii::MidNumLet;
  c[','] = c[';'] = Ascii::MidNum;
  for (char s : {' ', '\t', '\n', '\r', '\f', '\v'})
    c[static_cast<unsigned char>(s)] = Ascii::Space;
  return c;
}
inline constexpr std::array<Ascii, 128> kAscii = make_ascii_classes();

inline Ascii ascii_class(char c) {
  return kAscii[static_cast<unsigned char>(c)];
}

inline bool word_char(Ascii c) {
  return c == Ascii::Letter || c == Ascii::Digit || c == Ascii::ExtendNumLet;
}

// UAX #29 rules 6/7 and 11/12: a middle character joins two letters ("don't", "U.S")
// or two digits ("3.5", "1,000").
inline bool joins(Ascii before, Ascii middle, Ascii after) {
  if (before == Ascii::Letter && after == Ascii::Letter) return middle == Ascii::MidNumLet;
  if (before == Ascii::Digit && after == Ascii::Digit)
    return middle == Ascii::MidNumLet || middle == Ascii::MidNum;
  return false;
}

// The words of a piece of pure ASCII text, by rules 5 to 13b of UAX #29.
template <typename F>
void ascii_words(std::string_view text, std::size_t from, std::size_t to, F& word) {
  std::size_t i = from;
  while (i < to) {
    if (!word_char(ascii_class(text[i]))) {
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    for (;;) {
      while (end < to && word_char(ascii_class(text[end]))) ++end;
      if (end + 1 < to &&
          joins(ascii_class(text[end - 1]), ascii_class(text[end]), ascii_class(text[end + 1]))) {
        end += 2;
        continue;
      }
      break;
    }
    // ICU gives a lone "_" the status of punctuation, though "__" counts as a word.
    if (end - i > 1 || ascii_class(text[i]) != Ascii::ExtendNumLet) word(i, end);
    i = end;
  }
}

}  // namespace segmenter_detail

template <typename F>
void WordSegmenter::for_each_word(std::string_view text, F&& word) {
  using namespace segmenter_detail;
  const std::size_t n = text.size();
  std::size_t pos = 0;
  while (pos < n) {
    std::size_t first_high = pos;
    while (first_high < n && static_cast<unsigned char>(text[first_high]) < 0x80) ++first_high;
    if (first_high == n) {
      ascii_words(text, pos, n, word);
      return;
    }
    // The word that holds the non-ASCII byte goes to ICU whole: cut at the whitespace
    // before it, so the ICU piece starts with ASCII whitespace.
    std::size_t cut = first_high;
    while (cut > pos && ascii_class(text[cut - 1]) != Ascii::Space) --cut;
    if (cut > pos) --cut;
    ascii_words(text, pos, cut, word);
    // The ICU piece runs to the next ASCII whitespace; a piece may end with any
    // character, since what follows it starts with whitespace.
    std::size_t end = first_high;
    while (end < n && !(static_cast<unsigned char>(text[end]) < 0x80 &&
                        ascii_class(text[end]) == Ascii::Space))
      ++end;
    icu_words(text.substr(cut, end - cut), cut, RangeFn(std::ref(word)));
    pos = end;
  }
}

}  // namespace newsdex
