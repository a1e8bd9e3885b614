// The JSON Lines and JSON readers: the default key mapping, JSON Pointer options,
// keys by id and by position, and records that fail alone with their line.
#include <doctest/doctest.h>

#include <string>

#include "core/article_formats.h"
#include "core/errors.h"
#include "core/json_reader.h"
#include "core/json_slices.h"
#include "core/language_code.h"
#include "tests/unit/test_index.h"

using namespace newsdex;
using newsdex::testing::news_schema;

namespace {

std::vector<FileArticle> read_jsonl(const std::string& text, const Schema& schema = news_schema()) {
  JsonLinesReader reader(schema);
  return reader.read(text, "world/dump.jsonl", 1600000000);
}

std::vector<FileArticle> read_json(const std::string& text, const Schema& schema = news_schema()) {
  JsonReader reader(schema);
  return reader.read(text, "world/dump.json", 1600000000);
}

std::string error_of(const UsageError& e) {
  return e.what();
}

std::string schema_error_for(const std::string& yaml) {
  try {
    parse_schema(yaml, "s.yaml");
  } catch (const UsageError& e) {
    return error_of(e);
  }
  return "(accepted)";
}

}  // namespace

TEST_CASE("json: the default mapping reads the keys news dumps use") {
  const auto a = read_jsonl(
      R"({"id": "r1", "headline": "Summit opens", "content": "Leaders met.", "published_at": "2018-04-12T09:30:00Z", "authors": [{"name": "Ann Lee"}, "Bo Chan"], "publisher": {"name": "Wire"}, "language": "en-GB", "link": "https://x.example/a", "tags": ["trade", "china"]})"
      "\n");
  REQUIRE(a.size() == 1);
  CHECK(a[0].error.empty());
  CHECK(a[0].key == "r1");
  CHECK(a[0].line == 1);
  const Article& art = a[0].article;
  CHECK(art.title == "Summit opens");
  CHECK(art.body == "Leaders met.");
  CHECK(art.date == "20180412");
  CHECK(art.date_from_text);
  CHECK(art.authors == std::vector<std::string>{"Ann Lee", "Bo Chan"});
  CHECK(art.source == "Wire");
  CHECK(art.language == "en");
  CHECK(art.url == "https://x.example/a");
  CHECK(art.topics == std::vector<std::string>{"trade", "china"});
  CHECK(art.section == "world");
}

TEST_CASE("json: keys by id, by number, else by line; abstract lists join as paragraphs") {
  const auto a = read_jsonl(
      "{\"_id\": 4512, \"title\": \" A\\n  title\\tin parts \"}\n"
      "\n"
      "{\"title\": \"B\", \"abstract\": [\"One.\", \"Two.\"]}\n"
      "{\"guid\": \"g-1\", \"text\": \"C\", \"date\": 1523525400}\n");
  REQUIRE(a.size() == 3);
  CHECK(a[0].key == "4512");
  CHECK(a[0].article.title == "A title in parts");
  CHECK(a[1].key == "3");  // the line: blank lines count
  CHECK(a[1].article.body == "One.\n\nTwo.");
  CHECK(a[2].key == "g-1");
  CHECK(a[2].article.date == "20180412");
  CHECK(a[2].article.title.empty());
}

TEST_CASE("json: a bad line fails alone, with its line and why") {
  const auto a = read_jsonl(
      "{\"id\": 1, \"title\": \"Good\"}\n"
      "{\"id\": 2, \"title\": \n"
      "[1, 2]\n"
      "{\"id\": 3, \"lang\": \"de\"}\n"
      "{\"id\": 1, \"title\": \"Again\"}\n"
      "{\"id\": 5, \"title\": \"Last\", \"text\": \"cut");
  REQUIRE(a.size() == 6);
  CHECK(a[0].error.empty());
  CHECK(a[1].line == 2);
  CHECK(a[1].error.rfind("invalid JSON at column", 0) == 0);
  CHECK(a[2].error == "not a JSON object but array");
  CHECK(a[3].line == 4);
  CHECK(a[3].error.find("no title and no text") == 0);
  CHECK(a[4].error.find("the key \"1\" again (first at line 1)") == 0);
  CHECK(a[5].line == 6);
  CHECK(a[5].error.find("invalid JSON") == 0);
}

TEST_CASE("json: a number too large for a double fails its record alone") {
  // nlohmann throws out_of_range (not parse_error) for it; the fuzzer found it.
  const auto a = read_jsonl(
      "{\"id\": 1, \"title\": \"Big\", \"score\": 22e2222222222}\n"
      "{\"id\": 2, \"title\": \"Fine\"}\n");
  REQUIRE(a.size() == 2);
  CHECK(a[0].line == 1);
  CHECK(a[0].error == "invalid JSON: number overflow parsing '22e2222222222'");
  CHECK(a[1].error.empty());
}

TEST_CASE("json: no date in the data falls back to the file's time") {
  const auto a = read_jsonl("{\"title\": \"T\", \"date\": \"someday\"}\n");
  REQUIRE(a.size() == 1);
  CHECK(a[0].article.date == "20200913");  // 1600000000
  CHECK_FALSE(a[0].article.date_from_text);
}

TEST_CASE("json: arrays, wrapped arrays, lone objects and concatenated objects") {
  auto a = read_json("[\n {\"title\": \"A\"},\n {\"title\": \"B\", \"id\": \"b\"},\n \"x\"\n]\n");
  REQUIRE(a.size() == 3);
  CHECK(a[0].key == "0");
  CHECK(a[0].line == 2);
  CHECK(a[1].key == "b");
  CHECK(a[2].error == "not a JSON object but string");

  a = read_json(
      R"({"status": "ok", "totalResults": 2, "articles": [{"title": "A", "publishedAt": "2020-01-02T03:04:05Z", "source": {"id": null, "name": "BBC"}}, {"title": "B"}]})");
  REQUIRE(a.size() == 2);
  CHECK(a[0].key == "0");
  CHECK(a[0].article.date == "20200102");
  CHECK(a[0].article.source == "BBC");
  CHECK(a[1].key == "1");

  // JSON Feed: the wrapper has a title of its own.
  a = read_json(
      R"({"version": "https://jsonfeed.org/version/1.1", "title": "My feed", "items": [{"id": "1", "title": "Item one", "content_text": "Text one.", "date_published": "2020-05-06T07:08:09Z", "authors": [{"name": "Kim"}], "tags": ["x"]}]})");
  REQUIRE(a.size() == 1);
  CHECK(a[0].key == "1");
  CHECK(a[0].article.title == "Item one");
  CHECK(a[0].article.body == "Text one.");
  CHECK(a[0].article.date == "20200506");
  CHECK(a[0].article.authors == std::vector<std::string>{"Kim"});

  // An article whose only list holds objects is still one article.
  a = read_json(R"({"title": "One", "authors": [{"name": "X", "title": "Dr"}]})");
  REQUIRE(a.size() == 1);
  CHECK(a[0].key.empty());  // the whole file
  CHECK(a[0].article.authors == std::vector<std::string>{"X"});

  a = read_json("{\"title\": \"A\"}\n{\"title\": \"B\"}\n");
  REQUIRE(a.size() == 2);
  CHECK(a[1].key == "1");
  CHECK(a[1].line == 2);
}

TEST_CASE("json: a broken element fails alone; a truncated array keeps what came before") {
  auto a = read_json("[{\"title\": \"A\"},\n{\"title\": tru},\n{\"title\": \"C\"}]");
  REQUIRE(a.size() == 3);
  CHECK(a[0].error.empty());
  CHECK(a[1].line == 2);
  CHECK(a[1].error.find("invalid JSON") == 0);
  CHECK(a[2].article.title == "C");
  CHECK(a[2].key == "2");

  a = read_json("[{\"title\": \"A\"},\n{\"title\": \"B\", \"text\": \"cut off");
  REQUIRE(a.size() == 2);
  CHECK(a[0].article.title == "A");
  CHECK(a[1].line == 2);
  CHECK(a[1].error == "the file ends inside this record (truncated)");
}

TEST_CASE("json: schema options map fields to JSON Pointers with fallbacks") {
  const Schema s = parse_schema(
      "formats:\n"
      "  jsonl:\n"
      "    key: /meta/id\n"
      "    title: [/headline/main, /title]\n"
      "    body: /content/text\n"
      "    date: /pub/ts\n"
      "    author: /byline\n"
      "    topic: /meta/tags\n"
      "    language: /meta/lang\n"
      "    url: /links/0\n"
      "    source: /a~1b\n",
      "s.yaml");
  const auto a = read_jsonl(
      R"({"meta": {"id": "m7", "tags": ["x", "y"], "lang": "deu"}, "headline": {"main": "Haupt"}, "content": {"text": "Body"}, "pub": {"ts": "Thu, 12 Apr 2018 09:30:00 GMT"}, "byline": "Ann", "links": ["https://a.example"], "a/b": "Slash", "id": "ignored", "text": "not read"})"
      "\n"
      R"({"title": "Fallback", "content": {"text": "B2"}})"
      "\n",
      s);
  REQUIRE(a.size() == 2);
  const Article& art = a[0].article;
  CHECK(a[0].key == "m7");
  CHECK(art.title == "Haupt");
  CHECK(art.body == "Body");
  CHECK(art.date == "20180412");
  CHECK(art.authors == std::vector<std::string>{"Ann"});
  CHECK(art.topics == std::vector<std::string>{"x", "y"});
  CHECK(art.language == "de");
  CHECK(art.url == "https://a.example");
  CHECK(art.source == "Slash");
  CHECK(a[1].article.title == "Fallback");
  CHECK(a[1].key == "2");  // no /meta/id: its line
}

TEST_CASE("json: formats.json.records names the array; an empty list reads nothing") {
  const Schema s =
      parse_schema("formats:\n  json:\n    records: /data/items\n    topic: []\n", "s.yaml");
  const auto a = read_json(
      R"({"data": {"items": [{"title": "A", "tags": ["t"]}, {"title": "B"}], "other": [{"title": "no"}]}})",
      s);
  REQUIRE(a.size() == 2);
  CHECK(a[0].article.title == "A");
  CHECK(a[0].article.topics.empty());
  CHECK_THROWS_AS(read_json(R"({"data": {}})", s), std::runtime_error);
}

TEST_CASE("json: invalid options are refused at load with file and line") {
  CHECK(schema_error_for("formats:\n  jsonl:\n    title: headline\n")
            .rfind("s.yaml:3: formats.jsonl.title: 'headline' is not a JSON Pointer", 0) == 0);
  CHECK(schema_error_for("formats:\n  jsonl:\n    title: [/a, '/b~2']\n")
            .rfind("s.yaml:3: formats.jsonl.title: '/b~2' is not a JSON Pointer", 0) == 0);
  CHECK(schema_error_for("formats:\n  jsonl:\n    body: ''\n")
            .rfind("s.yaml:3: formats.jsonl.body: '' is not a JSON Pointer", 0) == 0);
  CHECK(schema_error_for("formats:\n  jsonl:\n    titel: /t\n")
            .rfind("s.yaml:3: unknown key 'formats.jsonl.titel'", 0) == 0);
  CHECK(schema_error_for("formats:\n  jsonl:\n    records: /a\n")
            .rfind("s.yaml:3: unknown key 'formats.jsonl.records'", 0) == 0);
  CHECK(schema_error_for("formats:\n  json:\n    date: 5\n")
            .rfind("s.yaml:3: formats.json.date", 0) == 0);
  CHECK(schema_error_for("formats:\n  json:\n    date: {a: /b}\n")
            .rfind("s.yaml:3: formats.json.date", 0) == 0);
}

TEST_CASE("json: the formats are chosen by name and by content") {
  CHECK(choose_format(news_schema(), "a/dump.jsonl", "") == "jsonl");
  CHECK(choose_format(news_schema(), "a/dump.NDJSON", "") == "jsonl");
  CHECK(choose_format(news_schema(), "a/dump.json", "") == "json");
  CHECK(choose_format(news_schema(), "a/dump", "{\"a\": 1}\n{\"a\": 2}\n") == "jsonl");
  CHECK(choose_format(news_schema(), "a/dump", "[\n  {\"a\": 1}") == "json");
  CHECK(choose_format(news_schema(), "a/dump", "{\n  \"a\": 1") == "json");
  CHECK(choose_format(news_schema(), "a/dump", "[1] is a footnote\n") == "text");
}

TEST_CASE("json: slices follow strings, escapes and nesting without a tree") {
  const std::string text = R"( {"a": "x}\"]", "b": [1, {"c": [2]}]} [3] )";
  const auto top = json_top_values(text);
  REQUIRE(top.size() == 2);
  const auto members = json_children(text, top[0]);
  REQUIRE(members.size() == 2);
  CHECK(members[0].key == "a");
  CHECK(text.substr(members[0].begin, members[0].end - members[0].begin) == R"("x}\"]")");
  CHECK(members[1].key == "b");
  CHECK(json_children(text, members[1]).size() == 2);
  std::string deep(100000, '[');
  bool truncated = false;
  CHECK(json_value_end(deep, 0, truncated) == deep.size());
  CHECK(truncated);
}

TEST_CASE("language codes: tags, ISO 639-2 codes and names become ISO 639-1") {
  CHECK(iso639_1("en") == "en");
  CHECK(iso639_1(" EN-us ") == "en");
  CHECK(iso639_1("pt_BR.UTF-8") == "pt");
  CHECK(iso639_1("deu") == "de");
  CHECK(iso639_1("ger") == "de");
  CHECK(iso639_1("German") == "de");
  CHECK(iso639_1("dutch") == "nl");
  CHECK(iso639_1("xx") == "");
  CHECK(iso639_1("Klingonish") == "");
  CHECK(iso639_1("") == "");
}
