// BM25 with the schema's parameters, and the --sort orders.
#pragma once

#include <xapian.h>

#include <string>

#include "core/schema.h"

namespace newsdex {

// BM25 with the schema's parameters.
Xapian::BM25Weight bm25_of(const Schema& schema);

// `sort`: "relevance", "date" (oldest first) or "-date" (newest first); throws
// UsageError otherwise.
void configure_ranking(Xapian::Enquire& enquire, const Schema& schema, const std::string& sort);

}  // namespace newsdex
