// The newsdex subcommands. Each builds its results completely and then hands them to
// the printer, so a retry after the database changed underneath never prints twice.
#pragma once

#include <string>
#include <vector>

#include "printer.h"
#include "query_builder.h"
#include "search_session.h"
#include "timings.h"

namespace newsdex {

struct SearchOptions {
  QueryRequest query;
  std::size_t limit = 10;
  std::size_t offset = 0;
  std::vector<std::string> facets;
  std::size_t facet_limit = 10;
  std::string sort = "relevance";  // relevance, date (oldest first), -date (newest first)
  bool snippets = true;
  std::size_t snippet_chars = 200;
  bool significant = false;    // facets: rank by how much more often than in the corpus
  Timings* timings = nullptr;  // --stats: the search marks its phases here
};

// Each returns the exit code of the contract (0 match, 1 none).
int run_search(SearchSession& s, const SearchOptions& o, Printer& out);
int run_count(SearchSession& s, const SearchOptions& o, Printer& out);
int run_facets(SearchSession& s, const std::string& field, const SearchOptions& o, Printer& out);
int run_show(SearchSession& s, const std::string& id, Printer& out);
int run_similar(SearchSession& s, const std::string& id, const SearchOptions& o, Printer& out);
int run_stats(SearchSession& s, Printer& out);
int run_status(const std::string& db_path, Printer& out);

// Fills page.hits from an MSet: stored fields, rank, score and snippets.
void collect_hits(SearchSession& s, const Xapian::Enquire& enquire, const Xapian::MSet& mset,
                  const SearchOptions& o, SearchPage& page);

// The words of a query as the user typed them, joined.
std::string join_words(const std::vector<std::string>& words);

}  // namespace newsdex
