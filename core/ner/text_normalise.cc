#include "core/ner/text_normalise.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cctype>

namespace newsdex::ner {
namespace {

// ASCII character classes, inline: what <cctype> answers in the C locale (the only one
// newsdex runs in), without a library call per byte on the per-token paths, and the same
// whatever locale an embedding program sets.
bool is_upper(unsigned char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_lower(unsigned char c) {
  return c >= 'a' && c <= 'z';
}
bool is_digit(unsigned char c) {
  return c >= '0' && c <= '9';
}
char to_lower(unsigned char c) {
  return static_cast<char>(is_upper(c) ? c + ('a' - 'A') : c);
}

bool is_ascii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

// Replacement for code points that NFD does not reduce to ASCII; nullptr when none.
const char* special_fold(UChar32 c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
    case 0x00B4:
      return "'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2033:
      return "\"";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
      return "-";
    case 0x2026:
      return "...";
    case 0x00DF:
      return "ss";
    case 0x00F8:
      return "o";
    case 0x00D8:
      return "O";
    case 0x00E6:
      return "ae";
    case 0x00C6:
      return "AE";
    case 0x0153:
      return "oe";
    case 0x0152:
      return "OE";
    case 0x0142:
      return "l";
    case 0x0141:
      return "L";
    case 0x0111:
      return "d";
    case 0x0110:
      return "D";
    case 0x0131:
      return "i";
    case 0x00F0:
      return "d";
    case 0x00DE:
      return "Th";
    case 0x00FE:
      return "th";
    default:
      return nullptr;
  }
}

void append_utf8(std::string& out, UChar32 c) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(buf, len, 4, c, error);
  if (!error) out.append(buf, static_cast<std::size_t>(len));
}

}  // namespace

bool is_space_code_point(int c) {
  return c == 0x00A0 || c == 0x200B || c == 0xFEFF || c == 0x2060 || u_isUWhiteSpace(c);
}

std::string ascii_fold(std::string_view utf8) {
  if (is_ascii(utf8)) return std::string(utf8);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  std::string out;
  out.reserve(utf8.size());
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  auto length = static_cast<int32_t>(utf8.size());
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      out += '?';
      continue;
    }
    if (c < 0x80) {
      out += static_cast<char>(c);
      continue;
    }
    if (const char* folded = special_fold(c)) {
      out += folded;
      continue;
    }
    if (is_space_code_point(c)) {
      out += ' ';
      continue;
    }
    icu::UnicodeString decomposed;
    if (U_SUCCESS(status)) decomposed = nfd->normalize(icu::UnicodeString(c), status);
    bool kept_any = false;
    for (int32_t k = 0; k < decomposed.length();) {
      UChar32 d = decomposed.char32At(k);
      k += U16_LENGTH(d);
      if (u_charType(d) == U_NON_SPACING_MARK) continue;
      append_utf8(out, d);
      kept_any = true;
    }
    if (!kept_any && decomposed.length() == 0) append_utf8(out, c);
  }
  return out;
}

std::string lower_case(std::string_view utf8) {
  if (is_ascii(utf8)) {
    std::string out(utf8);
    for (char& c : out) c = to_lower(static_cast<unsigned char>(c));
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  u.toLower(icu::Locale::getRoot());
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string join_key(std::string_view utf8) {
  std::string folded = lower_case(ascii_fold(utf8));
  std::string out;
  out.reserve(folded.size());
  for (char c : folded) {
    bool space = std::isspace(static_cast<unsigned char>(c));
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else if (c != '"' && c != '`') {
      out += c;
    }
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\'')) out.pop_back();
  if (out.size() > 2 && out.ends_with("'s")) out.resize(out.size() - 2);
  while (!out.empty() && (out.back() == ' ' || out.back() == '\'')) out.pop_back();
  std::size_t first = out.find_first_not_of(" '");
  return first == std::string::npos ? std::string() : out.substr(first);
}

std::string name_key(std::string_view utf8) {
  const std::string key = join_key(utf8);
  // A middle initial's full stop is optional in news ("George W. Bush", "George W Bush"):
  // dropped from a one-letter word followed by more of the name ("U.S." keeps its own).
  std::string out;
  out.reserve(key.size());
  for (std::size_t i = 0; i < key.size(); ++i) {
    const bool initial_stop = key[i] == '.' && i >= 1 && is_lower(key[i - 1]) &&
                              (i == 1 || key[i - 2] == ' ') && i + 1 < key.size() &&
                              key[i + 1] == ' ';
    if (!initial_stop) out += key[i];
  }
  return out;
}

std::string word_shape(std::string_view word, bool collapse) {
  std::string out;
  char last = 0;
  for (unsigned char c : word) {
    char cls;
    if (c >= 0x80) {
      if ((c & 0xC0) == 0x80) continue;  // continuation byte: one symbol per code point
      cls = '~';
    } else if (is_upper(c)) {
      cls = 'X';
    } else if (is_lower(c)) {
      cls = 'x';
    } else if (is_digit(c)) {
      cls = 'd';
    } else {
      cls = static_cast<char>(c);
    }
    if (collapse && cls == last) continue;
    out += cls;
    last = cls;
  }
  return out;
}

bool has_upper_initial(std::string_view word) {
  if (word.empty()) return false;
  auto c = static_cast<unsigned char>(word[0]);
  if (c < 0x80) return is_upper(c);
  int32_t i = 0;
  UChar32 cp;
  U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), i, static_cast<int32_t>(word.size()), cp);
  return cp > 0 && u_isupper(cp);
}

bool is_all_caps(std::string_view word) {
  bool letter = false;
  for (unsigned char c : word) {
    if (is_lower(c)) return false;
    if (is_upper(c)) letter = true;
  }
  return letter;
}

bool has_letter(std::string_view word) {
  for (unsigned char c : word) {
    if (is_upper(c) || is_lower(c) || c >= 0x80) return true;
  }
  return false;
}

bool has_digit(std::string_view word) {
  for (unsigned char c : word) {
    if (is_digit(c)) return true;
  }
  return false;
}

std::string title_case_words(std::string_view utf8) {
  std::string out;
  std::size_t i = 0;
  while (i < utf8.size()) {
    std::size_t j = i;
    while (j < utf8.size() && utf8[j] != ' ' && utf8[j] != '-') ++j;
    std::string_view word = utf8.substr(i, j - i);
    std::string lowered = lower_case(word);
    bool function_word = lowered == "of" || lowered == "and" || lowered == "the" ||
                         lowered == "for" || lowered == "de" || lowered == "al";
    bool acronym = word.size() <= 3 || word.find('.') != std::string_view::npos;
    if (function_word && !out.empty()) {
      out += lowered;
    } else if (acronym || !is_all_caps(word)) {
      out += word;
    } else {
      std::string lower = lower_case(word);
      if (!lower.empty() && static_cast<unsigned char>(lower[0]) < 0x80) {
        lower[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(lower[0])));
      }
      out += lower;
    }
    if (j < utf8.size()) out += utf8[j];
    i = j + 1;
  }
  return out;
}

}  // namespace newsdex::ner
