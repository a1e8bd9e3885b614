// The one text analysis that documents and queries share: UAX #29 word segmentation,
// NFKC case folding, diacritics folded for matching ("Café" and "cafe" meet), and
// Xapian's Snowball stemmer. Term spellings produced here are the index's vocabulary.
//
// Not thread-safe: each thread owns its analyzer (ICU iterators and the stem cache
// carry state).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/string_table.h"
#include "core/word_segmenter.h"

namespace newsdex {

class TextAnalyzer {
 public:
  // `language` is a Snowball language name, or "none" for no stemming.
  explicit TextAnalyzer(const std::string& language);
  ~TextAnalyzer();
  TextAnalyzer(const TextAnalyzer&) = delete;
  TextAnalyzer& operator=(const TextAnalyzer&) = delete;

  // Calls `word(term, start, end)` for each word of `text` in order: `term` is the
  // folded spelling, [start, end) the word's byte range in `text`.
  using WordFn = std::function<void(const std::string& term, std::size_t start, std::size_t end)>;
  void for_each_word(std::string_view text, const WordFn& word);

  // The folded spelling of one word: NFKC, case folded, diacritics removed,
  // typographic apostrophes made plain, dots dropped from acronyms ("U.S." -> "us").
  std::string fold(std::string_view word);

  // Folds every word of a phrase and joins them with single spaces: the key used for
  // entity and source names ("Dmitry  Peskov" and "dmitry peskov" meet).
  std::string fold_phrase(std::string_view text);

  // The stem of a folded term (cached: stemming is the costly step).
  const std::string& stem(const std::string& term);

  const Xapian::Stem& stemmer() const { return stemmer_; }

  // The segmentation under for_each_word, for callers that fold only some words.
  WordSegmenter& segmenter() { return segmenter_; }

 private:
  std::string fold_unicode(std::string_view word);

  Xapian::Stem stemmer_;
  WordSegmenter segmenter_;
  // Flat tables, looked up by string_view: two lookups per word of every article.
  StringTable<std::string> stem_cache_;
  StringTable<std::string> fold_cache_;
};

// Words longer than this (in bytes) are not indexed: they are junk, not words, and
// Xapian limits terms to 245 bytes.
inline constexpr std::size_t kMaxWordBytes = 64;

}  // namespace newsdex
