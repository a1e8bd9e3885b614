// Watch mode: after the first reconcile, follow the folder with inotify and keep the
// index current until SIGTERM or SIGINT. One thread runs the event loop and is the
// one writer; each batch of changes is analysed by the reconciler's worker pool.
#pragma once

#include <xapian.h>

#include <string>

#include "indexer/corpus_scanner.h"
#include "indexer/event_log.h"
#include "indexer/index_writer.h"
#include "indexer/indexer_options.h"
#include "indexer/reconciler.h"
#include "indexer/service_notifier.h"
#include "indexer/signal_fd.h"
#include "indexer/status_file.h"

namespace newsdex {

// What the daemon works with, all set up (and owned) by run_indexer.
struct DaemonContext {
  const IndexerOptions& options;
  Schema& schema;  // replaced in place when SIGHUP reloads --schema
  CorpusScanner& scanner;
  Reconciler& reconciler;
  Xapian::WritableDatabase& db;
  IndexWriter& writer;
  EventLog& log;
  SignalFd& signals;
  StatusFile& status;
  ServiceNotifier& notifier;   // READY=1, WATCHDOG=1, STOPPING=1 for systemd
  ReconcileOptions reconcile;  // failures, warnings and stop checks already wired
};

// Runs until SIGTERM or SIGINT, then commits what is pending and returns exit 0.
// Throws on a database error (exit 3 by the caller).
int run_watch_daemon(DaemonContext& context);

}  // namespace newsdex
