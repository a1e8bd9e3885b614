// The one output layer: every command hands its results to a Printer and never
// writes to stdout itself, so every format follows every command (notmuch's sprinter,
// ripgrep's printer crate). Formats are part of the contract: change them only by
// adding fields.
#pragma once

#include <cstdio>
#include <memory>
#include <string>

#include "search/entity_graph.h"
#include "search/results.h"

namespace newsdex {

enum class OutputFormat { Text, Json, Jsonl, Tsv, Paths, Dot };

struct PrintOptions {
  OutputFormat format = OutputFormat::Text;
  bool color = false;           // ANSI bold for highlights (text format on a terminal)
  bool null_separated = false;  // -0: paths end with NUL instead of newline
  bool header = false;          // tsv: a header line first
  int format_version = 1;       // json, jsonl: the "format_version" written (format_version.h)
  bool chart = false;           // text facets: a bar chart (chart.h)
  bool chart_blocks = false;    // the chart in Unicode blocks, else ASCII '#'
  std::size_t columns = 80;     // the chart's width
};

// Each command calls exactly one method, once, after it has built all its results (a
// retry after a concurrent commit starts with a new printer), and only when it exits 0,
// except where said. A method writes the whole output of the command to the stream it
// was made with and nothing else: no errors, no notes (those go to stderr, from main).
class Printer {
 public:
  virtual ~Printer() = default;

  // newsdex search and similar, also when nothing matched (exit 1). Writes the page's
  // hits in rank order and, where the format has room for them, its total, offset,
  // facets and suggestion: json one object with every field of the contract (with
  // total 0 and no results when nothing matched, so that `jq .total` has its input);
  // jsonl one hit object a line; tsv one hit a line (rank, score, date, path, title);
  // paths the hits' paths; text each hit with its snippet, then the facets. Formats
  // other than json write nothing when nothing matched.
  virtual void search(const SearchPage& page) = 0;

  // newsdex count, also when `n` is 0 (exit 1: count prints its 0 for scripts). Writes
  // the number: text as it is, json as {"count": n}.
  virtual void count(std::uint64_t n) = 0;

  // newsdex facets, also with no value (exit 1). Writes the facet's values in the
  // given order: json {"field", "matches", "values"}; jsonl one value a line; tsv
  // field, value, count lines; paths the values alone; text a table with the counts
  // (and the scores of --significant), or a bar chart with --chart. When nothing
  // matched (matches 0) only json writes anything.
  virtual void facet(const Facet& facet) = 0;

  // newsdex show. Writes one document: its identity and stored fields, entities,
  // filter terms and body (json, text); tsv one line of its fields; paths its path.
  virtual void document(const DocumentView& doc) = 0;

  // newsdex stats and status: a flat object of named values, written in its order:
  // json as it is, tsv key and value lines, text aligned "key: value" lines.
  virtual void record(const Record& record) = 0;

  // newsdex graph, also with no node (exit 1 when nothing matched, when only json
  // writes anything). Writes the nodes and edges: dot a Graphviz graph; json
  // {"query", "matches", "fields", "nodes", "edges"}; text the nodes, then the edges.
  // Only these three formats offer it: the others throw std::logic_error.
  virtual void graph(const EntityGraph& graph);
};

std::unique_ptr<Printer> make_printer(const PrintOptions& options, std::FILE* out);

// "json" -> OutputFormat::Json; false on an unknown name.
bool parse_format(const std::string& name, OutputFormat& format);

}  // namespace newsdex
