// Did you mean (issue 16, point 3). A word of the query that no article holds
// ("electon") is replaced by the word of Xapian's spelling dictionary (which newsdexd
// fills, indexer/spelling_data.h) that is at most two edits away and held by the most
// articles ("election"); a name no article carries (person:"Tony Blare", --filter
// place:Brazl) by the field's name at the fewest edits (then the commonest) from it
// ("Tony Blair", "Brazil"). Operators, phrases' quotes, dates and the words that are
// found stay as typed.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "core/text_analyzer.h"
#include "search/query_builder.h"

namespace newsdex {

struct Suggestion {
  std::string text;                  // the query text, corrected
  std::vector<std::string> filters;  // the --filter values, corrected (FIELD:VALUE)
  bool text_changed = false;
  bool filters_changed = false;
};

// The corrected request, or nothing when every word and name is found (or nothing
// close to a missing one is).
// Stop words of `language` (stop_words.h) are words, never misspellings.
std::optional<Suggestion> suggest_spelling(const Xapian::Database& db, TextAnalyzer& analyzer,
                                           QueryBuilder& queries, const QueryRequest& request,
                                           const std::string& language);

// The edit distance (Levenshtein, over bytes) of `a` and `b`, or `limit + 1` when it
// is more than `limit`. Exposed for tests.
std::size_t edit_distance(const std::string& a, const std::string& b, std::size_t limit);

}  // namespace newsdex
