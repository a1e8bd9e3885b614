// The fast path for a first build: every worker analyses files and writes them into a
// shard database of its own, and Xapian's compaction merges the shards (what
// xapian-compact does). Xapian's write path, most of an index build's time, then runs
// on every core instead of one writer thread.
#pragma once

#include <xapian.h>

#include <functional>
#include <string>
#include <vector>

#include "indexer/article_loader.h"
#include "indexer/corpus_scanner.h"
#include "indexer/reconcile_options.h"

namespace newsdex {

// Builds a database of `files` at `output` (which must not exist) through shards in
// `work_dir` (created, and removed afterwards), a new shard per worker every
// `shard_size` documents. Documents carry `revision`. Failures,
// warnings and progress are reported through `options` on the calling thread.
ReconcileSummary build_in_shards(const std::string& root, const Schema& schema,
                                 const EntityAnnotator& annotate,
                                 const std::vector<CorpusFile>& files, const std::string& work_dir,
                                 const std::string& output, unsigned shard_size,
                                 std::uint64_t revision, const ReconcileOptions& options);

// A first build that replaces the (empty) live database at `db_path`: the shards are
// built and merged into a new folder beside it, which is synced, and then, after
// `release_live` has closed the live database (it stays open, and so locked against
// other writers, until then), exchanged with it in one step, so that a reader never
// finds no database at the path. The merged database takes the live one's metadata.
// Nothing of a failed build is left behind. The caller reopens the database.
ReconcileSummary replace_with_shard_build(const std::string& root, const Schema& schema,
                                          const EntityAnnotator& annotate,
                                          const std::vector<CorpusFile>& files,
                                          const std::string& db_path, unsigned shard_size,
                                          const std::function<void()>& release_live,
                                          Xapian::WritableDatabase& live,
                                          const ReconcileOptions& options);

// Whether a build is worth sharding: an empty index, several workers, many files.
bool worth_sharding(std::size_t indexed, std::size_t files, unsigned workers);

}  // namespace newsdex
