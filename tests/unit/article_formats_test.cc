// Formats: the schema names one (plain text unless it says), the registry makes its
// reader, and an article's id is its file's path, or "<path>#<key>" for one of many.
#include <doctest/doctest.h>

#include "core/article_formats.h"
#include "core/article_reader.h"
#include "core/errors.h"
#include "core/plain_text_reader.h"
#include "tests/unit/test_index.h"

using namespace newsdex;
using newsdex::testing::news_schema;

TEST_CASE("formats: a schema reads plain text unless it names a format") {
  CHECK(news_schema().format == "text");
  const Schema s = parse_schema("files: {include: ['*.txt'], format: text}\n", "s.yaml");
  CHECK(s.format == "text");
  CHECK(is_format("text"));
  CHECK_FALSE(is_format("jsonl"));
}

TEST_CASE("formats: an unknown format is a schema error naming the known ones") {
  try {
    parse_schema("files:\n  format: rss\n", "s.yaml");
    FAIL("an unknown format was accepted");
  } catch (const UsageError& e) {
    const std::string msg = e.what();
    CHECK(msg.rfind("s.yaml:2: files.format: unknown format 'rss'", 0) == 0);
    CHECK(msg.find("text") != std::string::npos);
  }
}

TEST_CASE("formats: the plain-text reader gives the whole file as one article") {
  ArticleReaders readers(news_schema());
  ArticleReader& reader = readers.reader_for("world/a.txt");
  CHECK(&reader == &readers.reader_for("sport/b.txt"));  // one reader per format and thread
  const auto articles = reader.read("Summit opens\n\nLeaders met.\n", "world/a.txt", 0);
  REQUIRE(articles.size() == 1);
  CHECK(articles[0].key.empty());
  CHECK(articles[0].article.title == "Summit opens");
  CHECK(articles[0].article.section == "world");
}

TEST_CASE("formats: an article's id is its file's path, or path#key with the key escaped") {
  CHECK(article_id("world/a.txt", "") == "world/a.txt");
  CHECK(article_id("feeds/x.jsonl", "42") == "feeds/x.jsonl#42");
  CHECK(article_id("feeds/x.jsonl", "a#b%c") == "feeds/x.jsonl#a%23b%25c");
  CHECK(file_of_keyed_id("feeds/x.jsonl#42") == "feeds/x.jsonl");
  CHECK(file_of_keyed_id(article_id("odd#name.jsonl", "k#1")) == "odd#name.jsonl");
}
