// BM25 with the schema's parameters, and the --sort orders.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>

#include "core/schema.h"

namespace newsdex {

// BM25 with the schema's parameters: BM25+ when the schema gives a delta.
std::unique_ptr<Xapian::Weight> weighting_of(const Schema& schema);

// `sort`: "relevance", "date" (oldest first) or "-date" (newest first); throws
// UsageError otherwise.
void configure_ranking(Xapian::Enquire& enquire, const Schema& schema, const std::string& sort);

}  // namespace newsdex
