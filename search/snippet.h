// Snippets: the passage of an article's body that best shows why it matched, with the
// matching words marked. Words are found with the same analysis as the index, so a
// match on "cafe" marks "Café" and a stemmed match on "negotiate" marks "negotiating"
// (stemmed in the article's own language, as the indexer stemmed it), and only where
// they match as the query means them (highlight_plan.h): a phrase where it occurs.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/text_analyzer.h"
#include "search/highlight_plan.h"

namespace newsdex {

struct Snippet {
  std::string text;  // a passage of the body, "…" where it was cut
  std::vector<std::pair<std::size_t, std::size_t>> highlights;  // byte ranges in `text`
};

class SnippetMaker {
 public:
  // `analyzer` is the schema's, `schema_stemmer` its Snowball name (or "none").
  SnippetMaker(TextAnalyzer& analyzer, std::size_t max_bytes, std::string schema_stemmer)
      : analyzer_(analyzer), max_bytes_(max_bytes), schema_stemmer_(std::move(schema_stemmer)) {}

  // `language`: the article's ISO 639-1 code (empty: the schema's).
  Snippet make(const std::string& body, const HighlightPlan& plan, const std::string& language);

 private:
  // The stemmer of an article in `language`, or nullptr for the schema's.
  const Xapian::Stem* stemmer_for(const std::string& language);
  const std::string& stem(const std::string& term, const Xapian::Stem* other);

  TextAnalyzer& analyzer_;
  std::size_t max_bytes_;
  std::string schema_stemmer_;
  std::map<std::string, Xapian::Stem> stemmers_;
  std::string other_stem_;
};

}  // namespace newsdex
