// Bringing the index in step with the folder: analyse new and changed files on a pool
// of worker threads, write them from this thread (the one writer), remove files that
// are gone, and count what happened.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "article_loader.h"
#include "corpus_scanner.h"
#include "index_writer.h"

namespace newsdex {

struct ReconcileSummary {
  std::size_t added = 0, updated = 0, removed = 0, unchanged = 0, failed = 0;
  std::size_t repaired = 0;  // files whose text needed UTF-8 or mojibake repair
  double seconds = 0;
  bool cancelled = false;  // stopped early by ReconcileOptions::should_stop
  std::size_t changed() const { return added + updated + removed; }
};

struct ReconcileOptions {
  unsigned workers = 1;
  // Called on the writer thread for every file that failed (path, reason) and every
  // warning (path, what was repaired).
  std::function<void(const std::string&, const std::string&)> on_failure;
  std::function<void(const std::string&, const std::string&)> on_warning;
  // Called on the writer thread for every document written (path, whether it is new)
  // and every one removed: --verbose reports them.
  std::function<void(const std::string&, bool)> on_indexed;
  std::function<void(const std::string&)> on_removed;
  // Called on the writer thread with one line about a stage of the work: how long a
  // first build's shards took to write and to merge (the log, and --verbose).
  std::function<void(const std::string&)> on_note;
  // Called on the writer thread after each file: done, total.
  std::function<void(std::size_t, std::size_t)> on_progress;
  // Polled on the writer thread between files; once it returns true the workers take
  // no new file, what they already analysed is still written, and the call returns
  // early (summary.cancelled) so that a signal never waits for a whole reconcile.
  std::function<bool()> should_stop;
  // Unless set, run() refuses (UsageError) to remove every document because the
  // folder holds no article: an unmounted or emptied folder must not empty the index.
  bool allow_empty_corpus = false;
};

class Reconciler {
 public:
  Reconciler(std::string root, const Schema& schema, EntityAnnotator annotate)
      : root_(std::move(root)), schema_(schema), annotate_(std::move(annotate)) {}

  // Indexes `files` (the scan of the folder) against `indexed` (what the database
  // holds), removes what the scan no longer has, and commits. A cancelled run commits
  // what it wrote and leaves removals to the next one.
  ReconcileSummary run(const std::vector<CorpusFile>& files, const IndexedFiles& indexed,
                       IndexWriter& writer, const ReconcileOptions& options);

  // Indexes the given files whatever their fingerprint (the watcher's path).
  ReconcileSummary update(const std::vector<CorpusFile>& files, const IndexedFiles& indexed,
                          IndexWriter& writer, const ReconcileOptions& options);

 private:
  ReconcileSummary process(const std::vector<CorpusFile>& todo, const IndexedFiles& indexed,
                           IndexWriter& writer, const ReconcileOptions& options);
  std::string root_;
  const Schema& schema_;
  EntityAnnotator annotate_;
};

}  // namespace newsdex
