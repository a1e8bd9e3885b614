// Flags that several commands share, each defined here once: the output flags, the
// query and its filters, and the whole-number check of counts and offsets.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string>
#include <vector>

#include "search/command.h"
#include "search/query_builder.h"

namespace newsdex {

// Xapian numbers documents with 32 bits: no count or offset can be larger.
inline constexpr std::uint64_t kMaxCount = std::numeric_limits<Xapian::doccount>::max();

// A count or an offset: digits only, so "-1" is an error rather than a huge unsigned
// number, and at most `max`, so it cannot wrap round in Xapian's 32-bit document counts.
CLI::Validator whole_number(std::uint64_t max);

// --db, --format (one of `formats`), --stats, and of -0, --header and --color those
// that mean something: -0 with paths, --header with tsv, --color when `highlights`.
void add_output_flags(CLI::App& cmd, OutputFlags& out, std::initializer_list<const char*> formats,
                      bool highlights = false);

// The query words, --filter, --filter-all, --since, --until, --since-rev.
void add_query_flags(CLI::App& cmd, QueryRequest& query, std::vector<std::string>& words);

// --batch, for the commands that take it (search, count, facets).
void add_batch_flag(CLI::App& cmd, OutputFlags& out);
// --no-collapse (search, count): every copy of a story, not the story once.
void add_collapse_flag(CLI::App& cmd, bool& no_collapse);

// --chart, for the commands that print facets (facets, search --facet).
void add_chart_flag(CLI::App& cmd, OutputFlags& out);

// The words of a query as the user typed them, joined.
std::string join_words(const std::vector<std::string>& words);

}  // namespace newsdex
