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

TEST_CASE("formats: a schema chooses by name and content unless it forces a format") {
  CHECK(news_schema().format == "auto");
  const Schema s = parse_schema("files: {include: ['*.txt'], format: text}\n", "s.yaml");
  CHECK(s.format == "text");
  CHECK(choose_format(s, "a.html", "<html>") == "text");  // forced
  CHECK(is_format("text"));
  CHECK_FALSE(is_format("no-such-format"));
  CHECK(choose_format(news_schema(), "world/a.txt", "Summit\n") == "text");
  CHECK(choose_format(news_schema(), "world/a.unknown", "Summit\n") == "text");
}

TEST_CASE("formats: files.formats maps globs to formats, first match first") {
  const Schema s =
      parse_schema("files:\n  include: ['*']\n  formats: {'*.sgm': text, 'a*': text}\n", "s.yaml");
  REQUIRE(s.format_globs.size() == 2);
  CHECK(s.format_globs[0] == std::pair<std::string, std::string>{"*.sgm", "text"});
  CHECK(choose_format(s, "x/r.SGM", "") == "text");
  try {
    parse_schema("files:\n  formats:\n    '*.x': nosuch\n", "s.yaml");
    FAIL("an unknown format was accepted");
  } catch (const UsageError& e) {
    CHECK(std::string(e.what()).rfind("s.yaml:3: files.formats.*.x: unknown format 'nosuch'", 0) ==
          0);
  }
  try {
    parse_schema("formats:\n  text: {a: 1}\n", "s.yaml");
    FAIL("options for a format without options were accepted");
  } catch (const UsageError& e) {
    CHECK(std::string(e.what()).rfind("s.yaml:2: formats.text: this format takes no options", 0) ==
          0);
  }
}

TEST_CASE("formats: an unknown format is a schema error naming the known ones") {
  try {
    parse_schema("files:\n  format: nosuch\n", "s.yaml");
    FAIL("an unknown format was accepted");
  } catch (const UsageError& e) {
    const std::string msg = e.what();
    CHECK(msg.rfind("s.yaml:2: files.format: unknown format 'nosuch'", 0) == 0);
    CHECK(msg.find("text") != std::string::npos);
  }
}

TEST_CASE("formats: the plain-text reader gives the whole file as one article") {
  ArticleReaders readers(news_schema());
  ArticleReader& reader = readers.reader_for("world/a.txt", "Summit");
  CHECK(&reader ==
        &readers.reader_for("sport/b.txt", "Talks"));  // one reader per format and thread
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

TEST_CASE("formats: the catalogue the schema checks names exactly the formats that have readers") {
  // The schema parser knows formats from format_catalogue.cc, the loader from the
  // registry of article_formats.cc: a format in one list and not the other would be
  // accepted by a schema and then read by no reader, or the other way round.
  CHECK(format_names() == reader_format_names());
  CHECK(format_names().find("html") != std::string::npos);
  CHECK(format_needs_options("xml"));
  CHECK_FALSE(format_needs_options("html"));
}
