// newsdex show ID|PATH: one document, its fields, entities and filter terms, and its text.
#include <cctype>
#include <set>

#include "core/errors.h"
#include "core/fields.h"
#include "core/index_terms.h"
#include "core/layout.h"
#include "core/stored_article.h"
#include "search/command.h"
#include "search/command_flags.h"

namespace newsdex {
namespace {

int run_show(SearchSession& s, const std::string& id, Printer& out) {
  const Xapian::docid d = s.require(id);
  Xapian::Document doc = s.db().get_document(d);
  Article a = load_article(doc);
  DocumentView v;
  v.hit = s.hit_of(d, a);
  v.place = a.dateline_place;
  v.section = a.section;
  v.date_from_text = a.date_from_text;
  v.body = a.body;
  v.authors = a.authors;
  v.topics = a.topics;
  v.url = a.url;
  v.language = a.language;
  v.word_count = s.db().get_doclength(d);
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string term = *t;
    // The terms of the filter fields (fields.h), not the word, stem and id terms.
    if (field_of_term(term)) v.boolean_terms.push_back(term);
  }
  out.document(v);
  return kExitOk;
}

class ShowCommand : public Command {
 public:
  void define(CLI::App& cmd, OutputFlags& out) override {
    add_output_flags(cmd, out, {"text", "json", "tsv", "paths"});
    cmd.add_option("id", id_, "document id (path below the corpus) or file path")->required();
  }
  int run(const RunContext& c, Printer& out) override { return run_show(*c.session, id_, out); }

 private:
  std::string id_;
};

}  // namespace

std::unique_ptr<Command> make_show_command() {
  return std::make_unique<ShowCommand>();
}

}  // namespace newsdex
