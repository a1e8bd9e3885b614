#include "search/entity_graph.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/errors.h"
#include "core/index_terms.h"
#include "core/stored_article.h"
#include "search/facet_counter.h"

namespace newsdex {

void check_graph_fields(const std::vector<std::string>& fields) {
  const auto is_name = [](const Field& f) { return f.names.has_value(); };
  if (fields.empty()) throw UsageError("--field needs at least one of " + field_names(is_name));
  for (const auto& name : fields) {
    const Field* f = find_field(name);
    if (!f || !is_name(*f))
      throw UsageError("graph --field takes " + field_names(is_name) + ", not '" + name + "'");
  }
}

EntityGraph build_entity_graph(SearchSession& s, const QueryRequest& request,
                               const GraphOptions& o) {
  check_graph_fields(o.fields);
  EntityGraph g;
  g.query = request.text;
  g.fields = o.fields;
  Xapian::Enquire enquire(s.db());
  enquire.set_query(s.queries().build(request));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  const Xapian::doccount all = s.db().get_doccount();
  const Xapian::MSet mset = enquire.get_mset(0, all, all);
  g.matches = mset.size();

  // Every node of every match, then the nodes kept, then the edges between kept nodes.
  // A node is a folded key, as a facet value and a filter are, so that its count is
  // `newsdex count --filter FIELD:NAME`; it shows its most frequent spelling.
  std::vector<const Field*> fields;
  for (const auto& name : o.fields) fields.push_back(&facet_field(name));
  std::unordered_map<std::string, std::size_t> index;  // type:key -> position in `found`
  std::vector<GraphNode> found;
  std::vector<std::map<std::string, std::uint64_t>> spellings;
  std::vector<std::vector<std::size_t>> per_match;
  per_match.reserve(mset.size());
  // Names are resolved across the corpus as facets resolve them (entity_resolution.h):
  // "Blair" is a mention of the node "Tony Blair".
  const EntityResolution& corpus = s.entities();
  std::vector<EntityResolution::Counted> counted;
  NameSlots slots;
  std::vector<std::string> keys;  // found -> term
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    slots.read(doc);
    std::vector<std::size_t> named;
    for (const Field* f : fields) {
      corpus.names_under(*f, slots.values(), counted);
      for (const auto& c : counted) {
        const std::string type(f->name);
        auto [at, added] = index.try_emplace(type + ":" + c.key, found.size());
        if (added) {
          found.push_back({"", type, "", 0});
          spellings.emplace_back();
          keys.push_back(bounded_term(f->prefix, c.key));
        }
        if (!c.display.empty()) ++spellings[at->second][std::string(c.display)];
        named.push_back(at->second);
      }
    }
    std::sort(named.begin(), named.end());
    named.erase(std::unique(named.begin(), named.end()), named.end());
    for (std::size_t n : named) ++found[n].count;
    per_match.push_back(std::move(named));
  }
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (spellings[i].empty()) {
      // Named in these matches only by other names: the spelling the corpus gives it.
      found[i].name = display_of(s.db(), facet_field(found[i].type), keys[i], !s.remote());
    } else {
      const auto most = std::max_element(
          spellings[i].begin(), spellings[i].end(),
          [](const auto& a, const auto& b) { return a.second < b.second; });  // first on ties
      found[i].name = most->first;
    }
    found[i].id = found[i].type + ":" + found[i].name;
  }

  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < found.size(); ++i)
    if (found[i].count >= o.min_count) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return found[a].count != found[b].count ? found[a].count > found[b].count
                                            : found[a].id < found[b].id;
  });
  if (o.limit && order.size() > o.limit) order.resize(o.limit);
  std::vector<std::size_t> kept(found.size(), SIZE_MAX);  // found -> node index
  for (std::size_t i = 0; i < order.size(); ++i) {
    kept[order[i]] = i;
    g.nodes.push_back(std::move(found[order[i]]));
  }

  std::map<std::pair<std::size_t, std::size_t>, std::uint64_t> pairs;
  for (const auto& named : per_match) {
    std::vector<std::size_t> nodes;
    for (std::size_t n : named)
      if (kept[n] != SIZE_MAX) nodes.push_back(kept[n]);
    std::sort(nodes.begin(), nodes.end());
    for (std::size_t i = 0; i < nodes.size(); ++i)
      for (std::size_t j = i + 1; j < nodes.size(); ++j) ++pairs[{nodes[i], nodes[j]}];
  }
  for (const auto& [pair, count] : pairs)
    if (count >= o.min_count) g.edges.push_back({pair.first, pair.second, count});
  std::stable_sort(g.edges.begin(), g.edges.end(),
                   [](const GraphEdge& a, const GraphEdge& b) { return a.count > b.count; });
  return g;
}

}  // namespace newsdex
