// Snippets: the highlighted ranges land exactly on the words that matched, including a
// stemmed match ("negotiating" for "negotiations") and an accented one ("Café" for
// "cafe"). The terms come from queries built by the real QueryBuilder over an in-memory
// index, handed to the snippet maker as the search command does.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "search/highlight_plan.h"
#include "search/snippet.h"
#include "tests/unit/test_index.h"

using newsdex::Snippet;
using newsdex::SnippetMaker;
using newsdex::testing::make_article;
using newsdex::testing::TestIndex;

namespace {

// The highlighted words, as "<word> <word>" so that a failure prints them.
std::string highlighted(const Snippet& s) {
  std::string out;
  for (const auto& [a, b] : s.highlights) {
    REQUIRE(a < b);
    REQUIRE(b <= s.text.size());
    out += (out.empty() ? "<" : " <") + s.text.substr(a, b - a) + ">";
  }
  return out;
}

// The snippet the search command would make for `path` matching `query`: the plan of
// the parsed query (search_command.cc's collect_hits).
Snippet snippet_for(TestIndex& ix, const std::string& body, const std::string& query,
                    const std::string& path, std::size_t max_bytes = 200) {
  REQUIRE(ix.search(query).count(path) == 1);
  const auto plan = newsdex::highlight_plan(ix.query(query), ix.analyzer());
  SnippetMaker maker(ix.analyzer(), max_bytes, "english");
  return maker.make(body, plan, "en");
}

}  // namespace

TEST_CASE("snippet: exact, stemmed and accented matches are highlighted") {
  TestIndex ix;
  const std::string body =
      "The owners of the Café de Flore were negotiating all week. Their negotiations with "
      "the city went nowhere, said the cafe's manager.";
  ix.add(make_article("a.txt", "Paris", body));

  Snippet s = snippet_for(ix, body, "negotiations", "a.txt");
  CHECK(highlighted(s) == "<negotiating> <negotiations>");

  // "cafe's" stems to "cafe" as well.
  s = snippet_for(ix, body, "cafe", "a.txt");
  CHECK(highlighted(s) == "<Café> <cafe's>");

  s = snippet_for(ix, body, "CAFÉ owners", "a.txt");
  CHECK(highlighted(s) == "<owners> <Café> <cafe's>");

  s = snippet_for(ix, body, "manager", "a.txt");
  CHECK(highlighted(s) == "<manager>");

  // A phrase marks its words where the phrase occurs, not every lone "the".
  s = snippet_for(ix, body, "\"the city\"", "a.txt");
  CHECK(highlighted(s) == "<the> <city>");

  // NEAR marks its words only within the window.
  s = snippet_for(ix, body, "owners NEAR/5 flore", "a.txt");
  CHECK(highlighted(s) == "<owners> <Flore>");
  s = snippet_for(ix, body, "city NEAR/2 the", "a.txt");
  CHECK(highlighted(s) == "<the> <city>");
  s = snippet_for(ix, body, "owners NEAR/30 manager", "a.txt");
  CHECK(highlighted(s) == "<owners> <manager>");

  // What the query excludes is not marked: the article has "city", not "city council".
  s = snippet_for(ix, body, "cafe -\"city council\"", "a.txt");
  CHECK(highlighted(s) == "<Café> <cafe's>");
}

TEST_CASE("snippet: wildcard expansions are highlighted") {
  TestIndex ix;
  const std::string body = "Talks began. The negotiators met; negotiation resumed; nothing else.";
  ix.add(make_article("w.txt", "Talks", body));
  const Snippet s = snippet_for(ix, body, "Negoti*", "w.txt");
  CHECK(highlighted(s) == "<negotiators> <negotiation>");
}

// Snowball keeps only the first letter of some words ("dying" -> "die").
TEST_CASE("snippet: stems that do not start like their word are highlighted") {
  // Snowball's exceptional forms: "dying" stems to "die", "skies" to "sky".
  TestIndex ix;
  REQUIRE(ix.analyzer().stem("dying") == ix.analyzer().stem("die"));
  REQUIRE(ix.analyzer().stem("skies") == ix.analyzer().stem("sky"));
  const std::string body = "Two of the wounded were dying under clear skies, doctors said.";
  ix.add(make_article("d.txt", "Report", body));
  CHECK(highlighted(snippet_for(ix, body, "die", "d.txt")) == "<dying>");
  CHECK(highlighted(snippet_for(ix, body, "sky", "d.txt")) == "<skies>");
}

TEST_CASE("snippet: a long body is cut around the matches, within the budget") {
  TestIndex ix;
  std::string body;
  for (int i = 0; i < 80; ++i) body += "filler words here. ";
  body += "The needle is in this sentence. ";
  for (int i = 0; i < 80; ++i) body += "more filler words. ";
  ix.add(make_article("long.txt", "Haystack", body));
  const Snippet s = snippet_for(ix, body, "needle", "long.txt", 120);
  CHECK(highlighted(s) == "<needle>");
  // Cut at both ends, marked with an ellipsis.
  CHECK(s.text.rfind("…", 0) == 0);
  CHECK(s.text.size() >= 3);
  CHECK(s.text.substr(s.text.size() - 3) == "…");
  // The budget, plus the two ellipses and one closing punctuation byte.
  CHECK(s.text.size() <= 120 + 2 * 3 + 1);
}

TEST_CASE("snippet: newlines become single spaces and highlights follow") {
  TestIndex ix;
  const std::string body = "First   paragraph.\n\nSecond paragraph about Zürich.";
  ix.add(make_article("nl.txt", "Title", body));
  const Snippet s = snippet_for(ix, body, "zurich", "nl.txt");
  CHECK(s.text == "First paragraph. Second paragraph about Zürich.");
  CHECK(highlighted(s) == "<Zürich>");
}

TEST_CASE("snippet: a title-only match shows the lead without highlights") {
  TestIndex ix;
  const std::string body = "The body never names the word of the title.";
  ix.add(make_article("t.txt", "Kremlin statement", body));
  const Snippet s = snippet_for(ix, body, "kremlin", "t.txt");
  CHECK(s.text == body);
  CHECK(s.highlights.empty());
}

TEST_CASE("snippet: an empty body gives an empty snippet") {
  TestIndex ix;
  SnippetMaker maker(ix.analyzer(), 200, "english");
  const Snippet s = maker.make("", newsdex::highlight_plan(ix.query("word"), ix.analyzer()), "en");
  CHECK(s.text.empty());
  CHECK(s.highlights.empty());
}
