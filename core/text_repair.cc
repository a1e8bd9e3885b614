#include "core/text_repair.h"

#include "core/text_encoding.h"

#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace newsdex {
namespace {

constexpr UChar32 kReplacement = 0xFFFD;

void append_utf8(std::string& out, UChar32 c) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, c, error);
  if (error) {
    out += "\xEF\xBF\xBD";
    return;
  }
  out.append(buf, static_cast<std::size_t>(len));
}

// For one legacy code page: which byte each non-ASCII character came from.
// Built from ICU's own converter tables so no table is typed in by hand.
class LegacyCodePage {
 public:
  explicit LegacyCodePage(const char* name) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter* conv = ucnv_open(name, &status);
    if (U_FAILURE(status)) return;
    for (int b = 0x80; b <= 0xFF; ++b) {
      char byte = static_cast<char>(b);
      UChar out[4];
      status = U_ZERO_ERROR;
      ucnv_reset(conv);
      int32_t n = ucnv_toUChars(conv, out, 4, &byte, 1, &status);
      UChar32 c = (U_SUCCESS(status) && n == 1 && out[0] != 0xFFFD && out[0] != 0x1A)
                      ? out[0]
                      // Windows-1252 leaves five bytes undefined; programs that
                      // mis-decode map them through to the C1 controls.
                      : static_cast<UChar32>(b);
      to_byte_[c] = static_cast<uint8_t>(b);
    }
    ucnv_close(conv);
  }

  // The byte a character came from, or -1 when it cannot have come from this page.
  int byte_of(UChar32 c) const {
    if (c < 0x80) return -1;
    auto it = to_byte_.find(c);
    return it == to_byte_.end() ? -1 : it->second;
  }

 private:
  std::unordered_map<UChar32, uint8_t> to_byte_;
};

const std::array<const LegacyCodePage*, 2>& code_pages() {
  static const LegacyCodePage windows1252("windows-1252");
  static const LegacyCodePage mac_roman("macintosh");
  static const std::array<const LegacyCodePage*, 2> pages{&windows1252, &mac_roman};
  return pages;
}

// Characters a double-encoded text plausibly meant: Latin letters and symbols,
// typographic punctuation, currency and letterlike symbols. Anything else (Cyrillic,
// CJK, controls) would be a guess, so it is left alone.
bool plausible_original(UChar32 c) {
  return (c >= 0xA0 && c <= 0x24F) || (c >= 0x2000 && c <= 0x206F) ||
         (c >= 0x20A0 && c <= 0x20CF) || (c >= 0x2100 && c <= 0x214F);
}

std::size_t utf8_length_from_lead(int b) {
  if (b >= 0xC2 && b <= 0xDF) return 2;
  if (b >= 0xE0 && b <= 0xEF) return 3;
  if (b >= 0xF0 && b <= 0xF4) return 4;
  return 0;
}

// Tries to read cps[i...] as the legacy-page rendering of one UTF-8 character.
// Returns the number of code points consumed (0 if none) and the original character.
std::size_t undo_at(const std::vector<UChar32>& cps, std::size_t i, UChar32& original) {
  for (const LegacyCodePage* page : code_pages()) {
    int lead = page->byte_of(cps[i]);
    std::size_t n = utf8_length_from_lead(lead);
    if (n == 0 || i + n > cps.size()) continue;
    uint8_t bytes[4] = {static_cast<uint8_t>(lead)};
    bool ok = true;
    for (std::size_t k = 1; k < n && ok; ++k) {
      int b = page->byte_of(cps[i + k]);
      if (b < 0x80 || b > 0xBF)
        ok = false;
      else
        bytes[k] = static_cast<uint8_t>(b);
    }
    if (!ok) continue;
    int32_t off = 0;
    UChar32 c;
    U8_NEXT(bytes, off, static_cast<int32_t>(n), c);
    if (c >= 0 && off == static_cast<int32_t>(n) && plausible_original(c)) {
      original = c;
      return n;
    }
  }
  return 0;
}

}  // namespace

std::string describe_repairs(const RepairReport& r) {
  std::string out;
  if (!r.converted_from.empty()) out += "read as " + r.converted_from;
  if (r.invalid_sequences) {
    if (!out.empty()) out += ", ";
    out += std::to_string(r.invalid_sequences) + " invalid UTF-8 sequence" +
           (r.invalid_sequences == 1 ? "" : "s") + " replaced";
  }
  if (r.nul_bytes) {
    if (!out.empty()) out += ", ";
    out +=
        std::to_string(r.nul_bytes) + " NUL byte" + (r.nul_bytes == 1 ? "" : "s") + " made spaces";
  }
  if (r.mojibake_repairs) {
    if (!out.empty()) out += ", ";
    out += std::to_string(r.mojibake_repairs) + " double-encoded character" +
           (r.mojibake_repairs == 1 ? "" : "s") + " repaired";
  }
  return out;
}

bool has_binary_signature(std::string_view bytes) {
  using namespace std::string_view_literals;  // sized: some signatures hold NUL bytes
  static constexpr std::string_view kSignatures[] = {"\x89PNG\r\n"sv,
                                                     "GIF87a"sv,
                                                     "GIF89a"sv,
                                                     "\xFF\xD8\xFF"sv,
                                                     "%PDF-"sv,
                                                     "PK\x03\x04"sv,
                                                     "\x1F\x8B"sv,
                                                     "\x7F"
                                                     "ELF"sv,
                                                     "\xFD"
                                                     "7zXZ"sv,
                                                     "7z\xBC\xAF"sv,
                                                     "Rar!\x1A\x07"sv,
                                                     "\x28\xB5\x2F\xFD"sv,
                                                     "OggS"sv,
                                                     "\x00\x00\x01\xBA"sv,
                                                     "\xD0\xCF\x11\xE0"sv};
  for (std::string_view sig : kSignatures)
    if (bytes.substr(0, sig.size()) == sig) return true;
  return false;
}

bool looks_binary(std::string_view bytes) {
  if (has_binary_signature(bytes)) return true;
  std::string_view head = bytes.substr(0, 8192);
  std::size_t bad = 0;
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(head.data());
  const auto len = static_cast<int32_t>(head.size());
  while (i < len) {
    // Printable ASCII needs no decoding: eight bytes at a time when all are (no byte
    // at or above 0x80, none below 0x20), as in most text.
    if (i + 8 <= len) {
      std::uint64_t eight;
      std::memcpy(&eight, s + i, 8);
      constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
      if ((((eight | kHigh) - 0x2020202020202020ULL) & kHigh) == kHigh && (eight & kHigh) == 0) {
        i += 8;
        continue;
      }
    }
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')) ++bad;
  }
  // A few stray bytes are a damaged text; a third of them is something else. Short
  // files are judged the same way, but one odd byte in a few is not yet a third.
  return bad * 3 > head.size() && (head.size() >= 16 || bad * 2 > head.size());
}

std::string repair_text(std::string_view bytes, RepairReport& report) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (auto utf8 = utf16_to_utf8(bytes, &report.converted_from)) {
    RepairReport inner;
    std::string out = repair_text(*utf8, inner);
    report.invalid_sequences += inner.invalid_sequences;
    report.mojibake_repairs += inner.mojibake_repairs;
    report.nul_bytes += inner.nul_bytes;
    return out;
  }
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto len = static_cast<int64_t>(bytes.size());

  // Pass 1: decode, replacing invalid sequences. Pure ASCII/valid text with no
  // candidate mojibake characters is returned as it is, which is the common case.
  std::vector<UChar32> cps;
  bool valid = true;
  bool suspicious = false;
  for (int64_t i = 0; i < len;) {
    if (s[i] < 0x80) {
      suspicious |= s[i] == 0;
      ++i;
      continue;
    }
    int32_t off = 0;
    const int32_t rest = static_cast<int32_t>(std::min<int64_t>(len - i, 4));
    UChar32 c;
    U8_NEXT(s + i, off, rest, c);
    if (c < 0) valid = false;
    // A double-encoded character that plausibly_original() accepts starts with the
    // byte C2..C9 or E2, which Windows-1252 shows as Â..É or â and Mac Roman as
    // ¬ √ ƒ ≈ ∆ « » … or ‚.
    else if ((c >= 0xC2 && c <= 0xC9) || c == 0xE2 || c == 0xAC || c == 0x221A || c == 0x192 ||
             c == 0x2248 || c == 0x2206 || c == 0xAB || c == 0xBB || c == 0x2026 || c == 0x201A)
      suspicious = true;
    i += off;
  }
  if (valid && !suspicious) return std::string(bytes);

  cps.reserve(bytes.size());
  for (int64_t i = 0; i < len;) {
    int32_t off = 0;
    const int32_t rest = static_cast<int32_t>(std::min<int64_t>(len - i, 4));
    UChar32 c;
    U8_NEXT(s + i, off, rest, c);
    if (c < 0) {
      ++report.invalid_sequences;
      c = kReplacement;
    } else if (c == 0) {
      ++report.nul_bytes;
      c = ' ';
    }
    cps.push_back(c);
    i += off;
  }

  std::string out;
  out.reserve(bytes.size());
  for (std::size_t i = 0; i < cps.size();) {
    UChar32 original;
    std::size_t n = cps[i] >= 0x80 ? undo_at(cps, i, original) : 0;
    if (n) {
      append_utf8(out, original);
      ++report.mojibake_repairs;
      i += n;
    } else {
      append_utf8(out, cps[i]);
      ++i;
    }
  }
  return out;
}

}  // namespace newsdex
