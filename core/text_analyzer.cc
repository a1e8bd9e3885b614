#include "core/text_analyzer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "core/cjk_ngrams.h"
#include "core/errors.h"

namespace newsdex {
namespace {

const icu::Normalizer2& nfkc_casefold() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) throw Error(kExitUsage, "ICU: cannot load NFKC_Casefold data");
  return *n;
}

const icu::Normalizer2& nfd() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) throw Error(kExitUsage, "ICU: cannot load NFD data");
  return *n;
}

// "u.s" (ICU keeps inner dots in a word) is an acronym when every part is one letter.
bool is_dotted_acronym(std::string_view w) {
  if (w.find('.') == std::string_view::npos) return false;
  std::size_t run = 0;
  for (char c : w) {
    if (c == '.') {
      if (run != 1) return false;
      run = 0;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      ++run;
    } else {
      return false;
    }
  }
  return run <= 1;
}

void drop_char(std::string& s, char c) {
  std::erase(s, c);
}

void trim_apostrophes(std::string& s) {
  while (!s.empty() && s.back() == '\'') s.pop_back();
  std::size_t lead = 0;
  while (lead < s.size() && s[lead] == '\'') ++lead;
  s.erase(0, lead);
}

// What folding does after case and diacritics: "u.s" -> "us", "rock'n'roll'" -> "rock'n'roll".
void finish_fold(std::string& s) {
  if (is_dotted_acronym(s)) drop_char(s, '.');
  trim_apostrophes(s);
}

}  // namespace

// ICU's normalizers are loaded on first use: ASCII text never needs them, and a search
// for ASCII words should not pay for loading them.
TextAnalyzer::TextAnalyzer(const std::string& language)
    : stemmer_(language == "none" ? Xapian::Stem() : Xapian::Stem(language)) {}

TextAnalyzer::~TextAnalyzer() = default;

void TextAnalyzer::for_each_word(std::string_view text, const WordFn& word) {
  const auto fold_and_emit = [&](std::size_t s, std::size_t e) {
    if (e - s > kMaxWordBytes) return;
    std::string term = fold(text.substr(s, e - s));
    // Folding can lengthen a word many times over (NFKC expands some ligatures into
    // eighteen letters): the limit holds for the folded spelling too.
    if (!term.empty() && term.size() <= kMaxWordBytes) word(term, s, e);
  };
  segmenter_.for_each_word(text, [&](std::size_t s, std::size_t e) {
    const std::string_view w = text.substr(s, e - s);
    // CJK characters are words of their own, whatever ICU's dictionary made of them
    // (cjk_ngrams.h). A CJK character takes three bytes or more in UTF-8.
    if (w.size() < 3 || !has_cjk(w)) {
      fold_and_emit(s, e);
      return;
    }
    for_each_cjk_piece(
        w, [&](std::size_t ps, std::size_t pe, bool) { fold_and_emit(s + ps, s + pe); });
  });
}

std::string TextAnalyzer::fold(std::string_view word) {
  bool ascii = true;
  for (unsigned char c : word) {
    if (c >= 0x80) {
      ascii = false;
      break;
    }
  }
  std::string out;
  if (ascii) {
    out.resize(word.size());
    for (std::size_t i = 0; i < word.size(); ++i) {
      char c = word[i];
      out[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    finish_fold(out);
    return out;
  }
  // The cache holds finished spellings, so a repeated "É.U." folds as the first did.
  if (const std::string* cached = fold_cache_.find(word)) return *cached;
  out = fold_unicode(word);
  finish_fold(out);
  if (fold_cache_.size() < 200000) fold_cache_.try_emplace(word) = out;
  return out;
}

std::string TextAnalyzer::fold_unicode(std::string_view word) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString folded =
      nfkc_casefold().normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(
                                    word.data(), static_cast<int32_t>(word.size()))),
                                status);
  if (U_FAILURE(status)) return {};
  // Decompose and drop the combining marks: diacritics do not separate words for
  // matching ("café" = "cafe"); what the user sees is the stored original text.
  icu::UnicodeString decomposed = nfd().normalize(folded, status);
  if (U_FAILURE(status)) return {};
  icu::UnicodeString bare;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0xFF07) c = '\'';
    if (c == 0x00AD) continue;  // soft hyphen
    bare.append(c);
  }
  std::string out;
  bare.toUTF8String(out);
  return out;
}

std::string TextAnalyzer::fold_phrase(std::string_view text) {
  std::string out;
  for_each_word(text, [&](const std::string& term, std::size_t, std::size_t) {
    if (!out.empty()) out += ' ';
    out += term;
  });
  return out;
}

const std::string& TextAnalyzer::stem(const std::string& term) {
  if (const std::string* cached = stem_cache_.find(term)) return *cached;
  if (stem_cache_.size() > 500000) stem_cache_.clear();  // bound memory on junk corpora
  std::string& stem = stem_cache_.try_emplace(term);
  stem = stemmer_(term);
  return stem;
}

}  // namespace newsdex
