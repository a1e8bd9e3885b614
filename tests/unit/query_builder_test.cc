// From the user's words to a Xapian query, checked by running the queries against a
// small in-memory index built with the real DocumentBuilder.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "core/errors.h"
#include "search/query_builder.h"
#include "tests/unit/test_index.h"

using newsdex::fold_query_text;
using newsdex::normalise_date;
using newsdex::QueryBuilder;
using newsdex::QueryRequest;
using newsdex::TextAnalyzer;
using newsdex::UsageError;
using newsdex::testing::make_article;
using newsdex::testing::TestIndex;
using Paths = std::set<std::string>;

namespace {

// Five articles: two sources, two sections, three months.
void fill(TestIndex& ix) {
  ix.add(make_article("business/soy.txt", "China targets U.S. soybeans as trade war escalates",
                      "DES MOINES (WIRE SERVICE) – China announced tariffs; negotiations stalled.",
                      "20180404", "WIRE SERVICE", "business"));
  ix.add(make_article("world/truce.txt", "Trump and Xi agree truce in trade dispute",
                      "The deal escalates the trade war no further, negotiating a pause.",
                      "20181201", "CONTINENTAL PRESS", "world"));
  ix.add(make_article("business/cafe.txt", "Paris café owners squeezed",
                      "The owners of the oldest cafés gathered near the Odéon.", "20181009", "",
                      "business"));
  ix.add(make_article("world/syria.txt", "U.S., Britain and France strike Syria",
                      "DAMASCUS (WIRE SERVICE) – Missiles hit targets in Syria.", "20180414",
                      "WIRE SERVICE", "world"));
  ix.add(make_article("sport/cup.txt", "France win the World Cup",
                      "MOSCOW (OBSERVATORY) – France won the trade of the century, 4-2.",
                      "20180715", "OBSERVATORY", "sport"));
}

}  // namespace

TEST_CASE("fold_query_text: words folded, operators, fields and filter values kept") {
  TextAnalyzer a("english");
  CHECK(fold_query_text("Café AND Zürich", a) == "cafe AND zurich");
  CHECK(fold_query_text("Trump OR Putin NOT Xi", a) == "trump OR putin NOT xi");
  CHECK(fold_query_text("Trade NEAR War", a) == "trade NEAR war");
  // ICU ends the word "U.S" before the final dot, which stays as typed (QueryParser
  // ignores it).
  CHECK(fold_query_text("U.S. soybeans", a) == "us. soybeans");
  CHECK(fold_query_text("\"Trade War Escalates\"", a) == "\"trade war escalates\"");
  CHECK(fold_query_text("title:Négociations", a) == "title:negociations");
  CHECK(fold_query_text("source:\"WIRE SERVICE\" Trade", a) == "source:\"WIRE SERVICE\" trade");
  CHECK(fold_query_text("date:2018-04-01..2018-04-30 Trump", a) ==
        "date:2018-04-01..2018-04-30 trump");
  CHECK(fold_query_text("person:\"Donald Trump\" -Putin +Xi", a) ==
        "person:\"Donald Trump\" -putin +xi");
  CHECK(fold_query_text("Negoti*", a) == "negoti*");
  // Lower-case "and" is a word, not an operator: it is left as the user typed it.
  CHECK(fold_query_text("rock and roll", a) == "rock and roll");
}

TEST_CASE("normalise_date: days, months and years, start or end") {
  CHECK(normalise_date("2018-04-12", false) == "20180412");
  CHECK(normalise_date("20180412", true) == "20180412");
  CHECK(normalise_date("2018/04/12", false) == "20180412");
  CHECK(normalise_date("2018-04", false) == "20180401");
  CHECK(normalise_date("2018-04", true) == "20180430");
  CHECK(normalise_date("2019-02", true) == "20190228");
  CHECK(normalise_date("2020-02", true) == "20200229");
  CHECK(normalise_date("2018", false) == "20180101");
  CHECK(normalise_date("2018", true) == "20181231");
  CHECK(normalise_date("2018-13", false) == "");
  CHECK(normalise_date("2018-04-31", false) == "");
  CHECK(normalise_date("2018-00-10", false) == "");
  CHECK(normalise_date("yesterday", false) == "");
  CHECK(normalise_date("18-4", false) == "");
  CHECK(normalise_date("", false) == "");
}

TEST_CASE("query: words are stemmed and folded like the documents") {
  TestIndex ix;
  fill(ix);
  // "negotiating" and "negotiations" meet at their stem.
  CHECK(ix.search("negotiating") == Paths{"business/soy.txt", "world/truce.txt"});
  CHECK(ix.search("Negotiations") == Paths{"business/soy.txt", "world/truce.txt"});
  // Accents and case do not matter.
  CHECK(ix.search("cafe") == Paths{"business/cafe.txt"});
  CHECK(ix.search("CAFÉ") == Paths{"business/cafe.txt"});
  CHECK(ix.search("odeon") == Paths{"business/cafe.txt"});
  CHECK(ix.search("u.s.") == Paths{"business/soy.txt", "world/syria.txt"});
  CHECK(ix.search("US") == Paths{"business/soy.txt", "world/syria.txt"});
  // The default operator is AND.
  CHECK(ix.search("france syria") == Paths{"world/syria.txt"});
  CHECK(ix.search("nothingmatchesthis").empty());
}

TEST_CASE("query: phrases match only in order") {
  TestIndex ix;
  fill(ix);
  CHECK(ix.search("\"trade war escalates\"") == Paths{"business/soy.txt"});
  CHECK(ix.search("\"escalates the trade war\"") == Paths{"world/truce.txt"});
  CHECK(ix.search("\"war trade\"").empty());
}

TEST_CASE("query: boolean operators, NEAR and wildcards") {
  TestIndex ix;
  fill(ix);
  CHECK(ix.search("syria OR cafe") == Paths{"business/cafe.txt", "world/syria.txt"});
  CHECK(ix.search("france NOT syria") == Paths{"sport/cup.txt"});
  CHECK(ix.search("france -syria") == Paths{"sport/cup.txt"});
  CHECK(ix.search("trade NEAR war") == Paths{"business/soy.txt", "world/truce.txt"});
  CHECK(ix.search("negoti*") == Paths{"business/soy.txt", "world/truce.txt"});
}

TEST_CASE("query: a wildcard inside a phrase stands for the words it begins, in order") {
  TestIndex ix;
  fill(ix);
  CHECK(ix.search("\"trade wa*\"") == Paths{"business/soy.txt", "world/truce.txt"});
  CHECK(ix.search("\"the trade wa*\"") == Paths{"world/truce.txt"});
  CHECK(ix.search("\"wa* trade\"").empty());
  CHECK(ix.search("title:\"trade wa*\"") == Paths{"business/soy.txt"});
  CHECK(ix.search("\"trade zzq*\"").empty());
  // A wildcard that stands for more words than a phrase can check: a usage error that
  // names it.
  std::string many;
  for (int i = 0; i < 1001; ++i)
    many += std::string(" zq") + char('a' + i / 676) + char('a' + i / 26 % 26) + char('a' + i % 26);
  ix.add(make_article("world/many.txt", "Many words", many));
  std::string message;
  try {
    ix.search("\"many zq*\"");
  } catch (const UsageError& e) {
    message = e.what();
  }
  CHECK(message.find("'zq*' in a phrase") != std::string::npos);
  CHECK(ix.search("\"words zqa*\"").empty());  // 676 words: searched
}

TEST_CASE("query: title: matches the title only") {
  TestIndex ix;
  fill(ix);
  // "trade" is in the title of soy and truce, in the body only of cup.
  CHECK(ix.search("trade") == Paths{"business/soy.txt", "world/truce.txt", "sport/cup.txt"});
  CHECK(ix.search("title:trade") == Paths{"business/soy.txt", "world/truce.txt"});
  CHECK(ix.search("title:syria") == Paths{"world/syria.txt"});
  CHECK(ix.search("title:missiles").empty());
}

TEST_CASE("query: source:, section: and date ranges") {
  TestIndex ix;
  fill(ix);
  CHECK(ix.search("source:\"WIRE SERVICE\"") == Paths{"business/soy.txt", "world/syria.txt"});
  CHECK(ix.search("source:\"wire service\" china") == Paths{"business/soy.txt"});
  CHECK(ix.search("section:world") == Paths{"world/truce.txt", "world/syria.txt"});
  CHECK(ix.search("date:2018-04-01..2018-04-30") == Paths{"business/soy.txt", "world/syria.txt"});
  CHECK(ix.search("france date:2018-07-01..2018-07-31") == Paths{"sport/cup.txt"});
  CHECK(ix.search("year:2018 month:2018-10") == Paths{"business/cafe.txt"});
}

TEST_CASE("query: a bad field value is a UsageError after parsing, and the builder goes on") {
  TestIndex ix;
  fill(ix);
  newsdex::NameResolver names;
  QueryBuilder qb(ix.db(), newsdex::testing::news_schema(), ix.analyzer(), names);
  QueryRequest bad;
  // Under a NOT, where an exception thrown through Xapian's parser freed its stack
  // wrongly (SIGABRT): the field processor records the problem instead.
  bad.text = "-day:x";
  try {
    qb.build(bad);
    FAIL("no UsageError");
  } catch (const UsageError& e) {
    CHECK(std::string(e.what()) == "malformed day 'x' (expected 2018-04-12)");
  }
  bad.text = "month:2004-}12 year:20x";
  try {
    qb.build(bad);
    FAIL("no UsageError");
  } catch (const UsageError& e) {
    CHECK(std::string(e.what()).find("malformed month '2004-}12'") == 0);  // the first one
  }
  // The next query starts clean.
  QueryRequest good;
  good.text = "trade -month:2018-04";
  CHECK(ix.paths(qb.build(good)) == Paths{"world/truce.txt", "sport/cup.txt"});
}

TEST_CASE("query: an unparsable query is a UsageError") {
  TestIndex ix;
  fill(ix);
  // A range with no range processor for it.
  CHECK_THROWS_AS(ix.query("1..2"), UsageError);
  // An operator with nothing to join.
  CHECK_THROWS_AS(ix.query("AND"), UsageError);
  CHECK_THROWS_AS(ix.query("trump AND"), UsageError);
  try {
    ix.query("1..2");
  } catch (const UsageError& e) {
    CHECK(std::string(e.what()).find("cannot parse query") != std::string::npos);
    CHECK(e.code() == newsdex::kExitUsage);
  }
}

TEST_CASE("query: an empty or punctuation-only query matches everything or nothing") {
  TestIndex ix;
  fill(ix);
  CHECK(ix.search("").size() == 5);
  CHECK(ix.search("   ").size() == 5);
  CHECK(ix.search("--- ,,,").empty());
}

TEST_CASE("filters: values of one field OR, different fields AND") {
  TestIndex ix;
  fill(ix);
  CHECK(ix.filtered("", {"source:WIRE SERVICE"}) == Paths{"business/soy.txt", "world/syria.txt"});
  CHECK(ix.filtered("", {"source:WIRE SERVICE", "source:OBSERVATORY"}) ==
        Paths{"business/soy.txt", "world/syria.txt", "sport/cup.txt"});
  CHECK(ix.filtered("", {"section:world", "section:sport"}) ==
        Paths{"world/truce.txt", "world/syria.txt", "sport/cup.txt"});
  // Different fields: AND.
  CHECK(ix.filtered("", {"source:WIRE SERVICE", "section:world"}) == Paths{"world/syria.txt"});
  CHECK(ix.filtered("", {"source:WIRE SERVICE", "source:OBSERVATORY", "section:sport",
                         "section:business"}) == Paths{"business/soy.txt", "sport/cup.txt"});
  // With query words too.
  CHECK(ix.filtered("trade", {"section:business", "section:world"}) ==
        Paths{"business/soy.txt", "world/truce.txt"});
  // Field names are case-insensitive; the value is folded.
  CHECK(ix.filtered("", {"SOURCE:wire   service"}) == Paths{"business/soy.txt", "world/syria.txt"});
  CHECK(ix.filtered("", {"year:2018", "month:2018-04"}) ==
        Paths{"business/soy.txt", "world/syria.txt"});
  CHECK(ix.filtered("", {"day:2018-10-09"}) == Paths{"business/cafe.txt"});
}

TEST_CASE("filters: --filter-all ANDs the values of one field") {
  TestIndex ix;
  fill(ix);
  QueryRequest r;
  r.filters = {"section:world", "section:sport"};
  r.filter_all = true;
  CHECK(ix.paths(ix.query(r)).empty());
}

TEST_CASE("filters: --since and --until are inclusive date bounds") {
  TestIndex ix;
  fill(ix);
  QueryRequest r;
  r.since = "2018-04-14";
  r.until = "2018-10-09";
  CHECK(ix.paths(ix.query(r)) == Paths{"world/syria.txt", "sport/cup.txt", "business/cafe.txt"});
  QueryRequest since;
  since.since = "2018-10";
  CHECK(ix.paths(ix.query(since)) == Paths{"business/cafe.txt", "world/truce.txt"});
  QueryRequest until;
  until.until = "2018-04";
  CHECK(ix.paths(ix.query(until)) == Paths{"business/soy.txt", "world/syria.txt"});
}

TEST_CASE("filters: malformed filters and dates are UsageErrors") {
  TestIndex ix;
  fill(ix);
  auto with = [&](auto set) {
    QueryRequest r;
    set(r);
    return ix.query(r);
  };
  CHECK_THROWS_AS(with([](QueryRequest& r) { r.filters = {"colour:red"}; }), UsageError);
  CHECK_THROWS_AS(with([](QueryRequest& r) { r.filters = {"source"}; }), UsageError);
  CHECK_THROWS_AS(with([](QueryRequest& r) { r.filters = {"source:"}; }), UsageError);
  CHECK_THROWS_AS(with([](QueryRequest& r) { r.filters = {"month:2018"}; }), UsageError);
  CHECK_THROWS_AS(with([](QueryRequest& r) { r.since = "last week"; }), UsageError);
  CHECK_THROWS_AS(with([](QueryRequest& r) { r.until = "2018-13"; }), UsageError);
}
