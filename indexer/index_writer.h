// The one writer: owns the WritableDatabase, stamps each document with the revision
// it is written in, and commits in batches. Each commit bumps the database's revision
// counter, the change feed `newsdex search --since-rev` reads.
#pragma once

#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "indexer/indexed_files.h"
#include "indexer/story_clusters.h"

namespace newsdex {

// One article's document and its id (article_reader.h article_id), which the
// document's Q term holds.
struct ArticleDocument {
  std::string id;
  Xapian::Document document;
};

class IndexWriter {
 public:
  IndexWriter(Xapian::WritableDatabase& db, unsigned commit_every);

  // Makes `documents` the articles of the file at `relative`: a whole-file article
  // replaces the document of the same id in place, as it always has. Of a file of
  // many articles, only what changed is written: an article whose hash (layout.h
  // kArticleHashSlot) is the one indexed keeps its document and revision (only the
  // file's new fingerprint is stamped on it), a changed one is replaced, a new one
  // added, and one gone from the file removed. Each write counts towards the batch.
  // The stories (story_clusters.h) of every article written or removed, and of their
  // copies, are settled in the same batch.
  void put(const std::string& relative, std::vector<ArticleDocument> documents);

  // What the last put() did to a file of many articles.
  struct ArticleChanges {
    std::size_t added = 0, updated = 0, unchanged = 0, removed = 0;
  };
  const ArticleChanges& last_changes() const { return last_changes_; }
  // Removes every document of the file at `relative`.
  void remove(const std::string& relative);

  // Commits when the batch is full, or when its oldest change has waited `max_age`
  // (watch mode: a large burst of changes becomes searchable as it goes, not only at
  // its end); `commit()` commits whatever is pending.
  void maybe_commit();
  void set_max_age(std::chrono::steady_clock::duration max_age) { max_age_ = max_age; }
  void commit();

  // Called after each commit with the new revision (the daemon's status file).
  void on_commit(std::function<void(std::uint64_t)> callback) { on_commit_ = std::move(callback); }

  std::size_t pending() const { return pending_; }
  std::uint64_t revision() const { return revision_; }

 private:
  Xapian::WritableDatabase& db_;
  unsigned commit_every_;
  std::size_t pending_ = 0;
  std::chrono::steady_clock::duration max_age_ = std::chrono::steady_clock::duration::max();
  std::chrono::steady_clock::time_point first_pending_{};
  std::uint64_t revision_ = 0;  // the last committed revision
  std::function<void(std::uint64_t)> on_commit_;
  ArticleChanges last_changes_;
  StoryTracker stories_;
  // A first build through this writer (the database was empty): settling each article's
  // story as it comes is quadratic when many articles are one story (templated
  // reports), so the stories are computed in one pass over the index before each
  // commit instead, until a commit of a batch not full (the end of the first
  // reconcile). Each commit is then consistent, kill -9 or not.
  bool first_build_ = false;
};

}  // namespace newsdex
