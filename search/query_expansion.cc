#include "search/query_expansion.h"

#include <memory>
#include <set>
#include <vector>

#include "core/layout.h"
#include "search/stop_words.h"

namespace newsdex {
namespace {

// Stems only (Z terms), of letters, not the query's own, not stop words.
class StemsOnly : public Xapian::ExpandDecider {
 public:
  StemsOnly(std::set<std::string> query_terms, std::unique_ptr<Xapian::Stopper> stop)
      : query_terms_(std::move(query_terms)), stop_(std::move(stop)) {}
  bool operator()(const std::string& term) const override {
    if (term.size() < 4 || term.compare(0, layout::kStemPrefix.size(), layout::kStemPrefix) != 0)
      return false;
    for (std::size_t i = layout::kStemPrefix.size(); i < term.size(); ++i) {
      const char c = term[i];
      if (c >= 'A' && c <= 'Z') return false;  // a prefixed field's stem (ZS...)
      if (c >= '0' && c <= '9') return false;
    }
    if (query_terms_.count(term)) return false;
    return !(stop_ && (*stop_)(term.substr(layout::kStemPrefix.size())));
  }

 private:
  std::set<std::string> query_terms_;
  std::unique_ptr<Xapian::Stopper> stop_;
};

}  // namespace

Xapian::Query expand_query(Xapian::Enquire& enquire, const std::string& language,
                           const ExpansionParams& params) {
  const Xapian::Query query = enquire.get_query();
  const Xapian::MSet top = enquire.get_mset(0, params.docs);
  if (top.empty()) return query;
  Xapian::RSet relevant;
  for (auto it = top.begin(); it != top.end(); ++it) relevant.add_document(*it);
  StemsOnly decider({query.get_unique_terms_begin(), query.get_unique_terms_end()},
                    make_stopper(language));
  const Xapian::ESet eset = enquire.get_eset(params.terms, relevant, &decider);
  if (eset.empty()) return query;
  std::vector<Xapian::Query> terms;
  for (auto t = eset.begin(); t != eset.end(); ++t) terms.emplace_back(*t);
  return Xapian::Query(
      Xapian::Query::OP_AND_MAYBE, query,
      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                    Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                    params.weight));
}

}  // namespace newsdex
