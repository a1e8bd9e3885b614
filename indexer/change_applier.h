// Applying a batch of watched changes to the index. Each path is looked up on disk
// and in the index when the batch is applied, not when its event came: whatever
// happened in between (created then deleted, saved twice, renamed back) the index
// ends as the folder is now. A file present and selected by the schema is analysed;
// one that is gone, or no longer an article, is removed; a folder is compared as a
// whole, which covers folders moved in with their files and folders deleted.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "indexer/corpus_scanner.h"
#include "indexer/index_writer.h"
#include "indexer/pending_changes.h"
#include "indexer/reconciler.h"

namespace newsdex {

class ChangeApplier {
 public:
  ChangeApplier(const CorpusScanner& scanner, const Schema& schema, Reconciler& reconciler,
                Xapian::WritableDatabase& db, IndexWriter& writer)
      : scanner_(scanner), schema_(schema), reconciler_(reconciler), db_(db), writer_(writer) {}

  // Indexes and removes what the batch calls for, then commits.
  ReconcileSummary apply(const ChangeBatch& batch, const ReconcileOptions& options);

 private:
  // The file as an article of the corpus, if it is one now.
  bool stat_article(const std::string& relative, CorpusFile& out) const;
  bool inside_skipped_folder(const std::string& relative) const;
  void add_folder(const std::string& folder, std::vector<CorpusFile>& on_disk,
                  std::vector<std::string>& indexed, const ReconcileOptions& options) const;

  const CorpusScanner& scanner_;
  const Schema& schema_;
  Reconciler& reconciler_;
  Xapian::WritableDatabase& db_;
  IndexWriter& writer_;
};

}  // namespace newsdex
