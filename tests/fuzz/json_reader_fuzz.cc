// The JSON Lines and JSON readers on any file's (repaired) text, with the shipped
// schema's default key mapping: every record is an article or an error of its own, never
// a crash, a hang or a tree of the whole input; keys are unique within the file.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "core/json_reader.h"
#include "core/schema.h"
#include "core/text_repair.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

void check_articles(const std::vector<newsdex::FileArticle>& articles) {
  using newsdex::fuzz::check;
  using newsdex::fuzz::valid_utf8;
  std::set<std::string> keys;
  for (const auto& r : articles) {
    if (!r.error.empty()) {
      check(r.line >= 1, "a failed record has its line");
      check(valid_utf8(r.error), "an error message is UTF-8");
      continue;
    }
    const auto& a = r.article;
    check(!a.title.empty() || !a.body.empty(), "an article has a title or a text");
    check(valid_utf8(r.key) && valid_utf8(a.title) && valid_utf8(a.body), "fields are UTF-8");
    check(a.date.empty() || a.date.size() == 8, "a date is YYYYMMDD or empty");
    check(a.language.empty() || a.language.size() == 2, "a language is ISO 639-1");
    check(r.key.empty() || keys.insert(r.key).second, "keys are unique within a file");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const newsdex::Schema news = newsdex::load_schema_file(newsdex::default_schema_path());
  static newsdex::JsonLinesReader lines(news);
  static newsdex::JsonReader json(news);
  newsdex::RepairReport report;
  const std::string text =
      newsdex::repair_text(std::string_view(reinterpret_cast<const char*>(data), size), report);
  check_articles(lines.read(text, "a/dump.jsonl", 1592222400));
  try {
    check_articles(json.read(text, "a/dump.json", 1592222400));
  } catch (const std::exception&) {
    // A file the JSON reader refuses whole (formats.json.records finds no array): the
    // loader reports it as failed. Not with the default mapping, but allowed.
  }
  newsdex::sniff_json_lines(std::string_view(text).substr(0, 4096));
  newsdex::sniff_json(std::string_view(text).substr(0, 4096));
  return 0;
}
