// newsdex similar ID|PATH: more like this. The document's most telling words (Xapian's
// ESet over an RSet of the document) become an OR query that excludes it.
#include <cctype>

#include "core/errors.h"
#include "core/index_terms.h"
#include "core/layout.h"
#include "core/stored_article.h"
#include "search/command.h"
#include "search/command_flags.h"
#include "search/ranking.h"
#include "search/search_options.h"

namespace newsdex {
namespace {

int run_similar(SearchSession& s, const std::string& id, const SearchOptions& o, Printer& out) {
  const Xapian::docid d = s.require(id);
  Xapian::RSet rset;
  rset.add_document(d);
  Xapian::Enquire enquire(s.db());
  // Expand with plain words only: stems, titles and filters would count twice. And only
  // with words some other document has: the ESet ranks the rarest words first, and a
  // word of this document alone finds nothing (in a small corpus the top 40 can all be
  // such words, and `similar` then found no match at all).
  struct WordsOnly : Xapian::ExpandDecider {
    explicit WordsOnly(const Xapian::Database& db) : db(db) {}
    bool operator()(const std::string& term) const override {
      return !term.empty() && !std::isupper(static_cast<unsigned char>(term[0])) &&
             term.size() > 2 && !std::isdigit(static_cast<unsigned char>(term[0])) &&
             db.get_termfreq(term) > 1;
    }
    const Xapian::Database& db;
  } words_only(s.db());
  const Xapian::Query self(id_term(s.hit_of(s.db().get_document(d)).id));
  enquire.set_query(self);
  // Exact term frequencies over every shard: without the flag, Xapian estimates them
  // from the shard holding the document, and a sharded corpus ranks other words first.
  Xapian::ESet eset = enquire.get_eset(40, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &words_only);
  std::vector<std::string> terms(eset.begin(), eset.end());
  Xapian::Query query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, self);
  enquire.set_query(query);
  configure_ranking(enquire, s.schema(), "relevance");
  enquire.set_collapse_key(layout::kStorySlot);  // each story once, as search shows it
  Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(o.offset),
                                       static_cast<Xapian::doccount>(o.limit));
  SearchPage page;
  page.query = "similar:" + id;
  page.offset = o.offset;
  page.total = mset.get_matches_estimated();
  page.total_is_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  page.collapsed = true;
  page.total_articles = mset.get_uncollapsed_matches_estimated();
  if (page.total == 0) {
    out.search(page);  // json: a whole object, total 0
    return kExitNoMatch;
  }
  collect_hits(s, enquire, mset, o, page);
  out.search(page);
  return kExitOk;
}

class SimilarCommand : public Command {
 public:
  void define(CLI::App& cmd, OutputFlags& out) override {
    add_output_flags(cmd, out, {"text", "json", "jsonl", "tsv", "paths"}, true);
    cmd.add_option("id", id_, "document id (path below the corpus) or file path")->required();
    cmd.add_option("-n,--limit", o_.limit, "results to show")
        ->check(whole_number(kMaxCount))
        ->capture_default_str();
  }
  int run(const RunContext& c, Printer& out) override {
    return run_similar(*c.session, id_, o_, out);
  }

 private:
  SearchOptions o_;
  std::string id_;
};

}  // namespace

std::unique_ptr<Command> make_similar_command() {
  return std::make_unique<SimilarCommand>();
}

}  // namespace newsdex
