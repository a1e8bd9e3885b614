// The one output layer: every command hands its results to a Printer and never
// writes to stdout itself, so every format follows every command (notmuch's sprinter,
// ripgrep's printer crate). Formats are part of the contract: change them only by
// adding fields.
#pragma once

#include <cstdio>
#include <memory>
#include <string>

#include "search/results.h"

namespace newsdex {

enum class OutputFormat { Text, Json, Jsonl, Tsv, Paths };

struct PrintOptions {
  OutputFormat format = OutputFormat::Text;
  bool color = false;           // ANSI bold for highlights (text format on a terminal)
  bool null_separated = false;  // -0: paths end with NUL instead of newline
  bool header = false;          // tsv: a header line first
};

// Each command calls exactly one method, once, after it has built all its results (a
// retry after a concurrent commit starts with a new printer), and only when it exits 0,
// except where said. A method writes the whole output of the command to the stream it
// was made with and nothing else: no errors, no notes (those go to stderr, from main).
class Printer {
 public:
  virtual ~Printer() = default;

  // newsdex search and similar, with at least one hit. Writes the page's hits in rank
  // order and, where the format has room for them, its total, offset, facets and
  // suggestion: json one object with every field of the contract; jsonl one hit
  // object a line; tsv one hit a line (rank, score, date, path, title); paths the
  // hits' paths; text each hit with its snippet, then the facets.
  virtual void search(const SearchPage& page) = 0;

  // newsdex count, also when `n` is 0 (exit 1: count prints its 0 for scripts). Writes
  // the number: text as it is, json as {"count": n}.
  virtual void count(std::uint64_t n) = 0;

  // newsdex facets, also with no value (exit 1). Writes the facet's values in the
  // given order: json {"field", "matches", "values"}; jsonl one value a line; tsv
  // field, value, count lines; paths the values alone; text a table with the counts
  // (and the scores of --significant).
  virtual void facet(const Facet& facet) = 0;

  // newsdex show. Writes one document: its identity and stored fields, entities,
  // filter terms and body (json, text); tsv one line of its fields; paths its path.
  virtual void document(const DocumentView& doc) = 0;

  // newsdex stats and status: a flat object of named values, written in its order:
  // json as it is, tsv key and value lines, text aligned "key: value" lines.
  virtual void record(const Record& record) = 0;
};

std::unique_ptr<Printer> make_printer(const PrintOptions& options, std::FILE* out);

// "json" -> OutputFormat::Json; false on an unknown name.
bool parse_format(const std::string& name, OutputFormat& format);

}  // namespace newsdex
