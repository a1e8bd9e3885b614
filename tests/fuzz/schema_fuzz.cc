// The schema loader on any file: it refuses with a UsageError, or what it accepts
// can be stored in the database and read back unchanged, and builds a parser.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/article_parser.h"
#include "core/errors.h"
#include "core/schema.h"
#include "core/schema_json.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

bool same(const newsdex::Schema& a, const newsdex::Schema& b) {
  return a.name == b.name && a.language == b.language && a.include_globs == b.include_globs &&
         a.exclude_globs == b.exclude_globs && a.max_file_bytes == b.max_file_bytes &&
         a.title_weight == b.title_weight && a.body_weight == b.body_weight &&
         a.dateline_pattern == b.dateline_pattern && a.date_search_chars == b.date_search_chars &&
         a.date_from_mtime == b.date_from_mtime && a.section_from_folder == b.section_from_folder &&
         a.bm25.k1 == b.bm25.k1 && a.bm25.k2 == b.bm25.k2 && a.bm25.k3 == b.bm25.k3 &&
         a.bm25.b == b.bm25.b && a.bm25.min_normlen == b.bm25.min_normlen &&
         a.bm25.delta == b.bm25.delta && a.source_text == b.source_text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using newsdex::fuzz::check;
  newsdex::Schema schema;
  try {
    schema =
        newsdex::parse_schema(std::string(reinterpret_cast<const char*>(data), size), "fuzz.yaml");
  } catch (const newsdex::UsageError&) {
    return 0;
  }
  check(schema.max_file_bytes >= 1, "max_size is at least a byte");
  check(schema.title_weight >= 1 && schema.body_weight >= 1, "weights are positive");
  // What newsdexd stores in the database; a failure here is an exception: a finding.
  const newsdex::Schema back = newsdex::schema_from_json(newsdex::schema_to_json(schema));
  check(same(schema, back), "the stored schema reads back the same");
  // Accepted means usable: the dateline pattern compiled as the schema loaded.
  newsdex::ArticleParser parser(back);
  parser.parse("Title\n\nPARIS (WIRE) - text of 12 April 2018\n", "a/b.txt", 0);
  return 0;
}
