// Schema YAML: the shipped one loads; every mistake is a UsageError "FILE:LINE: ...".
#include <doctest/doctest.h>

#include <string>
#include <utility>

#include "errors.h"
#include "schema.h"
#include "test_index.h"

using newsdex::parse_schema;
using newsdex::Schema;
using newsdex::UsageError;

namespace {

// The message of the UsageError that parsing `yaml` throws ("" if none is thrown).
std::string error_of(const std::string& yaml, const std::string& file = "test.yaml") {
  try {
    parse_schema(yaml, file);
  } catch (const UsageError& e) {
    CHECK(e.code() == newsdex::kExitUsage);
    return e.what();
  } catch (const std::exception& e) {
    FAIL("not a UsageError: " << e.what());
  }
  return "";
}

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.rfind(prefix, 0) == 0;
}

}  // namespace

TEST_CASE("schema: the shipped schemas/news.yaml loads with its values") {
  const std::string path = newsdex::testing::source_path("schemas/news.yaml");
  const Schema s = newsdex::load_schema_file(path);
  CHECK(s.name == "news");
  CHECK(s.language == "english");
  CHECK(s.include_globs == std::vector<std::string>{"*.txt", "*.md"});
  CHECK(s.max_file_bytes == 64ull * 1024 * 1024);
  CHECK(s.title_weight == 3);
  CHECK(s.body_weight == 1);
  CHECK(!s.dateline_pattern.empty());
  CHECK(s.date_search_chars == 400);
  CHECK(s.date_from_mtime);
  CHECK(s.section_from_folder);
  CHECK(s.bm25.k1 == doctest::Approx(1.2));
  CHECK(s.bm25.b == doctest::Approx(0.5));
  CHECK(s.source_path == path);
  CHECK(!s.source_text.empty());
}

TEST_CASE("schema: the built-in schema path points at an existing file") {
  const Schema s = newsdex::load_schema_file(newsdex::default_schema_path());
  CHECK(s.name == "news");
}

TEST_CASE("schema: a missing file is a UsageError naming it") {
  try {
    newsdex::load_schema_file("/nonexistent/schema.yaml");
    FAIL("no error");
  } catch (const UsageError& e) {
    CHECK(starts_with(e.what(), "/nonexistent/schema.yaml:"));
  }
}

TEST_CASE("schema: malformed YAML reports file and line") {
  const std::string yaml =
      "name: news\n"         // 1
      "language: english\n"  // 2
      "fields:\n"            // 3
      "  title:\n"           // 4
      "    weight: [3, 4\n"  // 5  unclosed flow sequence
      "  body:\n"            // 6
      "    weight: 1\n";     // 7
  const std::string msg = error_of(yaml, "bad.yaml");
  CAPTURE(msg);
  REQUIRE(!msg.empty());
  // yaml-cpp notices the unclosed '[' where the next block key starts.
  CHECK(starts_with(msg, "bad.yaml:6: "));
}

TEST_CASE("schema: tab indentation and a stray indent are malformed YAML with a line") {
  std::string msg = error_of(
      "name: news\n"   // 1
      "fields:\n"      // 2
      "\ttitle: x\n",  // 3  a tab where YAML wants spaces
      "tab.yaml");
  CAPTURE(msg);
  CHECK(starts_with(msg, "tab.yaml:3: "));

  msg = error_of(
      "name: news\n"            // 1
      "  language: english\n",  // 2  indented under a scalar
      "indent.yaml");
  CAPTURE(msg);
  CHECK(starts_with(msg, "indent.yaml:2: "));
}

TEST_CASE("schema: an unknown key is an error at its line, naming the key") {
  const std::string yaml =
      "name: news\n"            // 1
      "language: english\n"     // 2
      "fields:\n"               // 3
      "  title:\n"              // 4
      "    from: first_line\n"  // 5
      "    wieght: 3\n";        // 6
  const std::string msg = error_of(yaml);
  CAPTURE(msg);
  CHECK(starts_with(msg, "test.yaml:6: "));
  CHECK(msg.find("fields.title.wieght") != std::string::npos);

  const std::string top = error_of("name: news\n\nlanguages: english\n");
  CAPTURE(top);
  CHECK(starts_with(top, "test.yaml:3: "));
  CHECK(top.find("'languages'") != std::string::npos);
}

TEST_CASE("schema: a bad weight is an error at its line") {
  const std::string word =
      "fields:\n"             // 1
      "  title:\n"            // 2
      "    weight: heavy\n";  // 3
  std::string msg = error_of(word);
  CAPTURE(msg);
  CHECK(starts_with(msg, "test.yaml:3: "));
  CHECK(msg.find("fields.title.weight") != std::string::npos);
  CHECK(msg.find("heavy") != std::string::npos);

  const std::string zero =
      "name: news\n"      // 1
      "fields:\n"         // 2
      "  title:\n"        // 3
      "    weight: 3\n"   // 4
      "  body:\n"         // 5
      "    weight: 0\n";  // 6
  msg = error_of(zero);
  CAPTURE(msg);
  CHECK(starts_with(msg, "test.yaml:6: "));
  CHECK(msg.find("fields.body.weight") != std::string::npos);
  CHECK(msg.find("out of range") != std::string::npos);

  msg = error_of("fields:\n  body:\n    weight: 101\n");
  CHECK(starts_with(msg, "test.yaml:3: "));
}

TEST_CASE("schema: an unknown language is an error at its line, naming it") {
  const std::string yaml =
      "name: news\n"          // 1
      "# a comment\n"         // 2
      "language: klingon\n";  // 3
  const std::string msg = error_of(yaml);
  CAPTURE(msg);
  CHECK(starts_with(msg, "test.yaml:3: "));
  CHECK(msg.find("klingon") != std::string::npos);
}

TEST_CASE("schema: other value errors carry lines too") {
  CHECK(starts_with(error_of("files:\n  max_size: 12 parsecs\n"), "test.yaml:2: "));
  CHECK(starts_with(error_of("date:\n  fallback: never\n"), "test.yaml:2: "));
  CHECK(starts_with(error_of("name: news\nranking:\n  bm25: {k1: 1.2, b: 2}\n"), "test.yaml:3: "));
  CHECK(starts_with(error_of("fields:\n  title:\n    from: last_line\n"), "test.yaml:3: "));
}

TEST_CASE("schema: an empty schema is an error naming the file") {
  const std::string msg = error_of("", "empty.yaml");
  CHECK(starts_with(msg, "empty.yaml"));
  CHECK(msg.find("empty") != std::string::npos);
}

TEST_CASE("schema: values are read, defaults kept for what is absent") {
  const Schema s = parse_schema(
      "name: mine\n"
      "language: french\n"
      "files: {include: '*.md', max_size: 500k}\n"
      "fields: {title: {weight: 5}}\n"
      "date: {fallback: none}\n"
      "facets: {section: {from: none}}\n",
      "mine.yaml");
  CHECK(s.name == "mine");
  CHECK(s.language == "french");
  CHECK(s.include_globs == std::vector<std::string>{"*.md"});
  CHECK(s.max_file_bytes == 500 * 1024);
  CHECK(s.title_weight == 5);
  CHECK(s.body_weight == 1);
  CHECK_FALSE(s.date_from_mtime);
  CHECK_FALSE(s.section_from_folder);
  CHECK(s.dateline_pattern.empty());
}

TEST_CASE("schema: a dateline pattern is compiled as the schema loads") {
  std::string msg = error_of(
      "name: news\n"                          // 1
      "dateline:\n"                           // 2
      "  pattern: '^(\\p{Lu}+ (unclosed'\n",  // 3
      "re.yaml");
  CAPTURE(msg);
  CHECK(starts_with(msg, "re.yaml:3: dateline.pattern: invalid regular expression"));
  msg = error_of("dateline:\n  pattern: '^(\\w+) -'\n", "re.yaml");
  CAPTURE(msg);
  CHECK(starts_with(msg, "re.yaml:2: "));
  CHECK(msg.find("two groups") != std::string::npos);
  // An empty pattern switches datelines off.
  CHECK(parse_schema("dateline: {pattern: ''}\n", "off.yaml").dateline_pattern.empty());
}

TEST_CASE("schema: UTF-16, UTF-32, NUL bytes and invalid UTF-8 are refused with a line") {
  const std::string text = "name: news\nlanguage: english\n";
  std::string le("\xFF\xFE", 2), be("\xFE\xFF", 2), bare;
  for (char c : text) {
    le += c, le += '\0';
    be += '\0', be += c;
    bare += c, bare += '\0';
  }
  const std::string utf32("\xFF\xFE\0\0n\0\0\0", 8);
  for (const auto& [bytes, says] : {std::pair{le, "UTF-16"}, std::pair{be, "UTF-16"},
                                    std::pair{bare, "NUL"}, std::pair{utf32, "UTF-32"}}) {
    const std::string msg = error_of(bytes, "wide.yaml");
    CAPTURE(msg);
    CHECK(starts_with(msg, "wide.yaml:1: "));
    CHECK(msg.find(says) != std::string::npos);
  }
  std::string msg = error_of(std::string("name: news\n\nlanguage: eng\0lish\n", 30));
  CAPTURE(msg);
  CHECK(starts_with(msg, "test.yaml:3: "));
  msg = error_of("name: news\nfiles:\n  include: ['caf\xE9.txt']\n");
  CAPTURE(msg);
  CHECK(starts_with(msg, "test.yaml:3: "));
  CHECK(msg.find("UTF-8") != std::string::npos);
  // A UTF-8 byte-order mark is UTF-8.
  CHECK(parse_schema("\xEF\xBB\xBFname: bom\n", "bom.yaml").name == "bom");
}
