#include "core/cjk_ngrams.h"

#include <vector>

namespace newsdex {

bool is_cjk_code_point(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) ||    // CJK Unified Ideographs
         (c >= 0x3400 && c <= 0x4DBF) ||    // Extension A
         (c >= 0x20000 && c <= 0x3FFFF) ||  // Extensions B to H, compatibility supplement
         (c >= 0xF900 && c <= 0xFAFF) ||    // Compatibility Ideographs
         (c >= 0x3040 && c <= 0x30FF) ||    // Hiragana, Katakana (with ー)
         (c >= 0x31F0 && c <= 0x31FF) ||    // Katakana Phonetic Extensions
         (c >= 0xFF66 && c <= 0xFF9F) ||    // Halfwidth Katakana
         (c >= 0xAC00 && c <= 0xD7AF) ||    // Hangul Syllables
         (c >= 0x1100 && c <= 0x11FF) ||    // Hangul Jamo
         (c >= 0x3130 && c <= 0x318F) ||    // Hangul Compatibility Jamo
         (c >= 0x3100 && c <= 0x312F) ||    // Bopomofo
         c == 0x3005 || c == 0x3006;        // 々 〆
}

char32_t decode_utf8(std::string_view s, std::size_t i, std::size_t& len) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = b(0);
  len = 1;
  if (c < 0x80) return c;
  std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (n == 0 || i + n > s.size()) return 0xFFFD;
  char32_t cp = c & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(k) & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (b(k) & 0x3F);
  }
  len = n;
  return cp;
}

bool is_cjk_char_term(std::string_view term) {
  if (term.size() < 3 || term.size() > 4) return false;
  std::size_t len = 0;
  const char32_t c = decode_utf8(term, 0, len);
  return len == term.size() && is_cjk_code_point(c);
}

bool has_cjk(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 1;
    if (static_cast<unsigned char>(text[i]) >= 0xE0 && is_cjk_code_point(decode_utf8(text, i, len)))
      return true;
    i += len;
  }
  return false;
}

std::string cjk_run_query(const std::string& run, bool in_phrase) {
  std::vector<std::string_view> chars;
  for (std::size_t i = 0; i < run.size();) {
    std::size_t len = 1;
    decode_utf8(run, i, len);
    chars.emplace_back(run.data() + i, len);
    i += len;
  }
  std::string out;
  if (!in_phrase) out += '"';
  if (chars.size() == 1) out += chars.front();
  for (std::size_t i = 0; i + 1 < chars.size(); ++i) {
    if (i > 0) out += ' ';
    out += chars[i];
    out += chars[i + 1];
  }
  if (!in_phrase) out += '"';
  return out;
}

}  // namespace newsdex
