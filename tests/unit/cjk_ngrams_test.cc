// CJK text as characters in the analysis and as bigram phrases in queries, whatever
// ICU's dictionary makes of the words.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/cjk_ngrams.h"
#include "core/text_analyzer.h"
#include "search/query_builder.h"

using newsdex::cjk_run_query;
using newsdex::fold_query_text;
using newsdex::has_cjk;
using newsdex::is_cjk_char_term;
using newsdex::TextAnalyzer;

namespace {

std::vector<std::string> terms_of(TextAnalyzer& a, std::string_view text) {
  std::vector<std::string> out;
  a.for_each_word(text, [&](const std::string& t, std::size_t, std::size_t) { out.push_back(t); });
  return out;
}

}  // namespace

TEST_CASE("is_cjk_char_term: one Han, kana or Hangul character") {
  CHECK(is_cjk_char_term("贸"));
  CHECK(is_cjk_char_term("の"));
  CHECK(is_cjk_char_term("ア"));
  CHECK(is_cjk_char_term("한"));
  CHECK(is_cjk_char_term("𠀀"));  // Extension B, four bytes
  CHECK_FALSE(is_cjk_char_term("贸易"));
  CHECK_FALSE(is_cjk_char_term("é"));
  CHECK_FALSE(is_cjk_char_term("abc"));
  CHECK_FALSE(is_cjk_char_term("д"));
  CHECK(has_cjk("trade 贸易战"));
  CHECK_FALSE(has_cjk("Zürich café"));
}

TEST_CASE("TextAnalyzer: every CJK character is a word, with its byte range") {
  TextAnalyzer a("english");
  CHECK(terms_of(a, "中美贸易战") == std::vector<std::string>{"中", "美", "贸", "易", "战"});
  CHECK(terms_of(a, "気象庁は発表") ==
        std::vector<std::string>{"気", "象", "庁", "は", "発", "表"});
  // Latin words beside CJK stay whole; halfwidth katakana are folded to fullwidth.
  CHECK(terms_of(a, "GDP增长 Trade") == std::vector<std::string>{"gdp", "增", "长", "trade"});
  CHECK(terms_of(a, "ｱｲ") == std::vector<std::string>{"ア", "イ"});
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  a.for_each_word("a 贸易", [&](const std::string&, std::size_t s, std::size_t e) {
    ranges.emplace_back(s, e);
  });
  CHECK(ranges == std::vector<std::pair<std::size_t, std::size_t>>{{0, 1}, {2, 5}, {5, 8}});
}

TEST_CASE("cjk_run_query: the phrase of the bigrams, or the one character") {
  CHECK(cjk_run_query("贸易战", false) == "\"贸易 易战\"");
  CHECK(cjk_run_query("放缓", false) == "\"放缓\"");
  CHECK(cjk_run_query("战", false) == "\"战\"");
  CHECK(cjk_run_query("经济学家", true) == "经济 济学 学家");
}

TEST_CASE("fold_query_text: CJK runs become bigram phrases, in or out of quotes") {
  TextAnalyzer a("english");
  CHECK(fold_query_text("贸易战", a) == "\"贸易 易战\"");
  CHECK(fold_query_text("Trade 贸易战 OR 放缓", a) == "trade \"贸易 易战\" OR \"放缓\"");
  CHECK(fold_query_text("title:気象庁", a) == "title:\"気象 象庁\"");
  // In a phrase the user quoted, spaced CJK words are one run.
  CHECK(fold_query_text("\"贸易战 放缓\"", a) == "\"贸易 易战 战放 放缓\"");
  CHECK(fold_query_text("-经济", a) == "-\"经济\"");
}
