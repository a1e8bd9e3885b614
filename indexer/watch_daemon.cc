#include "watch_daemon.h"

#include "errors.h"

namespace newsdex {

int run_watch_daemon(const IndexerOptions&, Schema&, CorpusScanner&, Reconciler&,
                     Xapian::WritableDatabase&, IndexWriter&, EventLog&) {
  throw UsageError("watch mode is not available yet; use --once");
}

}  // namespace newsdex
