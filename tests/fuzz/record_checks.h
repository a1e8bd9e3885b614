// The invariants of any reader of many records, checked by the fuzz targets of the xml
// and feed readers: whatever the input, each article is UTF-8 with a date of eight
// digits or none, each key is non-empty and unique in the file, each record that did
// not fail has a title or a body, and each line lies within the file.
#pragma once

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/article_reader.h"
#include "tests/fuzz/fuzz_check.h"

namespace newsdex::fuzz {

inline void check_records(const std::vector<FileArticle>& records, std::string_view text) {
  const std::size_t lines =
      static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  std::set<std::string> keys;
  for (const auto& r : records) {
    check(r.line <= lines, "a record's line lies within the file");
    check(valid_utf8(r.error), "an error is UTF-8");
    if (!r.error.empty()) continue;
    const Article& a = r.article;
    check(!r.key.empty(), "a record has a key");
    check(keys.insert(r.key).second, "keys are unique within a file");
    check(!a.title.empty() || !a.body.empty(), "an article has a title or a body");
    check(valid_utf8(r.key) && valid_utf8(a.title) && valid_utf8(a.body), "text is UTF-8");
    check(valid_utf8(a.source) && valid_utf8(a.url) && valid_utf8(a.language), "fields are UTF-8");
    for (const auto* list : {&a.authors, &a.topics})
      for (const auto& v : *list) check(valid_utf8(v) && !v.empty(), "list values are UTF-8");
    for (const auto& p : a.places) check(valid_utf8(p.canonical), "places are UTF-8");
    check(a.date.empty() || a.date.size() == 8, "a date is YYYYMMDD or empty");
  }
}

}  // namespace newsdex::fuzz
