// The one indexing pipeline: files are analysed on a pool of worker threads (each with
// its own ArticleLoader), and every outcome comes back to the calling thread, which
// classifies it (empty, failed, unchanged, repaired, indexed), reports it through the
// ReconcileOptions callbacks, polls the stop flag and moves the progress line. Where
// a document goes is the caller's choice: to the one writer on the calling thread
// (the reconcile and the watcher), or into a store each worker owns (the parallel
// first build's shards), so that Xapian's write path runs on every core.
#pragma once

#include <xapian.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "indexer/article_loader.h"
#include "indexer/corpus_scanner.h"
#include "indexer/index_writer.h"
#include "indexer/reconcile_options.h"

namespace newsdex {

// A document store owned by one worker thread (a shard): `add` takes each document the
// worker analysed (every article of a file, one by one), `finish` runs once when the
// worker has no more files. Either may throw; the run then stops and rethrows the
// first error.
class WorkerStore {
 public:
  virtual ~WorkerStore() = default;
  virtual void add(Xapian::Document& document) = 0;
  virtual void finish() = 0;
};

// What the calling thread does with outcomes. Unset members do nothing.
struct PipelineSink {
  // A file's documents (its articles) to write, when no worker store took them:
  // returns true when the file is new to the index (added), false when it replaces
  // what the index held of it (updated). Counts and reports are per file.
  std::function<bool(const std::string& relative, std::vector<ArticleDocument>&)> write;
  // A file that turned out empty, and so leaves the index if it was there: returns
  // true when it was indexed (and is now removed).
  std::function<bool(const std::string& relative)> emptied;
};

class AnalysisPipeline {
 public:
  AnalysisPipeline(std::string root, const Schema& schema, EntityAnnotator annotate)
      : root_(std::move(root)), schema_(schema), annotate_(std::move(annotate)) {}

  // Analyses `files` on options.workers threads. `indexed` (may be null) holds the
  // index's fingerprints: a file whose bytes hash the same is unchanged. With
  // `make_store`, each worker creates a store and documents go there; without, they go
  // to sink.write on this thread, through a bounded queue. Returns the counts;
  // summary.cancelled when options.should_stop ended it early (what was analysed is
  // still written). Rethrows a worker's or the sink's error once the workers are done
  // with it.
  ReconcileSummary run(const std::vector<CorpusFile>& files, const IndexedFiles* indexed,
                       const ReconcileOptions& options, const PipelineSink& sink,
                       const std::function<std::unique_ptr<WorkerStore>()>& make_store = {});

 private:
  std::string root_;
  const Schema& schema_;
  EntityAnnotator annotate_;
};

}  // namespace newsdex
