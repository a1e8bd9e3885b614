#include "search/explain.h"
#include <cstdlib>
#include <map>

#include <algorithm>

#include "core/layout.h"

namespace newsdex {
namespace {

// Each term's factor in `q`: the product of the OP_SCALE_WEIGHT factors above it
// (--expand adds its stems at a fraction of their weight). Xapian 1.4 gives the factor
// only in the description: "Query(0.2 * (Zwing OR Zflutter))".
void scale_factors(const Xapian::Query& q, double factor, std::map<std::string, double>& out) {
  if (q.get_type() == Xapian::Query::LEAF_TERM) {
    // A term the query holds unscaled as well keeps its whole weight.
    const auto [it, added] = out.emplace(*q.get_unique_terms_begin(), factor);
    if (!added) it->second = std::max(it->second, factor);
    return;
  }
  if (q.get_type() == Xapian::Query::OP_SCALE_WEIGHT) {
    const std::string d = q.get_description();
    const auto star = d.find(" * ");
    if (star != std::string::npos && d.rfind("Query(", 0) == 0)
      factor *= std::strtod(d.c_str() + 6, nullptr);
  }
  for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
    scale_factors(q.get_subquery(i), factor, out);
}

}  // namespace

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
  std::map<std::string, double> factors;
  scale_factors(query, 1.0, factors);
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
    const auto f = factors.find(term);
    if (!m.empty())
      parts.emplace_back(term, m.begin().get_weight() * (f == factors.end() ? 1.0 : f->second));
  }
  std::stable_sort(parts.begin(), parts.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return parts;
}

}  // namespace newsdex
