#include "search/explain.h"

#include <algorithm>

#include "core/layout.h"

namespace newsdex {

std::vector<std::pair<std::string, double>> explain_hit(const Xapian::Database& db,
                                                        const Xapian::Query& query,
                                                        const Xapian::Weight& weighting,
                                                        Xapian::docid docid) {
  std::vector<std::pair<std::string, double>> parts;
  // The article's unique id term: a filter that keeps it alone, at no cost to weights.
  auto id = db.termlist_begin(docid);
  id.skip_to(std::string(layout::kIdPrefix));
  if (id == db.termlist_end(docid)) return parts;
  const Xapian::Query only_this(*id);
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    const std::string term = *t;
    auto in_doc = db.termlist_begin(docid);
    in_doc.skip_to(term);
    if (in_doc == db.termlist_end(docid) || *in_doc != term) continue;
    // The term alone, on this article only: its part of the score.
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(weighting);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(term), only_this));
    const Xapian::MSet m = enquire.get_mset(0, 1);
    if (!m.empty()) parts.emplace_back(term, m.begin().get_weight());
  }
  std::stable_sort(parts.begin(), parts.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return parts;
}

}  // namespace newsdex
