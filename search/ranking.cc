#include "search/ranking.h"

#include "core/errors.h"
#include "core/layout.h"

namespace newsdex {

Xapian::BM25Weight bm25_of(const Schema& schema) {
  const auto& p = schema.bm25;
  return Xapian::BM25Weight(p.k1, p.k2, p.k3, p.b, p.min_normlen);
}

void configure_ranking(Xapian::Enquire& enquire, const Schema& schema, const std::string& sort) {
  enquire.set_weighting_scheme(bm25_of(schema));
  if (sort == "relevance") return;
  if (sort == "date" || sort == "-date") {
    // Ties within a day keep their relevance order.
    enquire.set_sort_by_value_then_relevance(layout::kDateSlot, sort == "-date");
    return;
  }
  throw UsageError("unknown sort '" + sort + "' (relevance, date, -date)");
}

}  // namespace newsdex
