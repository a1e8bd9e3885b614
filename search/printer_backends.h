// The printers behind make_printer(), one per family of formats.
#pragma once

#include <cstdio>
#include <memory>

#include "search/printer.h"

namespace newsdex {
std::unique_ptr<Printer> make_json_printer(std::FILE* out, bool lines);
std::unique_ptr<Printer> make_text_printer(std::FILE* out, const PrintOptions& options);
std::unique_ptr<Printer> make_line_printer(std::FILE* out, const PrintOptions& options);
}  // namespace newsdex
