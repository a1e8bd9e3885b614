#include "search_session.h"

#include <filesystem>

#include "index_database.h"
#include "index_terms.h"
#include "layout.h"
#include "paths.h"
#include "stored_article.h"

namespace newsdex {

std::string display_date(const std::string& d) {
  if (d.size() != 8) return d;
  return d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2);
}

SearchSession::SearchSession(const std::string& db_path)
    : db_path_(db_path), db_(open_for_reading(db_path)), schema_(stored_schema(db_)) {
  analyzer_ = std::make_unique<TextAnalyzer>(schema_.language);
  queries_ = std::make_unique<QueryBuilder>(db_, schema_, *analyzer_, names_);
  // Databases written before 2026-11-25 may hold the folder with a trailing "/".
  corpus_root_ = without_trailing_slash(db_.get_metadata(std::string(layout::kCorpusKey)));
}

Hit SearchSession::hit_of(const Xapian::Document& doc) const {
  return hit_of(decode_document_data(doc.get_data()));
}

Hit SearchSession::hit_of(const Article& a) const {
  Hit h;
  h.id = a.path;
  h.path = corpus_root_.empty() ? a.path : corpus_root_ + "/" + a.path;
  h.title = a.title;
  h.date = display_date(a.date);
  h.source = a.source;
  for (const auto& n : a.people) h.entities.person.push_back(n.canonical);
  for (const auto& n : a.places) h.entities.place.push_back(n.canonical);
  for (const auto& n : a.orgs) h.entities.org.push_back(n.canonical);
  return h;
}

Xapian::docid SearchSession::find(const std::string& id_or_path) {
  auto lookup = [&](const std::string& id) -> Xapian::docid {
    const std::string term = id_term(id);
    auto p = db_.postlist_begin(term);
    return p == db_.postlist_end(term) ? 0 : *p;
  };
  if (Xapian::docid d = lookup(id_or_path)) return d;
  // A path as the shell gives it: make it relative to the corpus root.
  if (!corpus_root_.empty()) {
    std::error_code ec;
    auto abs = std::filesystem::absolute(id_or_path, ec).lexically_normal();
    auto rel = abs.lexically_relative(corpus_root_);
    if (!rel.empty() && rel.native().rfind("..", 0) != 0) return lookup(rel.string());
  }
  return 0;
}

}  // namespace newsdex
