#include "index_writer.h"

#include "errors.h"
#include "index_database.h"
#include "index_terms.h"
#include "layout.h"

namespace newsdex {

IndexedFiles read_indexed_files(const Xapian::Database& db) {
  IndexedFiles files;
  const std::string prefix(layout::kIdPrefix);
  // Q terms give path -> docid; one pass over the fingerprint slot gives the rest,
  // without reading a single document.
  std::unordered_map<Xapian::docid, std::string> by_docid;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    auto p = db.postlist_begin(*t);
    if (p != db.postlist_end(*t)) by_docid.emplace(*p, id_of_term(db, *t, *p));
  }
  files.reserve(by_docid.size());
  for (auto v = db.valuestream_begin(layout::kFingerprintSlot);
       v != db.valuestream_end(layout::kFingerprintSlot); ++v) {
    auto it = by_docid.find(v.get_docid());
    if (it != by_docid.end()) files.emplace(std::move(it->second), decode_fingerprint(*v));
  }
  return files;
}

IndexWriter::IndexWriter(Xapian::WritableDatabase& db, unsigned commit_every)
    : db_(db), commit_every_(commit_every ? commit_every : 1), revision_(stored_revision(db)) {}

void IndexWriter::put(const std::string& relative, Xapian::Document doc) {
  doc.add_value(layout::kRevisionSlot, Xapian::sortable_serialise(double(revision_ + 1)));
  db_.replace_document(id_term(relative), doc);
  if (pending_++ == 0) first_pending_ = std::chrono::steady_clock::now();
}

void IndexWriter::remove(const std::string& relative) {
  db_.delete_document(id_term(relative));
  if (pending_++ == 0) first_pending_ = std::chrono::steady_clock::now();
}

void IndexWriter::maybe_commit() {
  if (pending_ >= commit_every_ ||
      (pending_ > 0 && std::chrono::steady_clock::now() - first_pending_ >= max_age_))
    commit();
}

void IndexWriter::commit() {
  if (pending_ == 0) return;
  db_.set_metadata(std::string(layout::kRevisionKey), std::to_string(revision_ + 1));
  db_.commit();
  ++revision_;
  pending_ = 0;
  if (on_commit_) on_commit_(revision_);
}

}  // namespace newsdex
