#include "indexer/indexer_app.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>

#include "core/errors.h"
#include "core/index_database.h"
#include "core/layout.h"
#include "core/paths.h"
#include "core/stored_schema_yaml.h"
#include "indexer/corpus_scanner.h"
#include "indexer/entity_annotator.h"
#include "indexer/event_log.h"
#include "indexer/index_writer.h"
#include "indexer/journal_stream.h"
#include "indexer/pid_file.h"
#include "indexer/progress_line.h"
#include "indexer/reconciler.h"
#include "indexer/service_notifier.h"
#include "indexer/shard_build.h"
#include "indexer/signal_fd.h"
#include "indexer/status_file.h"
#include "indexer/watch_daemon.h"
#include "indexer/writer_lock.h"

namespace newsdex {
namespace {

// The database at `db_path` as it stands before this run, opened once for what it
// records (its schema, its corpus folder); none when there is none yet, or when it
// cannot be read, which opening it for writing then reports properly.
std::optional<Xapian::Database> existing_database(const std::string& db_path) {
  std::error_code ec;
  if (!std::filesystem::exists(db_path + "/iamglass", ec)) return std::nullopt;
  try {
    return open_for_reading(db_path);
  } catch (const DatabaseError&) {
    return std::nullopt;
  }
}

// --schema, else the schema the database was created with, else the built-in one.
Schema resolve_schema(const IndexerOptions& o, const std::optional<Xapian::Database>& existing) {
  if (!o.schema.empty()) return load_schema_file(o.schema);
  if (existing) return stored_schema_yaml(*existing);
  return load_schema_file(default_schema_path());
}

// The database holds the corpus's full text, so whoever may not read the corpus folder
// may not read what newsdexd writes either: the permission bits the folder withholds
// from its group and others are added to the umask (a 0700 corpus gives 0600 files).
void restrict_umask_to(const std::string& corpus) {
  struct stat st {};
  if (::stat(corpus.c_str(), &st) != 0) return;
  const mode_t withheld = ~st.st_mode & 0077;
  const mode_t current = ::umask(0);
  ::umask(current | withheld);
}

void print_summary(const ReconcileSummary& s) {
  // Documents (articles) a second: a JSONL file of 19,043 articles is one file added.
  const double rate = s.seconds > 0 ? static_cast<double>(s.documents) / s.seconds : 0;
  std::printf(
      "newsdexd: added %zu, updated %zu, removed %zu, unchanged %zu, failed %zu in %.2f s "
      "(%.0f docs/s)\n",
      s.added, s.updated, s.removed, s.unchanged, s.failed, s.seconds, rate);
  if (s.converted || s.failed_records)
    std::printf("newsdexd: %zu files read from another charset, %zu records failed alone\n",
                s.converted, s.failed_records);
  std::fflush(stdout);
}

// --corpus or $NEWSDEX_CORPUS, else the folder the database was built from, else
// ./corpus: a database knows its own corpus, so no run guesses it from the working
// folder.
std::string resolve_corpus(const std::string& given,
                           const std::optional<Xapian::Database>& existing) {
  if (!given.empty()) return without_trailing_slash(given);
  if (existing) {
    const std::string recorded = existing->get_metadata(std::string(layout::kCorpusKey));
    if (!recorded.empty()) return recorded;
  }
  return "corpus";
}

bool same_folder(const std::string& a, const std::string& b) {
  if (a == b) return true;
  std::error_code ea, eb;
  const auto ra = std::filesystem::canonical(a, ea), rb = std::filesystem::canonical(b, eb);
  return !ea && !eb && ra == rb;
}

// A database is reconciled against the folder it was built from: against another one
// (a copy of the database, a mistyped --corpus) every article would be removed.
void check_corpus_is_recorded_one(const Xapian::Database& db, const std::string& db_path,
                                  const std::string& corpus, bool moved) {
  const std::string recorded = db.get_metadata(std::string(layout::kCorpusKey));
  const std::string given = absolute_folder(corpus);
  if (moved || recorded.empty() || db.get_doccount() == 0 || same_folder(recorded, given)) return;
  throw UsageError(db_path + ": built from " + recorded + ", not " + given +
                   "; --corpus-moved reconciles it against " + given +
                   " (its articles missing there are removed)");
}

int run(const IndexerOptions& given) {
  const std::string db_path = resolve_db_path(given.db);
  IndexerOptions o = given;
  Schema schema;
  {
    // Closed before this run opens the database for writing.
    const std::optional<Xapian::Database> existing = existing_database(db_path);
    o.corpus = resolve_corpus(given.corpus, existing);
    schema = resolve_schema(o, existing);
  }
  const Schema stored = schema;  // a flag holds for one run, and is not stored
  if (o.follow_symlinks) schema.follow_outside_links = true;
  EventLog log(o.log_file, o.verbose);

  CorpusScanner scanner(o.corpus, schema);
  // Scan before creating the database: a mistyped --corpus must not leave an empty one.
  auto files = scanner.scan([&](const std::string& what) { log.warn(what); });

  restrict_umask_to(o.corpus);
  std::unique_ptr<Xapian::WritableDatabase> db;
  try {
    db = std::make_unique<Xapian::WritableDatabase>(open_for_writing(db_path, stored));
  } catch (const DatabaseLockedError&) {
    throw DatabaseError(db_path + ": locked by " + describe_lock_holder(db_path));
  }
  check_corpus_is_recorded_one(*db, db_path, o.corpus, o.corpus_moved);
  std::optional<WriterPidRecord> pid_record(std::in_place, db_path);
  PidFile pid_file(o.pid_file);
  db->set_metadata(std::string(layout::kCorpusKey), absolute_folder(o.corpus));
  // Committed at once: a reader that opens a brand-new database before the first batch
  // then finds an empty newsdex database, not one without its layout version.
  db->commit();
  // The daemon takes SIGTERM/SIGINT/SIGHUP through a signalfd; created before any
  // worker thread so that every thread inherits the blocked mask. `--once` keeps the
  // default: an interrupted run loses only its uncommitted batch.
  std::optional<SignalFd> signals;
  if (!o.once) signals.emplace();

  EntityAnnotator annotator;
  if (!o.no_entities) {
    std::string aliases_json;
    annotator = make_entity_annotator(log, aliases_json);
    db->set_metadata(std::string(layout::kAliasesKey), aliases_json);
    db->commit();
  }
  Reconciler reconciler(o.corpus, schema, annotator);
  StatusFile status(db_path, o.corpus);
  ServiceNotifier notifier;
  if (!o.once) status.notify_to(&notifier);

  ReconcileOptions ro;
  ro.workers = o.workers;
  ro.allow_empty_corpus = o.allow_empty;
  ro.on_failure = [&](const std::string& path, const std::string& why) {
    log.warn(scanner.root() + "/" + path + ": " + why);
    status.failed(path, why);
  };
  ro.on_warning = [&](const std::string& path, const std::string& what) {
    log.warn(scanner.root() + "/" + path + ": " + what);
  };
  ro.on_indexed = [&](const std::string& path, bool added) {
    log.detail((added ? "added " : "updated ") + path);
  };
  ro.on_removed = [&](const std::string& path) { log.detail("removed " + path); };
  ro.on_note = [&](const std::string& what) { log.info(what); };
  ro.should_stop = [&] { return signals && signals->stop_requested(); };
  std::unique_ptr<ProgressLine> progress;
  if (o.progress == 1) progress = std::make_unique<ProgressLine>(stderr);
  ro.on_progress = [&](std::size_t done, std::size_t total) {
    status.set_queue(total - done);
    if (progress) progress->update(done, total);
  };
  status.set_state("reconciling");
  const IndexedFiles indexed = read_indexed_files(*db);
  ReconcileSummary summary;
  const bool sharded = worth_sharding(indexed.size(), files.size(), o.workers);
  if (sharded) {
    pid_record.reset();  // it lives in the folder about to be replaced
    summary = replace_with_shard_build(
        o.corpus, schema, annotator, files, db_path, o.shard_size,
        [&] {
          db->close();
          db.reset();
        },
        *db, ro);
    db = std::make_unique<Xapian::WritableDatabase>(open_for_writing(db_path, stored));
    pid_record.emplace(db_path);
  }
  IndexWriter writer(*db, o.commit_every);
  status.set_documents(writer.revision(), db->get_doccount());
  writer.on_commit([&](std::uint64_t revision) { status.committed(revision, db->get_doccount()); });
  if (!sharded) {
    try {
      summary = reconciler.run(files, indexed, writer, ro);
    } catch (const UsageError& e) {
      // The folder is empty (unmounted?): --once says so and stops; the daemon keeps
      // the index and watches, and its rescans look again.
      if (o.once) throw;
      log.warn(e.what());
    }
  }
  if (progress) progress->finish();
  progress.reset();
  status.set_queue(0);

  if (o.once) {
    status.set_state("stopped");
    print_summary(summary);
    // A record that failed alone (a JSON line that does not parse) fails the run as a
    // file does: a script that checks the status learns that something was not indexed.
    return summary.failed || summary.failed_records ? kExitNoMatch : kExitOk;
  }
  log.info("reconciled: " + std::to_string(summary.added) + " added, " +
           std::to_string(summary.updated) + " updated, " + std::to_string(summary.removed) +
           " removed, " + std::to_string(summary.failed) + " failed");
  if (summary.cancelled) {
    log.info(std::string("stopped on ") + signals->stop_signal_name() + " during the reconcile");
    notifier.stopping();
    status.set_state("stopped");
    return kExitOk;
  }
  DaemonContext context{o,   schema,   scanner, reconciler, *db, writer,
                        log, *signals, status,  notifier,   ro};
  return run_watch_daemon(context);
}

}  // namespace

int run_indexer(const IndexerOptions& o) {
  try {
    return run(o);
  } catch (const Error& e) {
    std::fprintf(stderr, "%snewsdexd: %s\n", priority_prefix(LogPriority::kError), e.what());
    return e.code();
  } catch (const Xapian::DatabaseError& e) {
    std::fprintf(stderr, "%snewsdexd: database: %s\n", priority_prefix(LogPriority::kError),
                 e.get_description().c_str());
    return kExitDatabase;
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "%snewsdexd: %s\n", priority_prefix(LogPriority::kError),
                 e.get_description().c_str());
    return kExitDatabase;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%snewsdexd: %s\n", priority_prefix(LogPriority::kError), e.what());
    return kExitDatabase;
  }
}

}  // namespace newsdex
