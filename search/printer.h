// The one output layer: every command hands its results to a Printer and never
// writes to stdout itself, so every format follows every command (notmuch's sprinter,
// ripgrep's printer crate). Formats are part of the contract: change them only by
// adding fields.
#pragma once

#include <cstdio>
#include <memory>
#include <string>

#include "results.h"

namespace newsdex {

enum class OutputFormat { Text, Json, Jsonl, Tsv, Paths };

struct PrintOptions {
  OutputFormat format = OutputFormat::Text;
  bool color = false;           // ANSI bold for highlights (text format on a terminal)
  bool null_separated = false;  // -0: paths end with NUL instead of newline
  bool header = false;          // tsv: a header line first
};

class Printer {
 public:
  virtual ~Printer() = default;
  virtual void search(const SearchPage& page) = 0;
  virtual void count(std::uint64_t n) = 0;
  virtual void facet(const Facet& facet, std::uint64_t matches) = 0;
  virtual void document(const DocumentView& doc) = 0;
  virtual void record(const Record& record) = 0;
};

std::unique_ptr<Printer> make_printer(const PrintOptions& options, std::FILE* out);

// "json" -> OutputFormat::Json; false on an unknown name.
bool parse_format(const std::string& name, OutputFormat& format);

}  // namespace newsdex
