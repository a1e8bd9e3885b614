// The printers behind make_printer(), one per family of formats.
#pragma once

#include <cstdio>
#include <memory>

#include "search/printer.h"

namespace newsdex {
// Every object written carries "format_version": `version` first.
std::unique_ptr<Printer> make_json_printer(std::FILE* out, bool lines, int version);
std::unique_ptr<Printer> make_text_printer(std::FILE* out, const PrintOptions& options);
std::unique_ptr<Printer> make_line_printer(std::FILE* out, const PrintOptions& options);
// Graphviz's language, for newsdex graph only (dot_printer.cc).
std::unique_ptr<Printer> make_dot_printer(std::FILE* out);
}  // namespace newsdex
