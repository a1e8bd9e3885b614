// The article parser on any file's (repaired) text: with the shipped schema, and with
// a dateline pattern taken from the input's first line, which must stay within its
// step budget (libFuzzer's -timeout makes a slow input a finding).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/article_parser.h"
#include "core/errors.h"
#include "core/schema.h"
#include "core/text_repair.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

void check_article(const newsdex::Article& a) {
  using newsdex::fuzz::check;
  using newsdex::fuzz::valid_utf8;
  check(valid_utf8(a.title) && valid_utf8(a.body), "title and body are UTF-8");
  check(valid_utf8(a.dateline_place) && valid_utf8(a.source), "dateline fields are UTF-8");
  check(a.date.empty() || a.date.size() == 8, "a date is YYYYMMDD or empty");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const newsdex::Schema news = newsdex::load_schema_file(newsdex::default_schema_path());
  static newsdex::ArticleParser parser(news);
  newsdex::RepairReport report;
  const std::string text =
      newsdex::repair_text(std::string_view(reinterpret_cast<const char*>(data), size), report);
  check_article(parser.parse(text, "section/a.txt", 1592222400));

  const std::size_t nl = text.find('\n');
  if (nl == std::string::npos) return 0;
  newsdex::Schema own = news;
  own.dateline_pattern = text.substr(0, nl);
  try {
    newsdex::ArticleParser with_pattern(own);
    check_article(with_pattern.parse(text.substr(nl + 1), "a.txt", 0));
  } catch (const newsdex::UsageError&) {
    // Not a pattern, or without the two groups: refused, as parse_schema would.
  }
  return 0;
}
