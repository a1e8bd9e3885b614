#include "search/ranking.h"

#include "core/errors.h"
#include "core/layout.h"

namespace newsdex {

std::unique_ptr<Xapian::Weight> weighting_of(const Schema& schema) {
  const auto& p = schema.bm25;
  if (p.delta > 0)
    return std::make_unique<Xapian::BM25PlusWeight>(p.k1, p.k2, p.k3, p.b, p.min_normlen, p.delta);
  return std::make_unique<Xapian::BM25Weight>(p.k1, p.k2, p.k3, p.b, p.min_normlen);
}

void configure_ranking(Xapian::Enquire& enquire, const Schema& schema, const std::string& sort) {
  enquire.set_weighting_scheme(*weighting_of(schema));
  if (sort == "relevance") return;
  if (sort == "date" || sort == "-date") {
    // Ties within a day keep their relevance order.
    enquire.set_sort_by_value_then_relevance(layout::kDateSlot, sort == "-date");
    return;
  }
  throw UsageError("unknown sort '" + sort + "' (relevance, date, -date)");
}

}  // namespace newsdex
