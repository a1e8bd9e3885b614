// Bringing the index in step with the folder: analyse new and changed files on a pool
// of worker threads, write them from this thread (the one writer), remove files that
// are gone, and count what happened.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "indexer/article_loader.h"
#include "indexer/corpus_scanner.h"
#include "indexer/index_writer.h"
#include "indexer/reconcile_options.h"

namespace newsdex {

// Removes the documents of `paths`, counting and reporting each, committing in batches:
// the one removal loop of the reconcile and of the watcher's batches.
void remove_documents(const std::vector<std::string>& paths, IndexWriter& writer,
                      ReconcileSummary& summary, const ReconcileOptions& options);

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
