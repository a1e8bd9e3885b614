#include "indexer/indexer_cli.h"

namespace newsdex {

void define_indexer_cli(CLI::App& app, IndexerFlags& flags) {
  app.description(
      "newsdexd: index a folder of articles into a Xapian database and keep it current.\n"
      "Without --once it reconciles, then watches the folder for changes.");
  app.set_version_flag("--version", "newsdexd 0.1.0");
  app.add_option("--corpus", flags.options.corpus,
                 "corpus folder (default: $NEWSDEX_CORPUS, else the one the database was built "
                 "from, else ./corpus)");
  app.add_option("--db", flags.options.db,
                 "database folder (default: $NEWSDEX_DB, else ./newsdex.db)");
  app.add_option("--schema", flags.options.schema,
                 "schema YAML (default: the one stored in the database, else schemas/news.yaml)");
  app.add_flag("--once", flags.options.once,
               "reconcile the database with the folder, print a summary, exit");
  app.add_option("--workers", flags.options.workers,
                 "analysis threads (default: the number of cores)")
      ->check(CLI::Range(1u, 256u));
  app.add_option("--commit-every", flags.options.commit_every,
                 "commit after this many changed documents")
      ->check(CLI::Range(1u, 10000000u));
  app.add_option("--shard-size", flags.options.shard_size,
                 "first build of an empty database: documents per shard (each worker writes "
                 "shards, merged at the end; default 500)")
      ->check(CLI::Range(1u, 100000000u));
  app.add_option("--commit-interval", flags.options.commit_interval,
                 "in watch mode, commit pending changes after this many seconds")
      ->check(CLI::Range(0.0, 3600.0));
  app.add_option("--rescan-interval", flags.options.rescan_interval,
                 "in watch mode, rescan the whole folder every this many seconds")
      ->check(CLI::Range(1.0, 1e7));
  app.add_option("--log", flags.options.log_file, "append one timestamped line per event to FILE");
  app.add_option("--pidfile", flags.options.pid_file, "write the daemon's pid to FILE");
  auto* progress = app.add_flag("--progress", flags.progress,
                                "show a progress line (default: when stderr is a terminal)");
  auto* quiet = app.add_flag("--quiet", flags.quiet, "no progress line");
  progress->excludes(quiet);
  app.add_flag("--verbose", flags.options.verbose,
               "report every file indexed, repaired or removed");
  app.add_flag("--follow-symlinks", flags.options.follow_symlinks,
               "also index files that symbolic links lead to outside the corpus folder "
               "(for this run; the schema's files.follow_symlinks sets it for good)");
  app.add_flag("--corpus-moved", flags.options.corpus_moved,
               "reconcile the database against --corpus although it was built from another "
               "folder (articles missing there are removed)");
  app.add_flag("--allow-empty", flags.options.allow_empty,
               "let a corpus folder with no article remove every document (refused otherwise: "
               "the folder may be unmounted)");
  app.add_flag("--no-entities", flags.options.no_entities,
               "do not extract people, places and organisations");
}

}  // namespace newsdex
