#include "core/language_detector.h"

#include <cld2/public/compact_lang_det.h>

#include "core/languages.h"

namespace newsdex {
namespace {

// Under this many bytes of letters CLD2 guesses rather than detects (it calls some
// two-word titles reliable): the fallback is the better answer there.
constexpr int kMinLetterBytes = 40;

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
  CLD2::Language top3[3];
  int percent3[3];
  int letter_bytes = 0;
  bool reliable = false;
  const CLD2::Language lang = CLD2::DetectLanguageSummary(
      text.data(), static_cast<int>(text.size()), true, top3, percent3, &letter_bytes, &reliable);
  DetectedLanguage out;
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return out;
  out.code = normalise_language(CLD2::LanguageCode(lang));
  out.reliable = reliable && letter_bytes >= kMinLetterBytes && !out.code.empty();
  return out;
}

std::string choose_language(std::string_view given, std::string_view title, std::string_view body,
                            const std::string& fallback) {
  if (!given.empty()) {
    std::string code = normalise_language(given);
    if (!code.empty()) return code;
  }
  DetectedLanguage found = detect_language(title, body);
  return found.reliable ? found.code : fallback;
}

}  // namespace newsdex
