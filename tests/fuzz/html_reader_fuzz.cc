// The HTML reader: any text as a page (and as a feed's HTML fragment) gives at most one
// article, with valid UTF-8 fields, a title on one line, a date that is a day or none, a
// language code of two lowercase letters or none; never a crash, a leak or a hang.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/html_reader.h"
#include "core/html_text.h"
#include "core/schema.h"
#include "core/text_repair.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using newsdex::fuzz::check;
  using newsdex::fuzz::valid_utf8;
  // The loader hands readers valid UTF-8 only.
  newsdex::RepairReport report;
  const std::string text =
      newsdex::repair_text(std::string_view(reinterpret_cast<const char*>(data), size), report);

  static const newsdex::Schema schema = newsdex::load_schema_file(newsdex::default_schema_path());
  static newsdex::HtmlReader reader(schema);
  newsdex::looks_like_html(text);
  const auto articles = reader.read(text, "section/page.html", 1523525400);
  check(articles.size() <= 1, "a page is at most one article");
  for (const auto& found : articles) {
    const newsdex::Article& a = found.article;
    check(found.key.empty() && found.error.empty(), "a page is a whole-file article");
    check(valid_utf8(a.title) && valid_utf8(a.body) && valid_utf8(a.source) && valid_utf8(a.url),
          "fields are valid UTF-8");
    check(a.title.find('\n') == std::string::npos, "the title is one line");
    check(a.date.empty() || a.date.size() == 8, "the date is YYYYMMDD or none");
    check(a.language.empty() ||
              (a.language.size() == 2 && a.language[0] >= 'a' && a.language[0] <= 'z' &&
               a.language[1] >= 'a' && a.language[1] <= 'z'),
          "the language is an ISO 639-1 code or none");
    for (const std::string& author : a.authors) check(valid_utf8(author), "authors are UTF-8");
  }
  const std::string fragment = newsdex::html_fragment_text(text);
  check(valid_utf8(fragment), "fragment text is valid UTF-8");
  return 0;
}
