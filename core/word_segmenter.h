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
  using RangeFn = std::function<void(std::size_t start, std::size_t end)>;
  void for_each_word(std::string_view text, const RangeFn& word);

  // The same through ICU alone, for every piece: the reference the fast path must equal.
  void for_each_word_icu(std::string_view text, const RangeFn& word);

 private:
  void icu_words(std::string_view text, std::size_t offset, const RangeFn& word);
  UBreakIterator* iterator();

  UBreakIterator* icu_ = nullptr;  // opened on first use: ASCII text never needs it
};

}  // namespace newsdex
