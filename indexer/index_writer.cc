#include "indexer/index_writer.h"

#include "core/errors.h"
#include "core/index_database.h"
#include "core/index_terms.h"
#include "core/layout.h"
#include "indexer/spelling_data.h"

namespace newsdex {

IndexWriter::IndexWriter(Xapian::WritableDatabase& db, unsigned commit_every)
    : db_(db), commit_every_(commit_every ? commit_every : 1), revision_(stored_revision(db)) {}

void IndexWriter::put(const std::string& relative, std::vector<ArticleDocument> documents) {
  const bool whole_file = documents.size() == 1 && documents.front().id == relative;
  // The file's documents of another shape: its articles when it is now one article,
  // its whole-file document when it now holds many. A plain-text file never had the
  // former, and Xapian deletes by a term no document holds at the cost of one lookup.
  remove_spelling_words(db_, file_term(relative));
  db_.delete_document(file_term(relative));
  if (!whole_file) {
    remove_spelling_words(db_, id_term(relative));
    db_.delete_document(id_term(relative));
  }
  const std::string revision = Xapian::sortable_serialise(double(revision_ + 1));
  for (auto& d : documents) {
    d.document.add_value(layout::kRevisionSlot, revision);
    remove_spelling_words(db_, id_term(d.id));
    add_spelling_words(db_, d.document);
    db_.replace_document(id_term(d.id), d.document);
    if (pending_++ == 0) first_pending_ = std::chrono::steady_clock::now();
  }
}

void IndexWriter::remove(const std::string& relative) {
  remove_spelling_words(db_, id_term(relative));
  remove_spelling_words(db_, file_term(relative));
  db_.delete_document(id_term(relative));
  db_.delete_document(file_term(relative));
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
