#include "search/entity_centrality.h"

#include <string>
#include <vector>

#include "core/fields.h"
#include "core/index_terms.h"
#include "core/layout.h"

namespace newsdex {

Xapian::Query rank_by_centrality(const Xapian::Query& query) {
  std::vector<Xapian::Query> centrality;
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    const std::string term = *t;
    const Field* f = field_of_term(term);
    // A name's term; one in digest form has a centrality term of its own digest,
    // which cannot be rebuilt from it.
    if (!f || !f->names || is_digest_term(term)) continue;
    centrality.emplace_back(
        bounded_term(std::string(layout::kCentralityPrefix) + std::string(f->prefix),
                     term.substr(f->prefix.size())));
  }
  if (centrality.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                       Xapian::Query(Xapian::Query::OP_OR, centrality.begin(), centrality.end()));
}

}  // namespace newsdex
