#include <doctest/doctest.h>

#include <string>

#include "core/ner/tokenizer.h"

using namespace newsdex::ner;

namespace {

std::vector<std::string> words(const Document& d) {
  std::vector<std::string> out;
  for (const Sentence& s : d.sentences) out.insert(out.end(), s.words.begin(), s.words.end());
  return out;
}

// Every token's offsets must point at exactly its bytes in the input.
void check_offsets(const std::string& text, const Document& d) {
  for (const Sentence& s : d.sentences) {
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      CHECK(text.substr(s.starts[i], s.ends[i] - s.starts[i]) == s.words[i]);
    }
  }
}

}  // namespace

TEST_CASE("punctuation, quotes and possessives are split CoNLL-style with byte offsets") {
  std::string text = "“We do not practice it,” said Donald Trump’s aide in the U.S. capital.";
  Document d = tokenize_text(text);
  check_offsets(text, d);
  CHECK(words(d) == std::vector<std::string>{"“", "We", "do", "not", "practice", "it", ",", "”",
                                             "said", "Donald", "Trump", "’s", "aide", "in", "the",
                                             "U.S.", "capital", "."});
}

TEST_CASE("no-break spaces, its Mac Roman mojibake and dashes separate tokens") {
  std::string text = "UNITED STATES (OBSERVATORY) –\xC2\xAC\xE2\x80\xA0Moscow is\xC2\xA0here";
  Document d = tokenize_text(text);
  check_offsets(text, d);
  CHECK(words(d) == std::vector<std::string>{"UNITED", "STATES", "(", "OBSERVATORY", ")", "–",
                                             "Moscow", "is", "here"});
}

TEST_CASE("sentences end at . ! ? before a capital and at blank lines, not after Mr.") {
  std::string text = "Mr. Smith went to Washington. He said so!\n\nNew paragraph 1996-08-22 here";
  Document d = tokenize_text(text);
  check_offsets(text, d);
  REQUIRE(d.sentences.size() == 3);
  CHECK(d.sentences[0].words.front() == "Mr.");
  CHECK(d.sentences[0].words.back() == ".");
  CHECK(d.sentences[1].words == std::vector<std::string>{"He", "said", "so", "!"});
  CHECK(d.sentences[2].words[2] == "1996-08-22");
}

TEST_CASE("contractions and hyphens") {
  Document d = tokenize_text("They don't like Anglo-French talks in O'Neill's town");
  CHECK(words(d) == std::vector<std::string>{"They", "do", "n't", "like", "Anglo-French", "talks",
                                             "in", "O'Neill", "'s", "town"});
}

TEST_CASE("invalid UTF-8 and empty input do not break the tokenizer") {
  std::string text = "Bad \xFF\xFE bytes";
  Document d = tokenize_text(text);
  check_offsets(text, d);
  CHECK(words(d).front() == "Bad");
  CHECK(words(d).back() == "bytes");
  CHECK(tokenize_text("").sentences.empty());
  CHECK(tokenize_text(" \n\n \t").sentences.empty());
}
