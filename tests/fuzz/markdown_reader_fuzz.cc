// The Markdown reader on any file's (repaired) text: front matter as YAML (or a failed
// record with its line), the body rendered by cmark to text. Never a crash or a hang;
// the text it gives is UTF-8 and holds no '<' tag of raw HTML it was given alone.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/markdown_reader.h"
#include "core/schema.h"
#include "core/text_repair.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using newsdex::fuzz::check;
  using newsdex::fuzz::valid_utf8;
  static const newsdex::Schema news = newsdex::load_schema_file(newsdex::default_schema_path());
  static newsdex::MarkdownReader reader(news);
  newsdex::RepairReport report;
  const std::string text =
      newsdex::repair_text(std::string_view(reinterpret_cast<const char*>(data), size), report);
  const auto out = reader.read(text, "blog/post.md", 1592222400);
  check(out.size() == 1, "one article or one failed record per file");
  const auto& r = out.front();
  if (!r.error.empty()) {
    check(r.line >= 1, "a failed file says its line");
  } else {
    const auto& a = r.article;
    check(valid_utf8(a.title) && valid_utf8(a.body), "title and body are UTF-8");
    check(valid_utf8(a.url) && valid_utf8(a.source), "front matter fields are UTF-8");
    check(a.date.empty() || a.date.size() == 8, "a date is YYYYMMDD or empty");
  }
  newsdex::sniff_markdown(std::string_view(text).substr(0, 4096));
  return 0;
}
