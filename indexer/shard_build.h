// The fast path for a first build: every worker analyses files and writes them into a
// shard database of its own, and Xapian's compaction merges the shards (what
// xapian-compact does). Xapian's write path, most of an index build's time, then runs
// on every core instead of one writer thread.
#pragma once

#include <string>
#include <vector>

#include "article_loader.h"
#include "corpus_scanner.h"
#include "reconciler.h"

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

// Whether a build is worth sharding: an empty index, several workers, many files.
bool worth_sharding(std::size_t indexed, std::size_t files, unsigned workers);

}  // namespace newsdex
