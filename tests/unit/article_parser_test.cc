// An article file's text into fields: title, body, dateline place and source, date.
#include <doctest/doctest.h>

#include <string>

#include "core/article_parser.h"
#include "core/errors.h"
#include "tests/unit/test_index.h"

using newsdex::ArticleParser;
using newsdex::date_of_mtime;
using newsdex::find_date;
using newsdex::testing::news_schema;

namespace {
// 2020-06-15T12:00:00Z.
constexpr std::int64_t kMtime = 1592222400;
}  // namespace

TEST_CASE("parse: title is the first non-empty line, body the rest, trimmed") {
  ArticleParser p(news_schema());
  const auto a = p.parse(
      "\n   \n  Kremlin: “We do not practice tweet diplomacy”  \n\nFirst line.\nSecond line.\n\n",
      "world/k.txt", kMtime);
  CHECK(a.title == "Kremlin: “We do not practice tweet diplomacy”");
  CHECK(a.body == "First line.\nSecond line.");
  CHECK(a.path == "world/k.txt");
}

TEST_CASE("parse: the section is the folder the file sits in") {
  ArticleParser p(news_schema());
  CHECK(p.parse("T\nb", "world/k.txt", kMtime).section == "world");
  CHECK(p.parse("T\nb", "archive/2018/sport/k.txt", kMtime).section == "sport");
  CHECK(p.parse("T\nb", "k.txt", kMtime).section == "");
}

TEST_CASE("parse: a dateline gives the place in title case and the source") {
  ArticleParser p(news_schema());
  const auto a = p.parse(
      "Kremlin: no tweet diplomacy\n\nUNITED STATES (OBSERVATORY) –\xC2\xA0Moscow is not taking "
      "part.",
      "world/k.txt", kMtime);
  CHECK(a.dateline_place == "United States");
  CHECK(a.source == "OBSERVATORY");
  // The dateline stays in the body: it is text too.
  CHECK(a.body.rfind("UNITED STATES (OBSERVATORY)", 0) == 0);

  const auto b =
      p.parse("T\n\nDES MOINES (WIRE SERVICE) – China on April 4, 2018 announced", "b.txt", kMtime);
  CHECK(b.dateline_place == "Des Moines");
  CHECK(b.source == "WIRE SERVICE");

  // A plain hyphen works as the dash; a date line may come before the dateline.
  const auto c =
      p.parse("T\n\n2019-04-16\n\nPARIS (MERIDIAN NEWS) - Un violent incendie", "c.txt", kMtime);
  CHECK(c.dateline_place == "Paris");
  CHECK(c.source == "MERIDIAN NEWS");
}

TEST_CASE("parse: no dateline, no place or source") {
  ArticleParser p(news_schema());
  const auto a =
      p.parse("T\n\nDonald Trump (the president) said on Monday – nothing.", "a.txt", kMtime);
  CHECK(a.dateline_place == "");
  CHECK(a.source == "");
}

TEST_CASE("find_date: the three written forms") {
  CHECK(find_date("published 2018-04-12 in print") == "20180412");
  CHECK(find_date("China on April 4, 2018 announced") == "20180404");
  CHECK(find_date("on December 10, 2018 called off") == "20181210");
  CHECK(find_date("on 26 March 2018 that they") == "20180326");
  CHECK(find_date("on 6 February 2019 blocked") == "20190206");
  // Abbreviated months.
  CHECK(find_date("Sept. 16, 2018") == "20180916");
  CHECK(find_date("16 Sep 2018") == "20180916");
  // The first date wins.
  CHECK(find_date("On 2019-01-02, after 2018-12-31, ...") == "20190102");
  CHECK(find_date("2020-02-29 leap day") == "20200229");
}

TEST_CASE("find_date: no date, or an invalid one, is empty") {
  CHECK(find_date("") == "");
  CHECK(find_date("on Thursday, in 2018, at 10:30") == "");
  CHECK(find_date("2018-13-01") == "");
  CHECK(find_date("2018-00-10") == "");
  CHECK(find_date("2018-04-31") == "");
  CHECK(find_date("2018-02-30") == "");
  CHECK(find_date("April 31, 2018") == "");
  CHECK(find_date("32 March 2018") == "");
  CHECK(find_date("Smarch 12, 2018") == "");
  CHECK(find_date("0000-01-01") == "");
  // Longer digit runs are not dates: a phone number or a reference.
  CHECK(find_date("ref 12018-04-120") == "");
}

TEST_CASE("find_date: February 29 outside a leap year is invalid") {
  CHECK(find_date("2018-02-29") == "");
  CHECK(find_date("February 29, 2019") == "");
  CHECK(find_date("29 February 2100") == "");
}

TEST_CASE("parse: a date in the title or the body's start, else the file time") {
  ArticleParser p(news_schema());
  auto a = p.parse("Summit on 2018-06-12\n\nText.", "a.txt", kMtime);
  CHECK(a.date == "20180612");
  CHECK(a.date_from_text);

  a = p.parse("Title\n\nLONDON (WIRE SERVICE) – On 26 March 2018 ...", "a.txt", kMtime);
  CHECK(a.date == "20180326");
  CHECK(a.date_from_text);

  a = p.parse("Title\n\nNo date in this text at all.", "a.txt", kMtime);
  CHECK(a.date == "20200615");
  CHECK_FALSE(a.date_from_text);

  // A date further into the body than date.search_chars does not count.
  a = p.parse("Title\n\n" + std::string(500, 'x') + " on 2018-01-01", "a.txt", kMtime);
  CHECK(a.date == "20200615");
  CHECK_FALSE(a.date_from_text);
}

TEST_CASE("parse: with date.fallback none an undated article has no date") {
  const auto schema = newsdex::parse_schema("date: {fallback: none}\n", "none.yaml");
  ArticleParser p(schema);
  const auto a = p.parse("Title\n\nNo date.", "a.txt", kMtime);
  CHECK(a.date == "");
  CHECK_FALSE(a.date_from_text);
}

TEST_CASE("date_of_mtime: UTC calendar day of a time") {
  CHECK(date_of_mtime(0) == "19700101");
  CHECK(date_of_mtime(kMtime) == "20200615");
  CHECK(date_of_mtime(1546300799) == "20181231");  // 2018-12-31T23:59:59Z
  CHECK(date_of_mtime(1546300800) == "20190101");
}

TEST_CASE("parse: an empty text is an empty article") {
  ArticleParser p(news_schema());
  const auto a = p.parse("", "politics/empty.txt", kMtime);
  CHECK(a.title == "");
  CHECK(a.body == "");
  CHECK(a.section == "politics");
  CHECK(a.date == "20200615");
}

TEST_CASE("parse: a bad dateline pattern is a UsageError when the schema loads") {
  CHECK_THROWS_AS(newsdex::parse_schema("dateline: {pattern: '(unclosed'}\n", "re.yaml"),
                  newsdex::UsageError);
  CHECK_THROWS_AS(newsdex::parse_schema("dateline: {pattern: '^(\\w+) -'}\n", "re.yaml"),
                  newsdex::UsageError);
  // A schema that did not come through parse_schema (an older database's stored
  // copy) is checked again by the parser.
  newsdex::Schema schema;
  schema.dateline_pattern = "(unclosed";
  CHECK_THROWS_AS(ArticleParser{schema}, newsdex::UsageError);
  schema.dateline_pattern = "^(\\w+) -";
  CHECK_THROWS_AS(ArticleParser{schema}, newsdex::UsageError);
}

TEST_CASE("parse: a dateline pattern that backtracks without end finds no dateline") {
  // Three groups, the first two place and source; exponential on a run of a's.
  const auto schema = newsdex::parse_schema("dateline: {pattern: '^((a+)+)(b)c'}\n", "slow.yaml");
  ArticleParser p(schema);
  // Every line start within the first 400 bytes is tried: each one backtracks.
  std::string body;
  for (int i = 0; i < 12; ++i) body += std::string(40, 'a') + "\n";
  auto a = p.parse("Title 2018-04-12\n\n" + body, "slow/a.txt", kMtime);
  CHECK(a.title == "Title 2018-04-12");
  CHECK(a.dateline_place == "");
  CHECK(a.source == "");
  CHECK(a.date == "20180412");
  // Each article has a budget of its own: the next one's dateline is found.
  a = p.parse("Title\n\naaabc and more", "slow/b.txt", kMtime);
  CHECK(a.dateline_place == "Aaa");
  CHECK(a.source == "aaa");
}

TEST_CASE("parse: the shipped dateline pattern stays far inside its budget") {
  // A tenth of the budget is enough for a dateline after several lines that are not.
  auto re = newsdex::testing::news_schema().dateline_pattern;
  std::string error;
  auto regex = newsdex::BoundedRegex::compile(re, error);
  REQUIRE(regex);
  regex->set_budget(ArticleParser::kDatelineSteps / 10);
  std::vector<std::string> groups;
  const std::string line = "UNITED STATES OF AMERICA AND THE UNITED KINGDOM OF GREAT BRIT";
  for (int i = 0; i < 6; ++i)
    CHECK(regex->looking_at(line + " (no closing bracket", groups) ==
          newsdex::BoundedRegex::Result::kNoMatch);
  CHECK(regex->looking_at("UNITED STATES (OBSERVATORY) – text", groups) ==
        newsdex::BoundedRegex::Result::kMatch);
}
