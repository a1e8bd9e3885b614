// newsdex show ID|PATH and newsdex similar ID|PATH.
#include <cctype>
#include <set>

#include "commands.h"
#include "errors.h"
#include "fields.h"
#include "index_terms.h"
#include "layout.h"
#include "ranking.h"
#include "stored_article.h"

namespace newsdex {
namespace {

Xapian::docid require(SearchSession& s, const std::string& id) {
  Xapian::docid d = s.find(id);
  if (!d) throw Error(kExitNoMatch, "no document '" + id + "' in " + s.db_path());
  return d;
}

}  // namespace

int run_show(SearchSession& s, const std::string& id, Printer& out) {
  const Xapian::docid d = require(s, id);
  Xapian::Document doc = s.db().get_document(d);
  Article a = decode_document_data(doc.get_data());
  DocumentView v;
  v.hit = s.hit_of(d, a);
  v.place = a.dateline_place;
  v.section = a.section;
  v.date_from_text = a.date_from_text;
  v.body = a.body;
  v.word_count = s.db().get_doclength(d);
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string term = *t;
    // The terms of the filter fields (fields.h), not the word, stem and id terms.
    if (field_of_term(term)) v.boolean_terms.push_back(term);
  }
  out.document(v);
  return kExitOk;
}

int run_similar(SearchSession& s, const std::string& id, const SearchOptions& o, Printer& out) {
  const Xapian::docid d = require(s, id);
  Xapian::RSet rset;
  rset.add_document(d);
  Xapian::Enquire enquire(s.db());
  // Expand with plain words only: stems, titles and filters would count twice.
  struct WordsOnly : Xapian::ExpandDecider {
    bool operator()(const std::string& term) const override {
      return !term.empty() && !std::isupper(static_cast<unsigned char>(term[0])) &&
             term.size() > 2 && !std::isdigit(static_cast<unsigned char>(term[0]));
    }
  } words_only;
  const Xapian::Query self(id_term(s.hit_of(s.db().get_document(d)).id));
  enquire.set_query(self);
  Xapian::ESet eset = enquire.get_eset(40, rset, &words_only);
  std::vector<std::string> terms(eset.begin(), eset.end());
  Xapian::Query query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, self);
  enquire.set_query(query);
  configure_ranking(enquire, s.schema(), "relevance");
  Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(o.offset),
                                       static_cast<Xapian::doccount>(o.limit));
  SearchPage page;
  page.query = "similar:" + id;
  page.offset = o.offset;
  page.total = mset.get_matches_estimated();
  page.total_is_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  if (page.total == 0) return kExitNoMatch;
  collect_hits(s, enquire, mset, o, page);
  out.search(page);
  return kExitOk;
}

}  // namespace newsdex
