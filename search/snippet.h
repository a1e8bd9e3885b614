// Snippets: the passage of an article's body that best shows why it matched, with the
// matching words marked. Words are found with the same analysis as the index, so a
// match on "cafe" marks "Café" and a stemmed match on "negotiate" marks "negotiating".
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/text_analyzer.h"

namespace newsdex {

struct Snippet {
  std::string text;  // a passage of the body, "…" where it was cut
  std::vector<std::pair<std::size_t, std::size_t>> highlights;  // byte ranges in `text`
};

class SnippetMaker {
 public:
  // `terms`: the query's terms (unprefixed words and Z-prefixed stems).
  SnippetMaker(TextAnalyzer& analyzer, std::size_t max_bytes)
      : analyzer_(analyzer), max_bytes_(max_bytes) {}

  // `wildcards`: prefixes of trailing wildcards; a word starting with one matches.
  Snippet make(const std::string& body, const std::set<std::string>& terms,
               const std::vector<std::string>& wildcards = {});

 private:
  TextAnalyzer& analyzer_;
  std::size_t max_bytes_;
};

}  // namespace newsdex
