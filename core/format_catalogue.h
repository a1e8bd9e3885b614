// The formats a schema may name and the options each accepts: what the schema parser
// needs to know of formats, kept apart from the readers (article_formats.h). A program
// that reads schemas but no articles — `newsdex`, the search side — then links none of
// the readers, and does not load their libraries (libxml2 with its ICU and liblzma,
// CLD2) at every start: a search call starts as fast as one with no readers at all.
#pragma once

#include <yaml-cpp/yaml.h>

#include <functional>
#include <string>
#include <string_view>

#include "core/schema_reader.h"

namespace newsdex {

struct FormatOptions {
  // Checks the schema's `formats.NAME` section, throwing UsageError "FILE:LINE: ..."
  // through `reader`. Null: the format takes no options.
  std::function<void(const YAML::Node& options, const SchemaReader& reader)> validate;
  // Whether the format reads nothing without its formats.NAME section (xml: which
  // records, which fields): a schema that names it without one is refused at load.
  bool needs_options = false;
};

// Whether `name` is a format newsdex reads; all the names, comma-separated and in the
// order content sniffing tries them, for an error message.
bool is_format(std::string_view name);
std::string format_names();
// Whether format `name` needs a formats.NAME section in the schema that uses it.
bool format_needs_options(std::string_view name);

// Validates the options a schema gives format `name` (formats.NAME).
void validate_format_options(const std::string& name, const YAML::Node& options,
                             const SchemaReader& reader);

// Adds a format (or replaces one of that name): how register_format (article_formats.h)
// makes a format of a test's own known to schemas.
void add_format_options(std::string name, FormatOptions options);

}  // namespace newsdex
