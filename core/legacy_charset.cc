#include "core/legacy_charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <memory>

namespace newsdex {
namespace {

// How far into a file a declaration is looked for (HTML's prescan reads 1024 bytes;
// pages with long comments or scripts before <meta> are common enough to read more).
constexpr std::size_t kDeclarationWindow = 4096;
// How much of a file the detector reads: enough for its statistics, bounded for speed.
constexpr std::size_t kDetectionWindow = 64 * 1024;
// ICU's confidence (0-100) below which a detected charset is not trusted: its guesses
// for short runs of high bytes in English text (a stray 0xFF) fall under it.
constexpr int32_t kMinConfidence = 30;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The value after `key` in `head` (lowercased), up to a quote, space, ';', '>' or '?'.
std::string value_after(const std::string& head, std::size_t at) {
  while (at < head.size() &&
         (head[at] == ' ' || head[at] == '=' || head[at] == '"' || head[at] == '\''))
    ++at;
  std::size_t end = at;
  while (end < head.size() &&
         (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '-' ||
          head[end] == '_' || head[end] == '.' || head[end] == ':'))
    ++end;
  return head.substr(at, end - at);
}

struct Utf8Census {
  std::size_t valid_multibyte = 0;  // well-formed sequences of 2-4 bytes
  std::size_t invalid = 0;          // bytes that start no well-formed sequence
};

Utf8Census census(std::string_view s) {
  Utf8Census c;
  std::size_t i = 0;
  while (i < s.size()) {
    // Eight ASCII bytes at a time: every file is counted, and most text is ASCII.
    if (i + 8 <= s.size()) {
      std::uint64_t eight;
      std::memcpy(&eight, s.data() + i, 8);
      if ((eight & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = b >= 0xC2 && b <= 0xDF   ? 2
                      : b >= 0xE0 && b <= 0xEF ? 3
                      : b >= 0xF0 && b <= 0xF4 ? 4
                                               : 0;
    bool ok = len != 0 && i + len <= s.size();
    for (std::size_t k = 1; ok && k < len; ++k)
      ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (ok && len == 3) {
      const auto b1 = static_cast<unsigned char>(s[i + 1]);
      ok = !(b == 0xE0 && b1 < 0xA0) && !(b == 0xED && b1 >= 0xA0);  // overlong, surrogate
    } else if (ok && len == 4) {
      const auto b1 = static_cast<unsigned char>(s[i + 1]);
      ok = !(b == 0xF0 && b1 < 0x90) && !(b == 0xF4 && b1 >= 0x90);
    }
    if (ok) {
      ++c.valid_multibyte;
      i += len;
    } else {
      ++c.invalid;
      ++i;
    }
  }
  return c;
}

// Control bytes other than whitespace and ESC (which ISO-2022 uses): text in any
// charset has next to none, binary data has many. Detection is not tried past 1%.
bool has_control_bytes(std::string_view sample) {
  std::size_t controls = 0;
  for (char ch : sample) {
    const auto b = static_cast<unsigned char>(ch);
    if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' && b != 0x1B) ||
        b == 0x7F)
      ++controls;
  }
  return controls * 100 > sample.size();
}

// Whether a Latin charset's reading of `sample` looks like words: a high byte that is
// a letter there (0xC0-0xFF: accented letters) sits in a word with plain ASCII letters,
// as "café", "Grüße", "où" do. Stray bytes in English text ("\xff\xfe", "\xc3(") do
// not, and are left to text repair as invalid UTF-8.
bool latin_letters_in_words(std::string_view sample) {
  auto is_ascii_letter = [](unsigned char b) { return (b | 0x20) >= 'a' && (b | 0x20) <= 'z'; };
  auto in_word = [&](unsigned char b) { return is_ascii_letter(b) || b >= 0xC0; };
  std::size_t letters = 0, in_words = 0;
  for (std::size_t i = 0; i < sample.size(); ++i) {
    const auto b = static_cast<unsigned char>(sample[i]);
    if (b < 0xC0) continue;
    ++letters;
    std::size_t lo = i, hi = i;
    while (lo > 0 && in_word(static_cast<unsigned char>(sample[lo - 1]))) --lo;
    while (hi + 1 < sample.size() && in_word(static_cast<unsigned char>(sample[hi + 1]))) ++hi;
    for (std::size_t k = lo; k <= hi; ++k)
      if (is_ascii_letter(static_cast<unsigned char>(sample[k]))) {
        ++in_words;
        break;
      }
  }
  return letters == 0 || in_words * 3 >= letters * 2;
}

bool is_latin_charset(const std::string& name) {
  const std::string n = [&] {
    std::string l;
    for (char c : name) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return l;
  }();
  return n == "iso-8859-1" || n == "iso-8859-2" || n == "iso-8859-9" || n == "iso-8859-15" ||
         n == "windows-1250" || n == "windows-1252" || n == "windows-1254";
}

bool is_utf8_name(const std::string& name) {
  const std::string n = lower(name);
  return n == "utf-8" || n == "utf8" || n == "unicode-1-1-utf-8";
}

// The name ICU converts with: the WHATWG reading of Latin-1 and ASCII labels.
std::string converter_name(const std::string& declared) {
  const std::string n = lower(declared);
  if (n == "iso-8859-1" || n == "iso8859-1" || n == "latin1" || n == "latin-1" || n == "l1" ||
      n == "us-ascii" || n == "ascii" || n == "cp1252" || n == "iso_8859-1" || n == "windows-1252")
    return "windows-1252";
  return declared;
}

std::optional<std::string> convert(std::string_view bytes, const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(charset.c_str(), &status),
                                                          ucnv_close);
  if (U_FAILURE(status) || !conv) return std::nullopt;
  // Unmappable bytes become U+FFFD (ICU's default substitution callback).
  icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), conv.get(), status);
  if (U_FAILURE(status)) return std::nullopt;
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace

std::string declared_charset(std::string_view bytes) {
  const std::string head = lower(bytes.substr(0, kDeclarationWindow));
  if (head.rfind("<?xml", 0) == 0) {
    const auto end = head.find("?>");
    const auto at = head.find("encoding");
    if (at != std::string::npos && (end == std::string::npos || at < end))
      return value_after(head, at + 8);
  }
  for (std::size_t meta = head.find("<meta"); meta != std::string::npos;
       meta = head.find("<meta", meta + 5)) {
    const auto close = head.find('>', meta);
    const std::string tag = head.substr(meta, close == std::string::npos ? close : close - meta);
    // <meta charset="X"> and <meta http-equiv="Content-Type" content="text/html; charset=X">
    if (auto at = tag.find("charset"); at != std::string::npos) {
      std::string v = value_after(tag, at + 7);
      if (!v.empty()) return v;
    }
  }
  return {};
}

std::optional<std::string> legacy_to_utf8(std::string_view bytes, std::string* name) {
  const Utf8Census c = census(bytes);
  if (c.invalid == 0) return std::nullopt;  // valid UTF-8 (or ASCII), whatever it declares
  std::string charset = declared_charset(bytes);
  if (!charset.empty() && is_utf8_name(charset)) return std::nullopt;  // damaged UTF-8
  if (charset.empty()) {
    // More good multibyte sequences than bad bytes: UTF-8 with damage, for text repair.
    if (c.valid_multibyte >= c.invalid) return std::nullopt;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> detector(ucsdet_open(&status),
                                                                            ucsdet_close);
    if (U_FAILURE(status)) return std::nullopt;
    const std::string_view sample = bytes.substr(0, kDetectionWindow);
    if (has_control_bytes(sample)) return std::nullopt;  // binary: not for a charset
    ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
    const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
    if (U_FAILURE(status) || !match) return std::nullopt;
    const int32_t confidence = ucsdet_getConfidence(match, &status);
    const char* detected = ucsdet_getName(match, &status);
    if (U_FAILURE(status) || !detected || confidence < kMinConfidence) return std::nullopt;
    charset = detected;
    if (is_utf8_name(charset) || lower(charset).rfind("utf-16", 0) == 0 ||
        lower(charset).rfind("utf-32", 0) == 0)
      return std::nullopt;
    if (is_latin_charset(charset) && !latin_letters_in_words(sample)) return std::nullopt;
  }
  charset = converter_name(charset);
  auto out = convert(bytes, charset);
  if (out && name) *name = lower(charset);
  return out;
}

}  // namespace newsdex
