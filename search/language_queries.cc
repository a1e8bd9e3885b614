#include "search/language_queries.h"

#include <map>

#include "core/languages.h"
#include "core/layout.h"

namespace newsdex {

LanguageQueries::LanguageQueries(const Xapian::Database& db, const std::string& schema_stemmer,
                                 const std::function<void(Xapian::QueryParser&)>& configure) {
  if (schema_stemmer == "none") return;  // the indexer stemmed no language
  const std::string prefix(layout::kLanguagePrefix);
  std::map<std::string, std::vector<std::string>> by_stemmer;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    const std::string term = *t;
    const std::string stemmer = stemmer_for_language(term.substr(prefix.size()));
    if (stemmer != schema_stemmer) by_stemmer[stemmer].push_back(term);
  }
  for (auto& [stemmer, terms] : by_stemmer) {
    Group g{stemmer, std::move(terms), std::make_unique<Xapian::QueryParser>()};
    configure(*g.parser);
    if (stemmer == "none") {
      g.parser->set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
    } else {
      g.parser->set_stemmer(Xapian::Stem(stemmer));
      g.parser->set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    }
    others_.push_back(std::move(g));
  }
}

LanguageQueries::~LanguageQueries() = default;

Xapian::Query LanguageQueries::combine(
    const Xapian::Query& schema_query,
    const std::function<Xapian::Query(Xapian::QueryParser&)>& parse) const {
  if (others_.empty()) return schema_query;
  std::vector<Xapian::Query> parts;
  std::vector<Xapian::Query> other_languages;
  for (const Group& g : others_) {
    Xapian::Query languages(Xapian::Query::OP_OR, g.language_terms.begin(), g.language_terms.end());
    other_languages.push_back(languages);
    Xapian::Query q = parse(*g.parser);
    if (q.empty()) continue;
    parts.emplace_back(Xapian::Query::OP_FILTER, q, languages);
  }
  // The schema's language, and documents of no language (older databases, or text too
  // short to tell): every document that is not another stemmer's.
  if (!schema_query.empty())
    parts.emplace(
        parts.begin(), Xapian::Query::OP_AND_NOT, schema_query,
        Xapian::Query(Xapian::Query::OP_OR, other_languages.begin(), other_languages.end()));
  if (parts.empty()) return schema_query;
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

std::vector<std::string> LanguageQueries::other_stemmers() const {
  std::vector<std::string> out;
  for (const Group& g : others_) out.push_back(g.stemmer);
  return out;
}

}  // namespace newsdex
