// newsdex copies ID|PATH: the other articles of the document's story, those search
// folds into it ("+N copies"; story_clusters.h says how stories are found). Listed in
// id order, as one page of results, so every output format and -0 work as for search.
#include "core/errors.h"
#include "core/index_terms.h"
#include "core/layout.h"
#include "search/command.h"
#include "search/command_flags.h"
#include "search/search_options.h"

namespace newsdex {
namespace {

int run_copies(SearchSession& s, const std::string& id, const SearchOptions& o, Printer& out) {
  const Xapian::docid d = s.require(id);
  const std::string story = s.db().get_document(d).get_value(layout::kStorySlot);
  SearchPage page;
  page.query = "copies:" + id;
  page.offset = o.offset;
  if (story.empty()) {
    out.search(page);  // a story alone: no copies (json: a whole object, total 0)
    return kExitNoMatch;
  }
  // The story's articles hold its key in a sparse slot: a value range over it reads
  // only the articles that have copies, never the whole index.
  const Xapian::Query self(id_term(s.hit_of(s.db().get_document(d)).id));
  const Xapian::Query members(Xapian::Query::OP_VALUE_RANGE, layout::kStorySlot, story, story);
  Xapian::Enquire enquire(s.db());
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, members, self));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  const Xapian::doccount all = s.db().get_doccount();
  Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(o.offset),
                                       static_cast<Xapian::doccount>(o.limit), all);
  page.total = page.total_min = page.total_max = page.total_articles = mset.get_matches_estimated();
  if (page.total == 0) {
    out.search(page);
    return kExitNoMatch;
  }
  SearchOptions shown = o;
  shown.snippets = false;
  collect_hits(s, enquire, mset, shown, page);
  out.search(page);
  return kExitOk;
}

class CopiesCommand : public Command {
 public:
  void define(CLI::App& cmd, OutputFlags& out) override {
    add_output_flags(cmd, out, {"text", "json", "jsonl", "tsv", "paths"}, true);
    cmd.add_option("id", id_, "document id (path below the corpus) or file path")->required();
    o_.limit = 100;
    cmd.add_option("-n,--limit", o_.limit, "copies to show")
        ->check(whole_number(kMaxCount))
        ->capture_default_str();
    cmd.add_option("--offset", o_.offset, "skip this many copies first")
        ->check(whole_number(kMaxCount));
  }
  int run(const RunContext& c, Printer& out) override {
    return run_copies(*c.session, id_, o_, out);
  }

 private:
  SearchOptions o_;
  std::string id_;
};

}  // namespace

std::unique_ptr<Command> make_copies_command() {
  return std::make_unique<CopiesCommand>();
}

}  // namespace newsdex
