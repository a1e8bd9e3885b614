#include "indexer/index_writer.h"

#include <unordered_map>

#include "core/errors.h"
#include "core/index_database.h"
#include "core/index_terms.h"
#include "core/layout.h"
#include "indexer/spelling_data.h"

namespace newsdex {

IndexWriter::IndexWriter(Xapian::WritableDatabase& db, unsigned commit_every)
    : db_(db),
      commit_every_(commit_every ? commit_every : 1),
      revision_(stored_revision(db)),
      first_build_(db.get_doccount() == 0) {}

void IndexWriter::put(const std::string& relative, std::vector<ArticleDocument> documents) {
  last_changes_ = {};
  const bool whole_file = documents.size() == 1 && documents.front().id == relative;
  const std::string revision = Xapian::sortable_serialise(double(revision_ + 1));
  auto count = [this] {
    if (pending_++ == 0) first_pending_ = std::chrono::steady_clock::now();
  };
  SpellingChanges spelling(db_);
  if (whole_file) {
    // Its articles, if it held many before. A plain-text file never did, and Xapian
    // deletes by a term no document holds at the cost of one lookup.
    spelling.note_holders(file_term(relative));
    if (!first_build_) stories_.before_change(db_, file_term(relative));
    db_.delete_document(file_term(relative));
    auto& d = documents.front();
    d.document.add_value(layout::kRevisionSlot, revision);
    spelling.note_holders(id_term(d.id));
    if (!first_build_) stories_.before_change(db_, id_term(d.id));
    spelling.note(d.document);
    {
      const Xapian::docid did = db_.replace_document(id_term(d.id), d.document);
      if (!first_build_) stories_.changed(did);
    }
    spelling.apply(db_);
    if (!first_build_) stories_.settle(db_);
    count();
    return;
  }
  spelling.note_holders(id_term(relative));
  if (!first_build_) stories_.before_change(db_, id_term(relative));
  db_.delete_document(id_term(relative));  // its whole-file document, if it was one
  // The articles the index holds for the file: id -> document and stored hash.
  struct Indexed {
    Xapian::docid did;
    std::string hash;
    bool kept = false;
  };
  std::unordered_map<std::string, Indexed> indexed;
  const std::string file = file_term(relative);
  for (auto p = db_.postlist_begin(file); p != db_.postlist_end(file); ++p) {
    const Xapian::Document doc = db_.get_document(*p);
    auto t = doc.termlist_begin();
    t.skip_to(std::string(layout::kIdPrefix));
    if (t == doc.termlist_end() || (*t).rfind(layout::kIdPrefix, 0) != 0) continue;
    indexed.emplace(id_of_term(db_, *t, *p), Indexed{*p, doc.get_value(layout::kArticleHashSlot)});
  }
  for (auto& d : documents) {
    const std::string hash = d.document.get_value(layout::kArticleHashSlot);
    auto it = indexed.find(d.id);
    if (it != indexed.end() && !hash.empty() && it->second.hash == hash && !it->second.kept) {
      // The same article: the document stays, with its revision; the file's new
      // fingerprint goes on it, a values-only change Xapian writes cheaply.
      it->second.kept = true;
      Xapian::Document doc = db_.get_document(it->second.did);
      doc.add_value(layout::kFingerprintSlot, d.document.get_value(layout::kFingerprintSlot));
      db_.replace_document(it->second.did, doc);
      ++last_changes_.unchanged;
      continue;
    }
    (it == indexed.end() ? last_changes_.added : last_changes_.updated)++;
    if (it != indexed.end()) {
      it->second.kept = true;
      spelling.note_holders(id_term(d.id));
      if (!first_build_) stories_.before_change(db_, it->second.did);
    }
    d.document.add_value(layout::kRevisionSlot, revision);
    spelling.note(d.document);
    {
      const Xapian::docid did = db_.replace_document(id_term(d.id), d.document);
      if (!first_build_) stories_.changed(did);
    }
    count();
  }
  for (const auto& [id, i] : indexed)
    if (!i.kept) {
      spelling.note_holders(id_term(id));
      if (!first_build_) stories_.before_change(db_, i.did);
      db_.delete_document(i.did);
      ++last_changes_.removed;
      count();
    }
  spelling.apply(db_);
  if (!first_build_) stories_.settle(db_);
  if (last_changes_.unchanged && !pending_) count();  // the new fingerprints need a commit
}

void IndexWriter::remove(const std::string& relative) {
  SpellingChanges spelling(db_);
  spelling.note_holders(id_term(relative));
  spelling.note_holders(file_term(relative));
  if (!first_build_) stories_.before_change(db_, id_term(relative));
  if (!first_build_) stories_.before_change(db_, file_term(relative));
  db_.delete_document(id_term(relative));
  db_.delete_document(file_term(relative));
  spelling.apply(db_);
  if (!first_build_) stories_.settle(db_);
  if (pending_++ == 0) first_pending_ = std::chrono::steady_clock::now();
}

void IndexWriter::maybe_commit() {
  if (pending_ >= commit_every_ ||
      (pending_ > 0 && std::chrono::steady_clock::now() - first_pending_ >= max_age_))
    commit();
}

void IndexWriter::commit() {
  if (pending_ == 0) return;
  if (first_build_) {
    assign_all_stories(db_);
    if (pending_ < commit_every_) first_build_ = false;  // the reconcile's last commit
  }
  db_.set_metadata(std::string(layout::kRevisionKey), std::to_string(revision_ + 1));
  db_.commit();
  ++revision_;
  pending_ = 0;
  if (on_commit_) on_commit_(revision_);
}

}  // namespace newsdex
