// The one writer: owns the WritableDatabase, stamps each document with the revision
// it is written in, and commits in batches. Each commit bumps the database's revision
// counter, the change feed `newsdex search --since-rev` reads.
#pragma once

#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>

#include "stored_article.h"

namespace newsdex {

// What the index holds now, read once at start-up: path -> fingerprint.
using IndexedFiles = std::unordered_map<std::string, Fingerprint>;
IndexedFiles read_indexed_files(const Xapian::Database& db);

class IndexWriter {
 public:
  IndexWriter(Xapian::WritableDatabase& db, unsigned commit_every);

  // Adds or replaces the document whose id term is Q<relative path>.
  void put(const std::string& relative, Xapian::Document doc);
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
};

}  // namespace newsdex
