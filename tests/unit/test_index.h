// Shared helpers of the unit tests: the shipped schema, and a small in-memory Xapian
// index built with the real DocumentBuilder, so query, filter and snippet tests run
// against documents laid out exactly as newsdexd lays them out.
#pragma once

#include <xapian.h>

#include <set>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/document_builder.h"
#include "core/layout.h"
#include "core/schema.h"
#include "core/stored_article.h"
#include "core/text_analyzer.h"
#include "search/name_resolver.h"
#include "search/query_builder.h"

namespace newsdex::testing {

inline std::string source_path(const std::string& relative) {
  return std::string(NEWSDEX_SOURCE_DIR) + "/" + relative;
}

inline const Schema& news_schema() {
  static const Schema schema = load_schema_file(source_path("schemas/news.yaml"));
  return schema;
}

inline Article make_article(const std::string& path, const std::string& title,
                            const std::string& body, const std::string& date = "",
                            const std::string& source = "", const std::string& section = "") {
  Article a;
  a.path = path;
  a.title = title;
  a.body = body;
  a.date = date;
  a.date_from_text = !date.empty();
  a.source = source;
  a.section = section;
  return a;
}

// An in-memory database of articles, queried through the real QueryBuilder.
class TestIndex {
 public:
  TestIndex() : analyzer_(news_schema().language), db_(std::string(), Xapian::DB_BACKEND_INMEMORY) {
    db_.set_metadata(std::string(layout::kLayoutVersionKey), std::to_string(layout::kVersion));
  }

  void add(const Article& a) {
    DocumentBuilder builder(news_schema());
    db_.replace_document(std::string(layout::kIdPrefix) + a.path,
                         builder.build(a, Fingerprint{}, analyzer_));
  }

  Xapian::WritableDatabase& db() { return db_; }
  TextAnalyzer& analyzer() { return analyzer_; }

  Xapian::Query query(const QueryRequest& r) {
    QueryBuilder qb(db_, news_schema(), analyzer_, names_);
    Xapian::Query q = qb.build(r);
    wildcards_ = qb.wildcard_prefixes();
    return q;
  }

  // The trailing-wildcard prefixes of the last query built ("negoti" for negoti*).
  const std::vector<std::string>& wildcard_prefixes() const { return wildcards_; }

  Xapian::Query query(const std::string& text) {
    QueryRequest r;
    r.text = text;
    return query(r);
  }

  // The paths of every document the query matches.
  std::set<std::string> paths(const Xapian::Query& q) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(q);
    Xapian::MSet mset = enquire.get_mset(0, db_.get_doccount() + 1);
    std::set<std::string> out;
    for (auto it = mset.begin(); it != mset.end(); ++it)
      out.insert(load_article(it.get_document(), false).path);
    return out;
  }

  std::set<std::string> search(const std::string& text) { return paths(query(text)); }

  std::set<std::string> filtered(const std::string& text, const std::vector<std::string>& filters) {
    QueryRequest r;
    r.text = text;
    r.filters = filters;
    return paths(query(r));
  }

  // The query's unique terms, as the search command hands them to the snippet maker.
  std::set<std::string> query_terms(const std::string& text) {
    const Xapian::Query q = query(text);
    return {q.get_unique_terms_begin(), q.get_unique_terms_end()};
  }

 private:
  TextAnalyzer analyzer_;
  NameResolver names_;
  Xapian::WritableDatabase db_;
  std::vector<std::string> wildcards_;
};

}  // namespace newsdex::testing
