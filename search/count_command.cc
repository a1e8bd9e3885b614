// newsdex count: the exact number of matches, for scripts.
#include "core/errors.h"
#include "core/layout.h"
#include "search/batch_request.h"
#include "search/command.h"
#include "search/command_flags.h"
#include "search/facet_counter.h"
#include "search/search_options.h"

namespace newsdex {
namespace {

int run_count(SearchSession& s, const SearchOptions& o, Printer& out) {
  Xapian::Enquire enquire(s.db());
  enquire.set_query(s.queries().build(o.query));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::doccount all = s.db().get_doccount();
  std::uint64_t n = 0;
  if (o.collapse) {
    // Stories, as search's total counts them. Xapian's collapsed totals are estimates
    // (it counts only the copies it compared), so the matches are noted by a spy with
    // no facet and their stories counted from the sparse story slot: exact.
    FacetCounter stories(s.db(), {});
    stories.match(enquire, 0, 0);
    n = stories.totals().stories;
  } else {
    n = enquire.get_mset(0, 0, all).get_matches_estimated();
  }
  out.count(n);
  return n ? kExitOk : kExitNoMatch;
}

class CountCommand : public Command {
 public:
  void define(CLI::App& cmd, OutputFlags& out) override {
    add_output_flags(cmd, out, {"text", "json"});
    add_query_flags(cmd, o_.query, words_);
    add_batch_flag(cmd, out);
    add_collapse_flag(cmd, no_collapse_);
  }
  void check() override {
    o_.query.text = join_words(words_);
    o_.collapse = !no_collapse_;
  }
  int run(const RunContext& c, Printer& out) override { return run_count(*c.session, o_, out); }
  bool takes_batch() const override { return true; }
  int run_request(const RunContext& c, const nlohmann::json& request, Printer& out) override {
    SearchOptions o = o_;
    apply_request(request, RequestKeys::Count, o);
    return run_count(*c.session, o, out);
  }

 private:
  SearchOptions o_;
  std::vector<std::string> words_;
  bool no_collapse_ = false;
};

}  // namespace

std::unique_ptr<Command> make_count_command() {
  return std::make_unique<CountCommand>();
}

}  // namespace newsdex
