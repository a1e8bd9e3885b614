#include "search/search_session.h"

#include <filesystem>

#include "core/errors.h"
#include "core/index_database.h"
#include "core/index_terms.h"
#include "core/layout.h"
#include "core/paths.h"
#include "core/stored_article.h"

namespace newsdex {

std::string display_date(const std::string& d) {
  if (d.size() != 8) return d;
  return d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2);
}

SearchSession::SearchSession(const std::string& db_path) : db_path_(db_path) {
  ShardedDatabase opened = open_shards_for_reading(db_path);
  db_ = std::move(opened.db);
  remote_ = opened.remote;
  read_schema();
  // Each shard of a stub may come from its own corpus folder. Databases written before
  // 2026-11-25 may hold the folder with a trailing "/".
  for (const auto& shard : opened.shards)
    corpus_roots_.push_back(
        without_trailing_slash(shard.get_metadata(std::string(layout::kCorpusKey))));
}

void SearchSession::read_schema() {
  schema_json_ = db_.get_metadata(std::string(layout::kSchemaJsonKey));
  schema_ = stored_schema(db_);
  analyzer_ = std::make_unique<TextAnalyzer>(schema_.language);
  queries_ = std::make_unique<QueryBuilder>(db_, schema_, *analyzer_, names_);
}

void SearchSession::reopen() {
  // false: the database is the revision already read. Asked before every request of a
  // batch, and the name resolution costs as much as a whole search to rebuild.
  if (!db_.reopen()) return;
  names_.forget_corpus();
  if (db_.get_metadata(std::string(layout::kSchemaJsonKey)) != schema_json_) {
    read_schema();
  } else {
    // The languages a query is parsed in are those of the index's articles.
    queries_ = std::make_unique<QueryBuilder>(db_, schema_, *analyzer_, names_);
  }
}

Hit SearchSession::hit_of(const Xapian::Document& doc) const {
  Hit h = hit_of(doc.get_docid(), load_article(doc, false));  // a hit carries no body
  h.copies = story_copies(doc);
  return h;
}

std::uint64_t story_copies(const Xapian::Document& doc) {
  const std::string size = doc.get_value(layout::kStorySizeSlot);
  std::uint64_t n = 0;
  for (char c : size) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + std::uint64_t(c - '0');
  }
  return n > 1 ? n - 1 : 0;
}

Hit SearchSession::hit_of(Xapian::docid docid, const Article& a) const {
  // Xapian interleaves the shards' documents: shard (docid - 1) % shards.
  const std::string& root = corpus_roots_[(docid - 1) % corpus_roots_.size()];
  Hit h;
  h.id = id_bytes(docid, a.path);
  h.path = root.empty() ? h.id : root + "/" + h.id;
  h.title = a.title;
  h.date = display_date(a.date);
  h.source = a.source;
  for (const auto& n : a.people) h.entities.person.push_back(n.canonical);
  for (const auto& n : a.places) h.entities.place.push_back(n.canonical);
  for (const auto& n : a.orgs) h.entities.org.push_back(n.canonical);
  for (const auto& n : a.misc) h.entities.misc.push_back(n.canonical);
  return h;
}

std::string SearchSession::id_bytes(Xapian::docid docid, const std::string& stored) const {
  // The document data is JSON, which holds only UTF-8: a file name that is not
  // (caf\xe9.txt) was stored there with U+FFFD in place of its bad bytes. The unique
  // id term keeps the name's bytes, so read it there, only then: it costs a look at
  // the document's term list.
  if (stored.find("\xEF\xBF\xBD") == std::string::npos) return stored;
  auto t = db_.termlist_begin(docid);
  t.skip_to(std::string(layout::kIdPrefix));
  if (t == db_.termlist_end(docid)) return stored;
  const std::string term = *t;
  if (term.compare(0, layout::kIdPrefix.size(), layout::kIdPrefix) != 0) return stored;
  // A name too long for a term is there in digest form only: the stored one must do.
  if (is_digest_term(term)) return stored;
  return term.substr(layout::kIdPrefix.size());
}

Xapian::docid SearchSession::require(const std::string& id_or_path) {
  const Xapian::docid d = find(id_or_path);
  if (!d) throw Error(kExitNoMatch, "no document '" + id_or_path + "' in " + db_path());
  return d;
}

Xapian::docid SearchSession::find(const std::string& id_or_path) {
  auto lookup = [&](const std::string& id) -> Xapian::docid {
    const std::string term = id_term(id);
    auto p = db_.postlist_begin(term);
    return p == db_.postlist_end(term) ? 0 : *p;
  };
  if (Xapian::docid d = lookup(id_or_path)) return d;
  // A path as the shell gives it: make it relative to a corpus root (that of the
  // shard holding the document, when a stub lists several).
  std::error_code ec;
  const auto abs = std::filesystem::absolute(id_or_path, ec).lexically_normal();
  const std::size_t n = corpus_roots_.size();
  for (std::size_t shard = 0; shard < n; ++shard) {
    const std::string& root = corpus_roots_[shard];
    if (root.empty()) continue;
    const auto rel = abs.lexically_relative(root);
    if (rel.empty() || rel.native().rfind("..", 0) == 0) continue;
    const std::string term = id_term(rel.string());
    for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p)
      if ((*p - 1) % n == shard) return *p;
  }
  return 0;
}

}  // namespace newsdex
