// Queries that match across languages without the user naming one. Each article was
// stemmed in its own language (indexer/article_loader.cc), so a query word must be
// stemmed the same way to meet it: "Haus" as German to find "Häuser". The query is
// parsed once per stemmer the database's languages need (its L terms, a short list),
// each parse restricted to the documents of those languages, and the parses OR-ed.
// Each document matches exactly one parse, so its weight is that parse's: the ranking
// among the documents of the schema's language is the same as in a database of that
// language alone, and a database of one language parses exactly once, as before.
#pragma once

#include <xapian.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace newsdex {

class LanguageQueries {
 public:
  // Lists the languages of `db`. `schema_stemmer` is the schema's language (a Snowball
  // name, or "none": then nothing was stemmed per language and there is one parse).
  // `configure` gives a new parser everything but its stemmer, as the query builder's
  // own parser has it (prefixes, field processors, ranges).
  LanguageQueries(const Xapian::Database& db, const std::string& schema_stemmer,
                  const std::function<void(Xapian::QueryParser&)>& configure);
  ~LanguageQueries();

  // The query that stems in every language: `schema_query` (the text parsed with the
  // schema's stemmer) kept for documents of the schema's language or of none, OR-ed
  // with `parse(parser)` for each other stemmer, restricted to its languages. Returns
  // `schema_query` itself when the database has no other stemmer's language.
  Xapian::Query combine(const Xapian::Query& schema_query,
                        const std::function<Xapian::Query(Xapian::QueryParser&)>& parse) const;

  // The Snowball names of the other stemmers the database needs, for tests and stats.
  std::vector<std::string> other_stemmers() const;

 private:
  struct Group {
    std::string stemmer;                      // a Snowball name or "none"
    std::vector<std::string> language_terms;  // the L terms of its languages
    std::unique_ptr<Xapian::QueryParser> parser;
  };
  std::vector<Group> others_;
};

}  // namespace newsdex
