// newsdex facets FIELD [QUERY]: the top values of one facet over the matches, by
// count, or with --significant by how much more often they occur in the matches than
// in the whole corpus (the JLH score of Elasticsearch's significant_terms).
#include "commands.h"
#include "errors.h"
#include "facet_counter.h"

namespace newsdex {
int run_facets(SearchSession& s, const std::string& field, const SearchOptions& o, Printer& out) {
  const Field& f = facet_field(field);
  Xapian::Enquire enquire(s.db());
  enquire.set_query(s.queries().build(o.query));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  // Over the whole corpus the terms' frequencies are the counts (and nothing is
  // significant against itself).
  const bool whole_corpus = matches_everything(o.query) && !o.significant;
  FacetCounter counter(s.db(), {field});
  const Xapian::doccount all = s.db().get_doccount();
  Xapian::MSet mset = whole_corpus ? enquire.get_mset(0, 0) : counter.match(enquire, 0, 0);
  const std::uint64_t matches = whole_corpus ? all : mset.get_matches_estimated();
  if (matches == 0) return kExitNoMatch;

  // Over the whole corpus only the values shown need their display names looked up;
  // the significance test needs every value.
  Facet facet = whole_corpus ? whole_corpus_facets(s.db(), {field}, o.facet_limit).front()
                             : counter.results(0).front();
  if (o.significant && all > 0) {
    const double n = all, m = static_cast<double>(matches);
    std::vector<FacetValue> scored;
    for (auto& v : facet.values) {
      if (v.count < 2) continue;  // one mention is an anecdote, not a pattern
      const double fg = v.count / m;
      const double bg_count = s.db().get_termfreq(field_term(f, v.value, s.analyzer()));
      const double bg = std::max(bg_count, static_cast<double>(v.count)) / n;
      if (fg <= bg) continue;
      v.score = (fg - bg) * (fg / bg);
      scored.push_back(v);
    }
    facet.values = std::move(scored);
    rank_facet_values(facet.values, false, o.facet_limit);
  } else {
    rank_facet_values(facet.values, f.date_ordered, o.facet_limit);
  }
  out.facet(facet, matches);
  return facet.values.empty() ? kExitNoMatch : kExitOk;
}

}  // namespace newsdex
