#include "core/word_segmenter.h"

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <array>

#include "core/errors.h"

namespace newsdex {
namespace {

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
constexpr std::array<Ascii, 128> kAscii = make_ascii_classes();

Ascii ascii_class(char c) {
  return kAscii[static_cast<unsigned char>(c)];
}

bool word_char(Ascii c) {
  return c == Ascii::Letter || c == Ascii::Digit || c == Ascii::ExtendNumLet;
}

// UAX #29 rules 6/7 and 11/12: a middle character joins two letters ("don't", "U.S")
// or two digits ("3.5", "1,000").
bool joins(Ascii before, Ascii middle, Ascii after) {
  if (before == Ascii::Letter && after == Ascii::Letter) return middle == Ascii::MidNumLet;
  if (before == Ascii::Digit && after == Ascii::Digit)
    return middle == Ascii::MidNumLet || middle == Ascii::MidNum;
  return false;
}

// The words of a piece of pure ASCII text, by rules 5 to 13b of UAX #29.
void ascii_words(std::string_view text, std::size_t from, std::size_t to,
                 const WordSegmenter::RangeFn& word) {
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

}  // namespace

WordSegmenter::~WordSegmenter() {
  if (icu_) ubrk_close(icu_);
}

UBreakIterator* WordSegmenter::iterator() {
  if (!icu_) {
    UErrorCode status = U_ZERO_ERROR;
    icu_ = ubrk_open(UBRK_WORD, "en", nullptr, 0, &status);
    if (U_FAILURE(status)) throw Error(kExitUsage, "ICU: cannot open the word break iterator");
  }
  return icu_;
}

void WordSegmenter::icu_words(std::string_view text, std::size_t offset, const RangeFn& word) {
  UBreakIterator* it = iterator();
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUTF8(&ut, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return;
  ubrk_setUText(it, &ut, &status);
  if (U_FAILURE(status)) {
    utext_close(&ut);
    return;
  }
  // With a UTF-8 UText, ICU's boundaries are byte offsets into `text`.
  int32_t start = ubrk_first(it);
  for (int32_t end = ubrk_next(it); end != UBRK_DONE; start = end, end = ubrk_next(it)) {
    if (ubrk_getRuleStatus(it) < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
    word(offset + static_cast<std::size_t>(start), offset + static_cast<std::size_t>(end));
  }
  utext_close(&ut);
}

void WordSegmenter::for_each_word_icu(std::string_view text, const RangeFn& word) {
  icu_words(text, 0, word);
}

void WordSegmenter::for_each_word(std::string_view text, const RangeFn& word) {
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
    icu_words(text.substr(cut, end - cut), cut, word);
    pos = end;
  }
}

}  // namespace newsdex
