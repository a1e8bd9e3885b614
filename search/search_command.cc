// newsdex search: ranked matches with snippets and exact facet counts.
#include <limits>
#include <set>

#include "core/errors.h"
#include "core/fields.h"
#include "core/layout.h"
#include "core/stored_article.h"
#include "search/batch_request.h"
#include "search/command.h"
#include "search/command_flags.h"
#include "search/facet_counter.h"
#include "search/ranking.h"
#include "search/search_options.h"
#include "search/snippet.h"
#include "search/timeline.h"

namespace newsdex {

void collect_hits(SearchSession& s, const Xapian::Enquire& enquire, const Xapian::MSet& mset,
                  const SearchOptions& o, SearchPage& page) {
  SnippetMaker snippets(s.analyzer(), o.snippet_chars);
  // The query's terms mark the snippet, and words that start like its wildcards.
  const Xapian::Query query = enquire.get_query();
  const std::set<std::string> query_terms(query.get_unique_terms_begin(),
                                          query.get_unique_terms_end());
  const std::vector<std::string>& wildcards = s.queries().wildcard_prefixes();
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const Article article = decode_document_data(it.get_document().get_data());
    Hit h = s.hit_of(*it, article);
    h.rank = it.get_rank() + 1;  // get_rank() counts from the first match, offset included
    h.score = it.get_weight();
    if (o.snippets) {
      Snippet sn = snippets.make(article.body, query_terms, wildcards);
      h.snippet = std::move(sn.text);
      h.highlights = std::move(sn.highlights);
    }
    page.hits.push_back(std::move(h));
  }
}

namespace {

int run_search(SearchSession& s, const SearchOptions& o, Printer& out) {
  Xapian::Enquire enquire(s.db());
  enquire.set_query(s.queries().build(o.query));
  configure_ranking(enquire, s.schema(), o.sort);

  std::unique_ptr<FacetCounter> facets;
  const bool whole_corpus = !o.facets.empty() && matches_everything(o.query);
  const auto first = static_cast<Xapian::doccount>(o.offset);
  const auto max = static_cast<Xapian::doccount>(o.limit);
  Xapian::MSet mset;
  if (!o.facets.empty() && !whole_corpus) {
    // Exact counts need every match visited, not just the best page.
    facets = std::make_unique<FacetCounter>(s.db(), o.facets);
    mset = facets->match(enquire, first, max);
  } else {
    // The options stop at Xapian's 32-bit limit, but their sum may pass it.
    const Xapian::doccount check_at_least =
        max > std::numeric_limits<Xapian::doccount>::max() - first
            ? std::numeric_limits<Xapian::doccount>::max()
            : first + max;
    mset = enquire.get_mset(first, max, check_at_least);
  }

  auto mark = [&](std::string_view phase) {
    if (o.timings) o.timings->mark(phase);
  };
  mark("match");

  SearchPage page;
  page.query = o.query.text;
  page.offset = o.offset;
  page.total = mset.get_matches_estimated();
  page.total_is_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  if (page.total == 0) {
    // json prints a whole object, total 0 and no results (with empty facets), so that
    // a script's `jq .total` has its input; the other formats print nothing.
    for (const auto& name : o.facets) page.facets.push_back(Facet{name, {}, 0});
    out.search(page);
    return kExitNoMatch;
  }

  collect_hits(s, enquire, mset, o, page);
  mark("results");
  if (facets) page.facets = facets->results(o.facet_limit);
  if (whole_corpus) page.facets = whole_corpus_facets(s.db(), o.facets, o.facet_limit);
  for (auto& f : page.facets) zero_fill_timeline(f.field, o.query, f.values);
  if (facets || whole_corpus) mark("facets");
  out.search(page);
  mark("print");
  return kExitOk;
}

}  // namespace

namespace {

class SearchCommand : public Command {
 public:
  void define(CLI::App& cmd, OutputFlags& out) override {
    cmd.footer(
        "Query language (Xapian's): words (stemmed), \"exact phrase\", AND OR NOT, +must "
        "-not,\na NEAR b, prefix*, title:word, person:\"Donald Trump\", place:Syria, "
        "org:NATO,\nsource:Reuters, section:sport, year:2018, month:2018-04, "
        "date:2018-04-01..2018-04-30.\nPut -- before a query that starts with '-'.");
    add_output_flags(cmd, out, {"text", "json", "jsonl", "tsv", "paths"}, true);
    add_query_flags(cmd, o_.query, words_);
    cmd.add_option("-n,--limit", o_.limit, "results to show")
        ->check(whole_number(kMaxCount))
        ->capture_default_str();
    cmd.add_option("--offset", o_.offset, "skip this many results first")
        ->check(whole_number(kMaxCount));
    cmd.add_option("--facet", o_.facets,
                   "count FIELD values over all matches (" +
                       field_names([](const Field& f) { return f.is_facet(); }) + ")")
        ->delimiter(',')
        ->allow_extra_args(false);  // one value each time: `--facet person trump` works
    cmd.add_option("--facet-limit", o_.facet_limit, "values per facet (0: all)")
        ->check(whole_number(kMaxCount))
        ->capture_default_str();
    cmd.add_option("--sort", o_.sort, "relevance, date (oldest first) or -date (newest first)")
        ->check(CLI::IsMember({"relevance", "date", "-date"}))
        ->capture_default_str();
    cmd.add_option("--snippet-chars", o_.snippet_chars, "snippet length in bytes")
        ->check(CLI::Range(20, 100000))
        ->capture_default_str();
    cmd.add_flag("--no-snippet", no_snippet_, "no snippets (faster)");
    add_batch_flag(cmd, out);
    add_chart_flag(cmd, out);
  }
  void check() override {
    o_.snippets = !no_snippet_;
    o_.query.text = join_words(words_);
  }
  bool marks_phases() const override { return true; }
  int run(const RunContext& c, Printer& out) override {
    o_.timings = c.timings;
    return run_search(*c.session, o_, out);
  }
  bool takes_batch() const override { return true; }
  int run_request(const RunContext& c, const nlohmann::json& request, Printer& out) override {
    SearchOptions o = o_;
    apply_request(request, RequestKeys::Search, o);
    for (const auto& name : o.facets) facet_field(name);  // an unknown field: a usage error
    return run_search(*c.session, o, out);
  }

 private:
  SearchOptions o_;
  std::vector<std::string> words_;
  bool no_snippet_ = false;
};

}  // namespace

std::unique_ptr<Command> make_search_command() {
  return std::make_unique<SearchCommand>();
}

}  // namespace newsdex
