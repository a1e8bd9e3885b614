// newsdex search: ranked matches with snippets and exact facet counts.
#include <algorithm>
#include <cstdio>
#include <limits>
#include <memory>
#include <optional>
#include <set>

#include "core/errors.h"
#include "core/fields.h"
#include "core/index_terms.h"
#include "core/layout.h"
#include "core/stored_article.h"
#include "search/batch_request.h"
#include "search/command.h"
#include "search/command_flags.h"
#include "search/date_ranges.h"
#include "search/entity_centrality.h"
#include "search/explain.h"
#include "search/facet_counter.h"
#include "search/query_expansion.h"
#include "search/query_relaxation.h"
#include "search/ranking.h"
#include "search/recency.h"
#include "search/search_options.h"
#include "search/snippet.h"
#include "search/spelling.h"
#include "search/terminal_escape.h"
#include "search/timeline.h"

namespace newsdex {

void collect_hits(SearchSession& s, const Xapian::Enquire& enquire, const Xapian::MSet& mset,
                  const SearchOptions& o, SearchPage& page, const Xapian::Query* meant) {
  SnippetMaker snippets(s.analyzer(), o.snippet_chars, s.schema().language);
  // The query as the user meant it marks the snippet: not the terms --expand added.
  const HighlightPlan plan = o.snippets ? highlight_plan(meant ? *meant : enquire.get_query(),
                                                         s.analyzer(), s.queries().resolved_terms())
                                        : HighlightPlan();
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    const Article article = load_article(doc, o.snippets);  // the body: for the snippet alone
    Hit h = s.hit_of(*it, article);
    h.copies = story_copies(doc);
    h.rank = it.get_rank() + 1;  // get_rank() counts from the first match, offset included
    h.score = it.get_weight();
    if (o.snippets) {
      Snippet sn = snippets.make(article.body, plan, article.language);
      h.snippet = std::move(sn.text);
      h.highlights = std::move(sn.highlights);
    }
    page.hits.push_back(std::move(h));
  }
}

namespace {

// The note a relaxed search leaves on stderr: results on stdout stay results.
void note_relaxed(const MatchPlan& plan) {
  std::fprintf(stderr,
               "newsdex: %s every word; showing articles with any of them, best first "
               "(--strict: every word only)\n",
               plan.strict_matches == 0 ? "no article has" : "too few articles have");
}

// The suggestion as one line a user can type again: the query, then the filters.
std::string suggestion_line(const Suggestion& s) {
  std::string line = s.text;
  if (s.filters_changed)
    for (const auto& f : s.filters) {
      // As a shell takes it again: --filter person:"Gordon Brown".
      const auto colon = f.find(':');
      const std::string value = f.substr(colon + 1);
      line += std::string(line.empty() ? "" : " ") + "--filter " + f.substr(0, colon + 1) +
              (value.find(' ') == std::string::npos ? value : "\"" + value + "\"");
    }
  return line;
}

// Xapian counts every match up to this many, so that the total is exact when it is
// cheap to be: a query matching fewer articles than this (the phrase and NEAR queries
// people type, nearly every query on a corpus of some thousands) reports an exact
// total; past it, bounds. The cost is bounded: at most this many matches visited
// beyond the page, without fetching their documents.
constexpr Xapian::doccount kExactTotalUpTo = 10000;

// One run of a request: the plan, the matches and, with --facet, their counts.
struct Matches {
  MatchPlan plan;
  Xapian::Enquire enquire;
  Xapian::MSet mset;
  std::unique_ptr<FacetCounter> facets;
  std::unique_ptr<FacetCounter> stories;  // collapsed, without facets: the story count
  Xapian::doccount stories_at_least = 0;
  bool whole_corpus = false;
  explicit Matches(const Xapian::Database& db) : enquire(db) {}
};

std::unique_ptr<Matches> match(SearchSession& s, const SearchOptions& o,
                               const QueryRequest& request) {
  auto m = std::make_unique<Matches>(s.db());
  m->plan = plan_match(s.db(), s.queries(), request, !o.strict);
  Xapian::Query query = rank_by_centrality(m->plan.query);
  configure_ranking(m->enquire, s.schema(), o.sort);
  if (o.expand && o.sort == "relevance") {
    m->enquire.set_query(query);
    query = expand_query(m->enquire, s.schema().language, o.expansion);
  }
  if (o.recency_days && o.sort == "relevance") {
    // The blend's scale: the best score the query attains without it.
    m->enquire.set_query(query);
    const double best = m->enquire.get_mset(0, 1).get_max_attained();
    query = with_recency(query, best, *o.recency_days, today_local());
  }
  m->enquire.set_query(query);
  // Each story once, its best copy standing for it: Xapian drops the others while it
  // matches (no second pass), and counts what it dropped.
  if (o.collapse) m->enquire.set_collapse_key(layout::kStorySlot);
  m->whole_corpus = !o.facets.empty() && matches_everything(request) &&
                    whole_corpus_facets_pay(s.remote(), o.facet_limit);
  const auto first = static_cast<Xapian::doccount>(o.offset);
  // Asked for no result, Xapian skips the collapser and its totals are estimates: a
  // page of one is asked for instead, and not shown (run_search).
  const auto max = static_cast<Xapian::doccount>(o.collapse && o.limit == 0 ? 1 : o.limit);
  if (!o.facets.empty() && !m->whole_corpus) {
    // Exact counts need every match visited, not just the best page.
    m->facets = std::make_unique<FacetCounter>(
        s.db(), o.facets, [&s]() -> const EntityResolution& { return s.entities(); });
    m->mset = m->facets->match(m->enquire, first, max);
  } else {
    // The options stop at Xapian's 32-bit limit, but their sum may pass it.
    const Xapian::doccount page_end = max > std::numeric_limits<Xapian::doccount>::max() - first
                                          ? std::numeric_limits<Xapian::doccount>::max()
                                          : first + max;
    const Xapian::doccount at_least = std::max(page_end, kExactTotalUpTo);
    if (o.collapse) {
      // Xapian's collapsed totals are estimates: a spy notes the matches, and when it
      // saw them all (fewer than at_least) their stories are counted exactly.
      m->stories = std::make_unique<FacetCounter>(s.db(), std::vector<std::string>{});
      m->mset = m->stories->match(m->enquire, first, max, at_least);
      m->stories_at_least = at_least;
    } else {
      m->mset = m->enquire.get_mset(first, max, at_least);
    }
  }
  return m;
}

int run_search(SearchSession& s, const SearchOptions& o, Printer& out, bool json) {
  auto mark = [&](std::string_view phase) {
    if (o.timings) o.timings->mark(phase);
  };
  std::unique_ptr<Matches> m = match(s, o, o.query);
  const std::optional<Suggestion> suggestion =
      suggest_spelling(s.db(), s.analyzer(), s.queries(), o.query, s.schema().language);
  bool corrected = false;
  if (m->mset.get_matches_estimated() == 0 && suggestion && o.auto_correct) {
    QueryRequest fixed = o.query;
    fixed.text = suggestion->text;
    fixed.filters = suggestion->filters;
    std::unique_ptr<Matches> again = match(s, o, fixed);
    if (again->mset.get_matches_estimated() > 0) {
      m = std::move(again);
      corrected = true;
    }
  }
  mark("match");

  SearchPage page;
  page.query = o.query.text;
  page.offset = o.offset;
  page.relaxed = m->plan.relaxed;
  page.auto_corrected = corrected;
  if (suggestion) page.suggestion = suggestion_line(*suggestion);
  page.total = m->mset.get_matches_estimated();
  page.total_min = m->mset.get_matches_lower_bound();
  page.total_max = m->mset.get_matches_upper_bound();
  page.total_is_exact = page.total_min == page.total_max;
  std::optional<FacetCounter::Totals> exact;
  if (m->facets) exact = m->facets->totals();  // the spy saw every match
  if (m->stories) {
    const FacetCounter::Totals t = m->stories->totals();
    if (t.articles < m->stories_at_least) exact = t;  // and here too
  }
  if (exact) {
    // Exact totals, collapsed or not, whatever Xapian estimates.
    const FacetCounter::Totals t = *exact;
    page.total = page.total_min = page.total_max = o.collapse ? t.stories : t.articles;
    page.total_is_exact = true;
  }
  page.collapsed = o.collapse;
  // Never fewer articles than stories; none when no story matched (Xapian's uncollapsed
  // estimate of an empty match can be its postlists' guess).
  page.total_articles =
      !o.collapse ? page.total
      : page.total == 0
          ? 0
          : std::max<std::uint64_t>(page.total, m->mset.get_uncollapsed_matches_estimated());
  if (exact) page.total_articles = exact->articles;
  page.total_articles_is_exact = exact        ? true
                                 : o.collapse ? m->mset.get_uncollapsed_matches_lower_bound() ==
                                                    m->mset.get_uncollapsed_matches_upper_bound()
                                              : page.total_is_exact;
  if (page.total == 0) {
    // json prints a whole object, total 0 and no results (with empty facets and any
    // suggestion), so that a script's `jq .total` has its input; the other formats
    // print nothing, and text says the suggestion on stderr.
    for (const auto& name : o.facets) page.facets.push_back(Facet{name, {}, 0});
    if (suggestion && !json)
      std::fprintf(stderr, "newsdex: no match; did you mean: %s?\n",
                   escape_for_terminal(*page.suggestion).c_str());
    out.search(page);
    return kExitNoMatch;
  }

  if (o.limit > 0) collect_hits(s, m->enquire, m->mset, o, page, &m->plan.query);
  if (o.explain) {
    const Xapian::Query ran = m->enquire.get_query();
    page.parsed_query = ran.get_description();
    const auto weighting = weighting_of(s.schema());
    auto it = m->mset.begin();
    for (auto& h : page.hits) h.explanation = explain_hit(s.db(), ran, *weighting, *it++);
  }
  mark("results");
  if (m->facets) page.facets = m->facets->results(o.facet_limit);
  if (m->whole_corpus)
    page.facets = whole_corpus_facets(
        s.db(), o.facets, o.facet_limit, [&s]() -> const EntityResolution& { return s.entities(); },
        !s.remote());
  for (auto& f : page.facets) zero_fill_timeline(f.field, o.query, f.values);
  if (m->facets || m->whole_corpus) mark("facets");
  out.search(page);
  if (!json && corrected)
    std::fprintf(stderr, "newsdex: nothing matches '%s'; showing matches of '%s'\n",
                 escape_for_terminal(o.query.text).c_str(),
                 escape_for_terminal(*page.suggestion).c_str());
  if (!json && m->plan.relaxed) note_relaxed(m->plan);
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
        "date:2018-04-01..2018-04-30,\ndate:2018-04..2018-05, date:7d.. (the last week). "
        "Words AND together; when too few\narticles hold them all, any word matches "
        "(--strict: never). Put -- before a query that starts with '-'.");
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
    add_collapse_flag(cmd, no_collapse_);
    cmd.add_flag("--strict,--no-relax", o_.strict,
                 "every word must match, always. Without it, a query whose words all "
                 "together match nothing is run again with any word matching (stop words "
                 "aside), best first; a note on stderr (the JSON field \"relaxed\") says so");
    cmd.add_flag("--auto-correct", o_.auto_correct,
                 "when nothing matches and a spelling suggestion (\"Did you mean\") does, "
                 "show the suggestion's matches instead, with a note on stderr (JSON: "
                 "\"auto_corrected\": true)");
    cmd.add_flag("--expand", o_.expand,
                 "pseudo-relevance feedback (RM3-like, Xapian's ESet): the stems that best "
                 "mark the best matches re-rank the matches at a fraction of their weight; "
                 "which articles match does not change");
    cmd.add_option("--expand-docs", o_.expansion.docs,
                   "with --expand: how many of the best matches are taken as relevant")
        ->check(CLI::Range(1, 1000))
        ->capture_default_str();
    cmd.add_option("--expand-terms", o_.expansion.terms,
                   "with --expand: how many stems they add to the query")
        ->check(CLI::Range(1, 1000))
        ->capture_default_str();
    cmd.add_option("--expand-weight", o_.expansion.weight,
                   "with --expand: the added stems' weight, as a fraction of their own")
        ->check(CLI::Range(0.0, 10.0))
        ->capture_default_str();
    cmd.add_flag("--explain", o_.explain,
                 "print the query as Xapian runs it and, per hit, the query's terms the "
                 "article holds with what each added to its score (Z: a stem, S: a title "
                 "word, XP/XL/XO: a person, place, organisation; JSON: \"parsed_query\", "
                 "\"explain\")");
    cmd.add_option("--recency", recency_,
                   "blend relevance with age: HALF-LIFE such as 30d, 2w, 6m or 1y. Each match "
                   "gains the best match's score times 2^(-age/HALF-LIFE), so an article of "
                   "today gains as much as the best match scores, one a half-life old half "
                   "of it; undated articles gain nothing (relevance order only)");
    out_ = &out;
  }
  void check() override {
    o_.snippets = !no_snippet_;
    o_.collapse = !no_collapse_;
    o_.query.text = join_words(words_);
    if (!recency_.empty()) {
      o_.recency_days = parse_half_life(recency_);
      if (!o_.recency_days)
        throw UsageError("malformed --recency '" + recency_ +
                         "' (expected a half-life: 12h, 30d, 2w, 6m, 1y)");
    }
  }
  bool marks_phases() const override { return true; }
  int run(const RunContext& c, Printer& out) override {
    o_.timings = c.timings;
    // JSON carries the "relaxed" and "auto_corrected" fields instead of the notes.
    return run_search(*c.session, o_, out, out_->format == "json");
  }
  bool takes_batch() const override { return true; }
  int run_request(const RunContext& c, const nlohmann::json& request, Printer& out) override {
    SearchOptions o = o_;
    apply_request(request, RequestKeys::Search, o);
    for (const auto& name : o.facets) facet_field(name);  // an unknown field: a usage error
    return run_search(*c.session, o, out, true);          // a batch answers in JSON lines
  }

 private:
  SearchOptions o_;
  std::vector<std::string> words_;
  bool no_snippet_ = false;
  bool no_collapse_ = false;
  const OutputFlags* out_ = nullptr;
  std::string recency_;
};

}  // namespace

std::unique_ptr<Command> make_search_command() {
  return std::make_unique<SearchCommand>();
}

}  // namespace newsdex
