// The options of the commands that search (search, count, facets, similar), and the
// hit collection they share. Each command builds its results completely and then hands
// them to the printer, so a retry after the database changed underneath never prints
// twice.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "search/printer.h"
#include "search/query_builder.h"
#include "search/query_expansion.h"
#include "search/search_session.h"
#include "search/timings.h"

namespace newsdex {

struct SearchOptions {
  QueryRequest query;
  std::size_t limit = 10;  // set by each command (command_flags.h shows it in --help)
  std::size_t offset = 0;
  std::vector<std::string> facets;
  std::size_t facet_limit = 10;
  std::string sort = "relevance";  // relevance, date (oldest first), -date (newest first)
  bool snippets = true;
  std::size_t snippet_chars = 200;
  bool strict = false;                 // search: never relax the query (query_relaxation.h)
  bool auto_correct = false;           // search: run the spelling suggestion when nothing matches
  std::optional<double> recency_days;  // search --recency: the half-life in days
  bool explain = false;                // search --explain
  bool expand = false;                 // search --expand: pseudo-relevance feedback
  ExpansionParams expansion;           // search --expand-docs/-terms/-weight
  bool collapse = true;                // search, count: each story once (--no-collapse: off)
  bool significant = false;            // facets: rank by how much more often than in the corpus
  Timings* timings = nullptr;          // --stats: the search marks its phases here
};

// Fills page.hits from an MSet: stored fields, rank, score and snippets. `meant`, when
// given, is the query the snippets mark (the user's, without its expansion terms);
// else the enquire's.
void collect_hits(SearchSession& s, const Xapian::Enquire& enquire, const Xapian::MSet& mset,
                  const SearchOptions& o, SearchPage& page, const Xapian::Query* meant = nullptr);

}  // namespace newsdex
