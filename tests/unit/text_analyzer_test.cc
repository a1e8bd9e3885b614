// The one text analysis documents and queries share: folding, word offsets, stemming.
#include <doctest/doctest.h>

#include <string>
#include <tuple>
#include <vector>

#include "core/text_analyzer.h"

using newsdex::TextAnalyzer;

namespace {

struct Word {
  std::string term;
  std::size_t start, end;
};

std::vector<Word> words_of(TextAnalyzer& a, std::string_view text) {
  std::vector<Word> out;
  a.for_each_word(text, [&](const std::string& t, std::size_t s, std::size_t e) {
    out.push_back({t, s, e});
  });
  return out;
}

std::vector<std::string> terms_of(TextAnalyzer& a, std::string_view text) {
  std::vector<std::string> out;
  for (const auto& w : words_of(a, text)) out.push_back(w.term);
  return out;
}

}  // namespace

TEST_CASE("fold: case, diacritics, NFKC, apostrophes and dotted acronyms") {
  TextAnalyzer a("english");
  CHECK(a.fold("Trump") == "trump");
  CHECK(a.fold("NATO") == "nato");
  CHECK(a.fold("Café") == "cafe");
  CHECK(a.fold("CAFÉ") == "cafe");
  // The decomposed spelling (e + combining acute) folds the same as the composed one.
  CHECK(a.fold("Cafe\xCC\x81") == "cafe");
  CHECK(a.fold("Zürich") == "zurich");
  CHECK(a.fold("São") == "sao");
  CHECK(a.fold("Hélène") == "helene");
  // NFKC: the "ﬁ" ligature and full-width letters become plain ASCII.
  CHECK(a.fold("ﬁnance") == "finance");
  CHECK(a.fold("ＡＢＣ") == "abc");
  // German sharp s case-folds to "ss".
  CHECK(a.fold("Straße") == "strasse");
  // Typographic apostrophes become plain ones; outer apostrophes are trimmed.
  CHECK(a.fold("Trump’s") == "trump's");
  CHECK(a.fold("Trump's") == "trump's");
  CHECK(a.fold("’tis") == "tis");
  // Acronyms written with dots.
  CHECK(a.fold("U.S.") == "us");
  CHECK(a.fold("u.s") == "us");
  CHECK(a.fold("U.K.") == "uk");
  // A dotted word that is not an acronym keeps its dots.
  CHECK(a.fold("example.com") == "example.com");
}

TEST_CASE("fold: a repeated non-ASCII word folds the same the second time (cached)") {
  TextAnalyzer a("english");
  for (int i = 0; i < 2; ++i) {
    CHECK(a.fold("É.U.") == "eu");
    CHECK(a.fold("’tis") == "tis");
    CHECK(a.fold("Café") == "cafe");
  }
}

TEST_CASE("fold_phrase joins folded words with single spaces") {
  TextAnalyzer a("english");
  CHECK(a.fold_phrase("Dmitry  Peskov") == "dmitry peskov");
  CHECK(a.fold_phrase("  WIRE\tSERVICE ") == "wire service");
  CHECK(a.fold_phrase("São Paulo") == "sao paulo");
  CHECK(a.fold_phrase("") == "");
}

TEST_CASE("words: folded terms with byte offsets into the original text") {
  TextAnalyzer a("english");
  const std::string text = "Le café, à São Paulo – “U.S.” Trump’s plan.";
  const auto words = words_of(a, text);
  std::vector<std::string> terms;
  for (const auto& w : words) terms.push_back(w.term);
  CHECK(terms ==
        std::vector<std::string>{"le", "cafe", "a", "sao", "paulo", "us", "trump's", "plan"});
  // Each range is the word as written: byte offsets, not code point offsets.
  const std::vector<std::string> written = {"Le",    "café", "à",       "São",
                                            "Paulo", "U.S",  "Trump’s", "plan"};
  REQUIRE(words.size() == written.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    CAPTURE(i);
    // ICU ends "U.S." before its final dot.
    CHECK(text.substr(words[i].start, words[i].end - words[i].start) == written[i]);
  }
  // "café" is 5 bytes: the next word starts after the comma and space.
  CHECK(words[1].start == 3);
  CHECK(words[1].end == 8);
  CHECK(words[2].start == 10);  // "à" after ", "
  CHECK(words[2].end == 12);
}

TEST_CASE("words: punctuation and spaces are not words, over-long junk is skipped") {
  TextAnalyzer a("english");
  CHECK(terms_of(a, " -- ,,, !!! ").empty());
  CHECK(terms_of(a, "").empty());
  const std::string junk(newsdex::kMaxWordBytes + 1, 'x');
  CHECK(terms_of(a, "before " + junk + " after") == std::vector<std::string>{"before", "after"});
  const std::string longest(newsdex::kMaxWordBytes, 'y');
  CHECK(terms_of(a, longest) == std::vector<std::string>{longest});
}

TEST_CASE("stemming: inflected forms share a stem") {
  TextAnalyzer a("english");
  const std::string stem = a.stem("negotiating");
  CHECK(!stem.empty());
  CHECK(a.stem("negotiations") == stem);
  CHECK(a.stem("negotiate") == stem);
  CHECK(a.stem("negotiated") == stem);
  CHECK(a.stem("escalates") == a.stem("escalating"));
  CHECK(a.stem("trade") != a.stem("trump"));
  // The cache returns the same answer on a second call.
  CHECK(a.stem("negotiating") == stem);
}

TEST_CASE("language none: no stemming") {
  TextAnalyzer a("none");
  // The stem is the word itself.
  CHECK(a.stem("negotiating") == "negotiating");
  CHECK(a.stem("negotiations") == "negotiations");
  CHECK(a.fold("Café") == "cafe");
}
