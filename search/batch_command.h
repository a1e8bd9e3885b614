// --batch (search, count, facets): one process answers many queries. Each line of
// `in` is one request (batch_request.h); each request gets one line of `out`, a JSON
// object: what `--format json` prints for it, with "request" (the request as read)
// added, or {"request", "error": {"code", "message"}} when the request fails, and the
// batch goes on. The database is opened once and brought to the writer's latest
// commit before each request (Xapian::Database::reopen), and each line is flushed as
// it is written, so a coprocess can ask, read the answer, and ask again.
#pragma once

#include <cstdio>

#include "search/command.h"

namespace newsdex {

// Returns 0 when some request matched, 1 when none did, or else the highest exit code
// of a failed request (2 a bad request or query, 3 the database). Throws the errors of
// opening the database, which stop the batch before it starts.
int run_batch(Command& command, RunContext& context, int format_version, std::FILE* in,
              std::FILE* out);

}  // namespace newsdex
