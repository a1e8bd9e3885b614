// newsdexd's command line, parsed once into this struct.
#pragma once

#include <string>

namespace newsdex {

struct IndexerOptions {
  std::string corpus;  // --corpus, $NEWSDEX_CORPUS, the database's own, ./corpus
  std::string db;      // --db, $NEWSDEX_DB, ./newsdex.db
  std::string schema;  // --schema; empty: stored in the database, else built-in
  bool once = false;
  unsigned workers = 0;  // 0: the number of cores
  unsigned commit_every = 1000;
  unsigned shard_size = 500;     // first build: documents per shard before a new one
  double commit_interval = 0.5;  // seconds: how long a change may wait for its commit
  double rescan_interval = 600;  // seconds between full rescans in watch mode
  std::string log_file;
  std::string pid_file;
  int progress = -1;  // -1 auto (stderr is a tty), 0 off, 1 on
  bool verbose = false;
  bool no_entities = false;
  bool follow_symlinks = false;  // follow links to files outside the corpus
  bool corpus_moved = false;     // reconcile against another folder than the recorded one
  bool allow_empty = false;      // a corpus with no article may empty the index
};

}  // namespace newsdex
