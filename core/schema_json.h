// The schema as compact JSON, stored in the database beside its YAML text: the search
// CLI reads it on every start, and parsing JSON costs a tenth of parsing the YAML.
#pragma once

#include <string>

#include "core/schema.h"

namespace newsdex {

std::string schema_to_json(const Schema& schema);
// Throws std::runtime_error on text schema_to_json did not write.
Schema schema_from_json(const std::string& text);

}  // namespace newsdex
