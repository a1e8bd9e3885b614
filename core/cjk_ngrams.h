// Chinese, Japanese and Korean text as character n-grams, the way Xapian's own CJK
// n-gram mode indexes it. ICU segments CJK text with a dictionary, and the same word
// comes out cut differently in a document and in a short query (贸易战 is one word in
// one and 贸易|战 in the other), so words cannot be the unit. Instead both sides agree
// on characters: TextAnalyzer gives every CJK character as a word of its own, the
// document builder adds each pair of neighbours as a bigram at the first one's
// position, and the query builder asks for a run of characters as the phrase of its
// bigrams. Any substring of a CJK run of two characters or more then matches, and
// phrases work inside CJK text.
#pragma once

#include <string>
#include <string_view>

namespace newsdex {

// True when code point `c` is a Han ideograph, kana, Hangul or Bopomofo character
// (and the marks written inside Japanese words: 々 and ー).
bool is_cjk_code_point(char32_t c);

// True when `term` is exactly one CJK character (as TextAnalyzer gives them).
bool is_cjk_char_term(std::string_view term);

// True when `text` holds at least one CJK character.
bool has_cjk(std::string_view text);

// The query text for a run of CJK characters (each one a term of the run, in order):
// the phrase of its bigrams ("贸易 易战"), or the one character; quoted unless
// `in_phrase` (the run is inside a phrase the user quoted).
std::string cjk_run_query(const std::string& run, bool in_phrase);

// Calls `piece(start, end, cjk)` for the pieces of a UTF-8 word: each CJK character
// alone (cjk true), and each maximal stretch of other characters.
template <typename Fn>
void for_each_cjk_piece(std::string_view word, Fn&& piece);

// Decodes the UTF-8 character at `s[i]`; sets `len` to its length (1 on a bad byte).
char32_t decode_utf8(std::string_view s, std::size_t i, std::size_t& len);

template <typename Fn>
void for_each_cjk_piece(std::string_view word, Fn&& piece) {
  std::size_t other = 0;  // start of the stretch of non-CJK characters
  std::size_t i = 0;
  while (i < word.size()) {
    std::size_t len = 1;
    const char32_t c =
        static_cast<unsigned char>(word[i]) < 0x80 ? char32_t(word[i]) : decode_utf8(word, i, len);
    if (is_cjk_code_point(c)) {
      if (i > other) piece(other, i, false);
      piece(i, i + len, true);
      other = i + len;
    }
    i += len;
  }
  if (word.size() > other) piece(other, word.size(), false);
}

}  // namespace newsdex
