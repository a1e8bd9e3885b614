// The language of an article: the one its data names, else the one CLD2 (Google's
// Compact Language Detector 2, Debian's libcld2) finds in its text, else the schema's.
// The indexer stores it as the `language` field and stems the article with it.
#pragma once

#include <string>
#include <string_view>

namespace newsdex {

struct DetectedLanguage {
  std::string code;       // ISO 639-1, empty when CLD2 found none
  bool reliable = false;  // CLD2's own verdict, and enough letters to judge by
};

// Detects the language of `title` and the start of `body` (kDetectBodyBytes: the first
// few KB say as much as the whole article, at a fraction of the cost). The text must be
// valid UTF-8, as the loader makes every text.
DetectedLanguage detect_language(std::string_view title, std::string_view body);

// The language an article is indexed as: `given` (the reader's value: JSON `lang`,
// HTML `lang`...) when it names a language iso639_1 knows; else the detected
// language when detection is reliable; else `fallback` (the schema's language code,
// possibly empty).
std::string choose_language(std::string_view given, std::string_view title, std::string_view body,
                            const std::string& fallback);

// How much of the body detection reads.
inline constexpr std::size_t kDetectBodyBytes = 2048;

}  // namespace newsdex
