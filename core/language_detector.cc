#include "core/language_detector.h"

// CLD2's header uses FILE without including <cstdio>.
#include <cstdio>
//
#include <cld2/public/compact_lang_det.h>

#include "core/english_text.h"
#include "core/language_code.h"

namespace newsdex {
namespace {

// Under this many bytes of letters (a dozen words) CLD2 guesses rather than detects:
// it calls "Exponential Integral Ei(x) (Algorithms 385)" reliably Norwegian. The
// fallback is the better answer there.
constexpr int kMinLetterBytes = 100;

// The first pass reads this much, and its answer stands when CLD2 finds it reliable
// and this share of the text in one language.
constexpr std::size_t kQuickDetectBytes = 768;
constexpr int kQuickPercent = 90;

// `s` cut to at most `n` bytes, at the start of a UTF-8 character.
std::string_view utf8_prefix(std::string_view s, std::size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

}  // namespace

DetectedLanguage detect_language(std::string_view title, std::string_view body) {
  std::string text;
  const std::string_view head = utf8_prefix(body, kDetectBodyBytes);
  text.reserve(title.size() + 1 + head.size());
  text.append(title);
  text += '\n';
  text.append(head);
  // Most news is English, and English text says so in its function words for a
  // tenth of what CLD2 costs (english_text.h); CLD2 judges the rest.
  if (is_clearly_english(text)) return {"en", true};
  CLD2::Language top3[3];
  int percent3[3];
  int letter_bytes = 0;
  bool reliable = false;
  const auto detect = [&](std::string_view t) {
    CLD2::DetectLanguageSummary(t.data(), static_cast<int>(t.size()), true, top3, percent3,
                                &letter_bytes, &reliable);
  };
  // Detection costs in proportion to the text: most articles are told from their
  // start, and only a mixed or doubtful start is read again at full length (on the
  // multilingual set and BBC this reads a third of the bytes and decides the same).
  const std::string_view start = utf8_prefix(text, kQuickDetectBytes);
  detect(start);
  if (start.size() < text.size() &&
      !(reliable && letter_bytes >= kMinLetterBytes && percent3[0] >= kQuickPercent))
    detect(text);
  // The language of most of the text. CLD2's own summary answer prefers any other
  // language to English in a mixed text (an English abstract under a German book title
  // comes out German); the article is stemmed for its main language.
  const CLD2::Language lang = top3[0];
  DetectedLanguage out;
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return out;
  out.code = iso639_1(CLD2::LanguageCode(lang));
  out.reliable = reliable && letter_bytes >= kMinLetterBytes && !out.code.empty();
  return out;
}

std::string choose_language(std::string_view given, std::string_view title, std::string_view body,
                            const std::string& fallback) {
  if (!given.empty()) {
    std::string code = iso639_1(given);
    if (!code.empty()) return code;
  }
  DetectedLanguage found = detect_language(title, body);
  return found.reliable ? found.code : fallback;
}

}  // namespace newsdex
