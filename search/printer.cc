// Choosing the printer for a format: the one place that knows every back end.
#include "search/printer.h"

#include "search/printer_backends.h"

#include <stdexcept>

namespace newsdex {

void Printer::graph(const EntityGraph&) {
  throw std::logic_error("this output format has no graph");
}

std::unique_ptr<Printer> make_printer(const PrintOptions& o, std::FILE* out) {
  switch (o.format) {
    case OutputFormat::Json:
      return make_json_printer(out, false, o.format_version);
    case OutputFormat::Jsonl:
      return make_json_printer(out, true, o.format_version);
    case OutputFormat::Dot:
      return make_dot_printer(out);
    case OutputFormat::Tsv:
    case OutputFormat::Paths:
      return make_line_printer(out, o);
    case OutputFormat::Text:
      break;
  }
  return make_text_printer(out, o);
}

bool parse_format(const std::string& name, OutputFormat& f) {
  if (name == "text")
    f = OutputFormat::Text;
  else if (name == "json")
    f = OutputFormat::Json;
  else if (name == "jsonl")
    f = OutputFormat::Jsonl;
  else if (name == "tsv")
    f = OutputFormat::Tsv;
  else if (name == "paths")
    f = OutputFormat::Paths;
  else if (name == "dot")
    f = OutputFormat::Dot;
  else
    return false;
  return true;
}

}  // namespace newsdex
