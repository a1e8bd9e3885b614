// newsdexd's body behind the command line: resolve the schema, open the database as
// its one writer, reconcile, and (without --once) keep watching.
#pragma once

#include "indexer/indexer_options.h"

namespace newsdex {

// Returns the process exit code of the contract; never throws.
int run_indexer(const IndexerOptions& options);

}  // namespace newsdex
