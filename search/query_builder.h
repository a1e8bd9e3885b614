// From the user's words to a Xapian::Query: the query text goes through the same
// analysis as documents (fold_query_text), then Xapian's QueryParser with our prefixes,
// date ranges and name fields; --filter, --since and --until become boolean filters.
#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/schema.h"
#include "core/text_analyzer.h"
#include "search/language_queries.h"
#include "search/name_resolver.h"

namespace newsdex {

struct QueryRequest {
  std::string text;                  // the query words, joined by spaces
  std::vector<std::string> filters;  // FIELD:VALUE
  bool filter_all = false;           // values of one field AND together
  std::string since, until;          // dates, inclusive
  std::uint64_t since_revision = 0;  // only documents written after it
  // Words joined by the default operator OR together and stop words go: the relaxed
  // query of query_relaxation.h. Otherwise every word must match.
  bool any_word = false;
};

class QueryBuilder {
 public:
  QueryBuilder(const Xapian::Database& db, const Schema& schema, TextAnalyzer& analyzer,
               const NameResolver& names);

  // Throws UsageError (exit 2) on a query QueryParser cannot parse, an unknown filter
  // field or a malformed date.
  Xapian::Query build(const QueryRequest& request);

  // The boolean term a FIELD:VALUE filter means, e.g. place:US -> "XLunited states".
  // Throws UsageError for an unknown field.
  std::string filter_term(const std::string& field, const std::string& value);

  // What a FIELD:VALUE filter matches: filter_term's term, and for a name field whose
  // value is an alias, the value as written too; for a name, every name the corpus
  // resolves to the same entity (entity_resolution.h: person:Blair finds Tony Blair). place:usa
  // finds the articles whose tagger found "United States" and those whose data gives the code "usa"
  // (Reuters-21578's PLACES).
  Xapian::Query filter_query(const std::string& field, const std::string& value);

  // The prefixes of the trailing wildcards ("negoti" for negoti*) of the last query
  // built: QueryParser expands them inside the match, so snippets ask here.
  const std::vector<std::string>& wildcard_prefixes() const { return wildcards_; }

  // The terms the name filters of the last query built match only through the
  // corpus's resolution (another name of the entity asked for): snippets leave them
  // unmarked.
  const std::unordered_set<std::string>& resolved_terms() const { return resolved_; }

  // Called by the field processors, which must not throw through QueryParser: the
  // message of the first bad field value, which build() throws as a UsageError after
  // parse_query returns.
  void record_parse_error(const std::string& message);

 private:
  // Everything a parser needs but its stemmer: prefixes, field processors, ranges.
  void configure_parser(Xapian::QueryParser& parser, const Xapian::Database& db);

  const Xapian::Database& db_;
  Xapian::QueryParser parser_;                // stems in the schema's language
  std::unique_ptr<Xapian::Stopper> stopper_;  // for any_word queries; null: none
  TextAnalyzer& analyzer_;
  const NameResolver& names_;
  LanguageQueries languages_;  // the parsers of the database's other languages
  Xapian::Query build_filters(const QueryRequest& request);
  std::vector<std::string> wildcards_;
  std::unordered_set<std::string> resolved_;
  std::optional<std::string> parse_error_;
};

// The query text folded as documents are (case, Unicode, diacritics), leaving the
// operators AND OR NOT XOR NEAR ADJ, field names and filter values as QueryParser
// and the field processors need them. Exposed for tests.
std::string fold_query_text(const std::string& text, TextAnalyzer& analyzer);

// "2018-04-12", "20180412", "2018-04" or "2018" as YYYYMMDD; `end` picks the last day
// of a month or year. Empty on a malformed date.
std::string normalise_date(const std::string& text, bool end);

}  // namespace newsdex
