#include "core/ner/tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <string>
#include <vector>

#include "core/ner/text_normalise.h"

namespace newsdex::ner {
namespace {

struct CodePoint {
  UChar32 c;  // -1 for an invalid byte
  std::size_t start, end;
};

std::vector<CodePoint> decode(std::string_view text) {
  std::vector<CodePoint> out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    int32_t begin = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    out.push_back({c, static_cast<std::size_t>(begin), static_cast<std::size_t>(i)});
  }
  return out;
}

bool is_word_char(UChar32 c) {
  return c > 0 &&
         (u_isalnum(c) || u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK);
}
bool is_apostrophe(UChar32 c) {
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}
bool is_sentence_end(std::string_view token) {
  return token == "." || token == "!" || token == "?" || token == "..." || token == "\xE2\x80\xA6";
}
bool is_closing(std::string_view token) {
  return token == "\"" || token == "'" || token == ")" || token == "]" || token == "\xE2\x80\x9D" ||
         token == "\xE2\x80\x99" || token == "\xC2\xBB";
}

// Abbreviations that keep their period and do not end a sentence.
bool is_abbreviation(std::string_view word) {
  static constexpr std::array<std::string_view, 40> kAbbreviations = {
      "Mr",  "Mrs",  "Ms",  "Dr",  "St",  "Jr",   "Sr",  "Gen",  "Col", "Lt",
      "Sgt", "Capt", "Gov", "Sen", "Rep", "Prof", "Inc", "Corp", "Co",  "Ltd",
      "vs",  "etc",  "Jan", "Feb", "Mar", "Apr",  "Aug", "Sept", "Sep", "Oct",
      "Nov", "Dec",  "No",  "Mt",  "Ft",  "Adm",  "Maj", "Rev",  "Hon", "Messrs"};
  for (std::string_view a : kAbbreviations) {
    if (word == a) return true;
  }
  return false;
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text), cps_(decode(text)) {}

  Document run() {
    std::size_t i = 0;
    while (i < cps_.size()) {
      UChar32 c = cps_[i].c;
      if (c == '\n' || c == '\r') {
        i = line_break(i);
        continue;
      }
      // "¬†" is how a no-break space (C2 A0) reads after a Mac Roman mis-decoding.
      if (c == 0x00AC && i + 1 < cps_.size() && cps_[i + 1].c == 0x2020) {
        i += 2;
        continue;
      }
      if (c > 0 && is_space_code_point(c)) {
        ++i;
        continue;
      }
      i = is_word_char(c) ? word(i) : punctuation(i);
    }
    end_sentence();
    return std::move(document_);
  }

 private:
  std::size_t line_break(std::size_t i) {
    // Count the line breaks in this run of whitespace.
    int breaks = 0;
    std::size_t j = i;
    while (j < cps_.size() && cps_[j].c > 0 && (is_space_code_point(cps_[j].c))) {
      if (cps_[j].c == '\n') ++breaks;
      ++j;
    }
    bool wrapped = false;
    if (breaks == 1 && !sentence_.words.empty() && j < cps_.size()) {
      // Hard-wrapped prose: the line ends mid-sentence and the next starts in lower case.
      const std::string& last = sentence_.words.back();
      UChar32 next = cps_[j].c;
      wrapped = !is_sentence_end(last) && next > 0 && u_islower(next);
    }
    if (!wrapped) end_sentence();
    return j;
  }

  std::size_t word(std::size_t i) {
    if ((cps_[i].c == 'n' || cps_[i].c == 'N') && i + 2 < cps_.size() &&
        is_apostrophe(cps_[i + 1].c) && (cps_[i + 2].c == 't' || cps_[i + 2].c == 'T') &&
        (i + 3 == cps_.size() || !is_word_char(cps_[i + 3].c))) {
      add(i, i + 3);  // the "n't" of "don't"
      return i + 3;
    }
    std::size_t j = i;
    while (j < cps_.size()) {
      UChar32 c = cps_[j].c;
      if (is_word_char(c)) {
        ++j;
        continue;
      }
      bool inner = j + 1 < cps_.size() && is_word_char(cps_[j + 1].c);
      if ((c == '-' || c == '&' || c == '/') && inner) {
        ++j;
        continue;
      }
      if (c == '.' && inner && j > i) {  // 3.5, U.S, www.x.com
        ++j;
        continue;
      }
      if (is_apostrophe(c) && inner) {
        // "Trump's" / "Trump’s": the possessive is its own token; "O'Neill" stays whole.
        std::size_t k = j + 1;
        while (k < cps_.size() && is_word_char(cps_[k].c)) ++k;
        std::string_view rest = slice(j + 1, k);
        if (rest == "s" || rest == "S" || rest == "ll" || rest == "re" || rest == "ve" ||
            rest == "d" || rest == "m") {
          break;
        }
        if (rest == "t" && j > i + 1 && (cps_[j - 1].c == 'n' || cps_[j - 1].c == 'N')) {
          --j;  // "don't" -> "do" "n't"
          break;
        }
        ++j;
        continue;
      }
      break;
    }
    // Keep a final period on abbreviations: "U.S.", "Mr.", single initials "J.".
    if (j < cps_.size() && cps_[j].c == '.') {
      std::string_view w = slice(i, j);
      bool dotted = w.find('.') != std::string_view::npos && !has_digit(w);
      bool initial = j - i == 1 && u_isupper(cps_[i].c);
      if (dotted || initial || is_abbreviation(w)) ++j;
    }
    add(i, j);
    return j;
  }

  std::size_t punctuation(std::size_t i) {
    std::size_t j = i + 1;
    UChar32 c = cps_[i].c;
    if (c == '.' || c == '-') {
      while (j < cps_.size() && cps_[j].c == c) ++j;  // "..." and "--" as one token
    } else if (is_apostrophe(c) && j < cps_.size() && is_word_char(cps_[j].c)) {
      std::size_t k = j;
      while (k < cps_.size() && is_word_char(cps_[k].c)) ++k;
      std::string_view rest = slice(j, k);
      if (rest == "s" || rest == "S" || rest == "ll" || rest == "re" || rest == "ve" ||
          rest == "d" || rest == "m" || rest == "t") {
        j = k;  // the possessive / contraction as one token: 's, n't handled in word()
      }
    }
    add(i, j);
    std::string_view token = slice(i, j);
    if (is_sentence_end(token)) pending_end_ = true;
    return j;
  }

  std::string_view slice(std::size_t from, std::size_t to) const {
    if (from >= to) return {};
    return text_.substr(cps_[from].start, cps_[to - 1].end - cps_[from].start);
  }

  void add(std::size_t from, std::size_t to) {
    std::string_view token = slice(from, to);
    if (pending_end_ && !is_closing(token) && !is_sentence_end(token)) {
      UChar32 first = cps_[from].c;
      bool starts_sentence = first > 0 && (u_isupper(first) || u_isdigit(first) || first == '"' ||
                                           first == 0x201C || first == '(');
      if (starts_sentence) end_sentence();
      pending_end_ = false;
    }
    sentence_.words.emplace_back(token);
    sentence_.starts.push_back(cps_[from].start);
    sentence_.ends.push_back(cps_[to - 1].end);
  }

  void end_sentence() {
    pending_end_ = false;
    if (!sentence_.words.empty()) document_.sentences.push_back(std::move(sentence_));
    sentence_ = Sentence{};
  }

  std::string_view text_;
  std::vector<CodePoint> cps_;
  Document document_;
  Sentence sentence_;
  bool pending_end_ = false;
};

}  // namespace

Document tokenize_text(std::string_view text) {
  return Scanner(text).run();
}

}  // namespace newsdex::ner
