// Schema YAML: the shipped one loads; every mistake is a UsageError "FILE:LINE: ...".
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>

#include "core/errors.h"
#include "core/schema.h"
#include "core/schema_reader.h"
#include "tests/unit/test_index.h"

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
  CHECK(s.include_globs == std::vector<std::string>{"*.txt", "*.md", "*.markdown", "*.html",
                                                    "*.htm", "*.xhtml", "*.jsonl", "*.ndjson",
                                                    "*.json", "*.rss", "*.atom", "*.xml"});
  CHECK(s.format == "auto");
  CHECK(s.max_file_bytes == 64ull * 1024 * 1024);
  CHECK(s.title_weight == 3);
  CHECK(s.body_weight == 1);
  CHECK(!s.dateline_pattern.empty());
  CHECK(s.date_search_chars == 400);
  CHECK(s.date_from_mtime);
  CHECK(s.section_from_folder);
  CHECK(s.bm25.k1 == doctest::Approx(1.5));
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

TEST_CASE("schema: a value of the wrong YAML type is refused at its line") {
  struct Case {
    const char* yaml;
    const char* says;
  };
  const Case cases[] = {
      {"files:\n  include: 5\n", "files.include: expected a string, got the number '5'"},
      {"files:\n  include: [\"*.txt\", true]\n", "got the boolean 'true'"},
      {"files:\n  exclude: [~]\n", "expected a string, got null"},
      {"files:\n  include: {a: b}\n", "expected a string or a list of strings"},
      {"name: news\nlanguage: [english]\n", "language: expected a string, got a list"},
      {"files:\n  include: []\n", "at least one glob"},
      {"files:\n  include: ['*.txt', '']\n", "an empty glob"},
      {"fields:\n  title:\n    weight: '3'\n", "fields.title.weight: expected a number, got '3'"},
      {"fields:\n  title: 3\n", "fields.title: expected a mapping"},
      {"dateline:\n  pattern: 12\n", "dateline.pattern: expected a string"},
      {"? [a, b]\n: c\n", "a key must be a plain name"},
  };
  for (const auto& c : cases) {
    const std::string msg = error_of(c.yaml);
    CAPTURE(c.yaml);
    CAPTURE(msg);
    const auto lines = std::count(c.yaml, c.yaml + std::strlen(c.yaml), '\n');
    // Each mistake is on the last line but for the mapping given as a key.
    const std::string line = std::string(c.yaml).rfind("? ", 0) == 0 ? "1" : std::to_string(lines);
    CHECK(starts_with(msg, "test.yaml:" + line + ": "));
    CHECK(msg.find(c.says) != std::string::npos);
  }
  // Quoted, what looks like a number is text.
  CHECK(parse_schema("name: '2024'\nfiles: {include: ['5']}\n", "q.yaml").include_globs ==
        std::vector<std::string>{"5"});
}

TEST_CASE("schema: numbers must be finite, whole where counted, and in range") {
  const char* const bad[] = {
      "fields:\n  title:\n    weight: .nan\n",
      "fields:\n  title:\n    weight: .inf\n",
      "fields:\n  title:\n    weight: -.inf\n",
      "fields:\n  title:\n    weight: -1\n",
      "fields:\n  title:\n    weight: 2.5\n",
      "fields:\n  title:\n    weight: 1e400\n",
      "fields:\n  body:\n    weight: 0x65\n",
      "date:\n  search_chars: 1e9\n",
      "date:\n  search_chars: 0.5\n",
      "ranking:\n  bm25: {b: .nan}\n",
      "ranking:\n  bm25: {k1: -.inf}\n",
      "ranking:\n  bm25: {k1: 1e300}\n",
      "ranking:\n  bm25: {min_normlen: .NaN}\n",
  };
  for (const char* yaml : bad) {
    const std::string msg = error_of(yaml);
    CAPTURE(yaml);
    CAPTURE(msg);
    const auto lines = std::count(yaml, yaml + std::strlen(yaml), '\n');
    CHECK(starts_with(msg, "test.yaml:" + std::to_string(lines) + ": "));
  }
  const Schema s = parse_schema(
      "fields: {title: {weight: 0x5}, body: {weight: 2.0}}\n"
      "date: {search_chars: 0}\n"
      "ranking: {bm25: {k1: 1e-1, b: .75, delta: 0.5}}\n",
      "ok.yaml");
  CHECK(s.title_weight == 5);
  CHECK(s.body_weight == 2);
  CHECK(s.date_search_chars == 0);
  CHECK(s.bm25.k1 == doctest::Approx(0.1));
  CHECK(s.bm25.b == doctest::Approx(0.75));
  CHECK(s.bm25.delta == doctest::Approx(0.5));
}

TEST_CASE("schema: files.max_size takes a size from one byte to 1TiB, nothing else") {
  for (const char* size : {"nan", "inf", ".inf", "-5", "0", "0.1", "1e30", "1e3", "0x10", "2048GiB",
                           "64 MiBs", "MiB", "1.", "'+5'", "[64]"}) {
    const std::string msg = error_of(std::string("name: news\nfiles:\n  max_size: ") + size + "\n");
    CAPTURE(size);
    CAPTURE(msg);
    CHECK(starts_with(msg, "test.yaml:3: files.max_size: "));
  }
  auto bytes = [](const std::string& size) {
    return parse_schema("files: {max_size: " + size + "}\n", "ok.yaml").max_file_bytes;
  };
  CHECK(bytes("1") == 1);
  CHECK(bytes("1048576") == 1048576);
  CHECK(bytes("1.5 KiB") == 1536);
  CHECK(bytes("'64MiB'") == 64ull << 20);
  CHECK(bytes("1024GiB") == 1ull << 40);
}

TEST_CASE("schema: a key given twice is refused at its second line") {
  std::string msg = error_of(
      "name: news\n"         // 1
      "language: english\n"  // 2
      "name: other\n");      // 3
  CAPTURE(msg);
  CHECK(starts_with(msg, "test.yaml:3: "));
  CHECK(msg.find("'name' is given twice") != std::string::npos);

  msg = error_of(
      "fields:\n"               // 1
      "  title:\n"              // 2
      "    weight: 3\n"         // 3
      "    from: first_line\n"  // 4
      "    weight: 5\n");       // 5
  CAPTURE(msg);
  CHECK(starts_with(msg, "test.yaml:5: "));
  CHECK(msg.find("'weight'") != std::string::npos);

  msg = error_of("files: {include: '*.txt', include: '*.md'}\n");
  CAPTURE(msg);
  CHECK(starts_with(msg, "test.yaml:1: "));
  CHECK(msg.find("'include'") != std::string::npos);

  // The same key in two different mappings is no repeat.
  CHECK_NOTHROW(parse_schema("fields: {title: {weight: 3}, body: {weight: 1}}\n", "ok.yaml"));
}

TEST_CASE("schema: a second YAML document is refused at its line") {
  const std::string msg = error_of("name: news\n---\nname: other\n");
  CAPTURE(msg);
  CHECK(starts_with(msg, "test.yaml:2: "));
  CHECK(msg.find("second YAML document") != std::string::npos);
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
  // Escapes cannot smuggle in what the bytes could not.
  msg = error_of("name: news\nfiles:\n  include: \"a\\0b\"\n");
  CAPTURE(msg);
  CHECK(starts_with(msg, "test.yaml:3: "));
  // A UTF-8 byte-order mark is UTF-8.
  CHECK(parse_schema("\xEF\xBB\xBFname: bom\n", "bom.yaml").name == "bom");
}

TEST_CASE("schema: yaml_core_type reads plain scalars as YAML 1.2's core schema does") {
  using newsdex::yaml_core_type;
  for (const char* s : {"", "~", "null", "Null", "NULL"}) CHECK(yaml_core_type(s) == "null");
  for (const char* s : {"true", "False", "TRUE"}) CHECK(yaml_core_type(s) == "boolean");
  for (const char* s : {"5", "-5", "+5", "0x1F", "0o17", "1.5", ".5", "5.", "1e3", "-1.5E-3",
                        ".inf", "-.Inf", ".NaN"})
    CHECK(yaml_core_type(s) == "number");
  for (const char* s : {"english", "*.txt", "64MiB", "yes", "0x", "1e", "1.2.3", ".", "-", "nan"})
    CHECK(yaml_core_type(s) == "");
}

TEST_CASE("schema: facets takes each field of the field table, from its source or none") {
  const Schema s = parse_schema(
      "facets:\n  org:\n    from: none\n  person:\n    from: none\n  year:\n    from: date\n",
      "f.yaml");
  CHECK(s.fields_off == std::vector<std::string>{"org", "person"});
  CHECK(s.section_from_folder);
  CHECK_FALSE(parse_schema("facets:\n  section:\n    from: none\n", "f.yaml").section_from_folder);
  CHECK(starts_with(error_of("facets:\n  person:\n    from: folder\n"), "test.yaml:3:"));
  CHECK(
      error_of("facets:\n  person:\n    from: folder\n").find("expected entities, data or none") !=
      std::string::npos);
  CHECK(starts_with(error_of("facets:\n  colour:\n    from: none\n"), "test.yaml:2:"));
}
