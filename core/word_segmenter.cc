#include "core/word_segmenter.h"

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "core/errors.h"

namespace newsdex {

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

}  // namespace newsdex
