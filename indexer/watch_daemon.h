// Watch mode: after the first reconcile, follow the folder with inotify and keep the
// index current until SIGTERM or SIGINT.
#pragma once

#include <xapian.h>

#include "corpus_scanner.h"
#include "event_log.h"
#include "index_writer.h"
#include "indexer_options.h"
#include "reconciler.h"

namespace newsdex {

int run_watch_daemon(const IndexerOptions& options, Schema& schema, CorpusScanner& scanner,
                     Reconciler& reconciler, Xapian::WritableDatabase& db, IndexWriter& writer,
                     EventLog& log);

}  // namespace newsdex
