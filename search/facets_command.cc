// newsdex facets FIELD [QUERY]: the top values of one facet over the matches, by
// count, or with --significant by how much more often they occur in the matches than
// in the whole corpus (the JLH score of Elasticsearch's significant_terms).
#include "core/errors.h"
#include "core/fields.h"
#include "search/batch_request.h"
#include "search/command.h"
#include "search/command_flags.h"
#include "search/facet_counter.h"
#include "search/search_options.h"
#include "search/timeline.h"

namespace newsdex {
namespace {

int run_facets(SearchSession& s, const std::string& field, const SearchOptions& o, Printer& out) {
  const Field& f = facet_field(field);
  Xapian::Enquire enquire(s.db());
  enquire.set_query(s.queries().build(o.query));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  // Over the whole corpus the terms' frequencies are the counts (and nothing is
  // significant against itself).
  const bool whole_corpus = matches_everything(o.query) && !o.significant &&
                            whole_corpus_facets_pay(s.remote(), o.facet_limit);
  FacetCounter counter(s.db(), {field}, [&s]() -> const EntityResolution& { return s.entities(); });
  const Xapian::doccount all = s.db().get_doccount();
  Xapian::MSet mset = whole_corpus ? enquire.get_mset(0, 0) : counter.match(enquire, 0, 0);
  const std::uint64_t matches = whole_corpus ? all : mset.get_matches_estimated();
  if (matches == 0) {
    out.facet(Facet{field, {}, 0});  // json: a whole object, matches 0
    return kExitNoMatch;
  }

  // Over the whole corpus only the values shown need their display names looked up;
  // the significance test needs every value.
  Facet facet = whole_corpus
                    ? whole_corpus_facets(
                          s.db(), {field}, o.facet_limit,
                          [&s]() -> const EntityResolution& { return s.entities(); }, !s.remote())
                          .front()
                    : counter.results(0).front();
  if (o.significant && all > 0) {
    const double n = all, m = static_cast<double>(matches);
    std::vector<FacetValue> scored;
    for (auto& v : facet.values) {
      if (v.count < 2) continue;  // one mention is an anecdote, not a pattern
      const double fg = v.count / m;
      // The articles of every name counted under this one, as the count was.
      const std::string term = field_term(f, v.value, s.analyzer());
      const double bg_count =
          f.names ? documents_with_any(s.db(), s.entities().members(s.entities().root(term)))
                  : s.db().get_termfreq(term);
      const double bg = std::max(bg_count, static_cast<double>(v.count)) / n;
      if (fg <= bg) continue;
      v.score = (fg - bg) * (fg / bg);
      scored.push_back(v);
    }
    facet.values = std::move(scored);
    rank_facet_values(facet.values, false, o.facet_limit);
  } else {
    rank_facet_values(facet.values, f.date_ordered, o.facet_limit);
    zero_fill_timeline(field, o.query, facet.values);
  }
  facet.matches = matches;
  out.facet(facet);
  return facet.values.empty() ? kExitNoMatch : kExitOk;
}

// Significance compares the matches with the whole corpus: without a query or a
// filter they are the whole corpus, and nothing stands out.
void check_significant(const SearchOptions& o) {
  if (o.significant && matches_everything(o.query))
    throw UsageError("facets --significant needs a query or a filter");
}

class FacetsCommand : public Command {
 public:
  FacetsCommand() { o_.facet_limit = 20; }  // a list of its own: longer than a result's
  void define(CLI::App& cmd, OutputFlags& out) override {
    add_output_flags(cmd, out, {"text", "json", "jsonl", "tsv", "paths"}, true);
    cmd.add_option("field", field_, field_names([](const Field& f) { return f.is_facet(); }))
        ->required();
    add_query_flags(cmd, o_.query, words_);
    cmd.add_option("--facet-limit,-n,--limit", o_.facet_limit, "values to show (0: all)")
        ->check(whole_number(kMaxCount))
        ->capture_default_str();
    cmd.add_flag("--significant", o_.significant,
                 "rank by how much more often a value occurs in the matches than overall");
    add_batch_flag(cmd, out);
    add_chart_flag(cmd, out);
  }
  void check() override {
    o_.query.text = join_words(words_);
    check_significant(o_);
  }
  int run(const RunContext& c, Printer& out) override {
    return run_facets(*c.session, field_, o_, out);
  }
  bool takes_batch() const override { return true; }
  int run_request(const RunContext& c, const nlohmann::json& request, Printer& out) override {
    SearchOptions o = o_;
    std::string field = field_;
    apply_request(request, RequestKeys::Facets, o, &field);
    check_significant(o);
    return run_facets(*c.session, field, o, out);
  }

 private:
  SearchOptions o_;
  std::string field_;
  std::vector<std::string> words_;
};

}  // namespace

std::unique_ptr<Command> make_facets_command() {
  return std::make_unique<FacetsCommand>();
}

}  // namespace newsdex
