// A schema file's bytes before YAML sees them. yaml-cpp reads UTF-16 and UTF-32 too,
// and keeps invalid UTF-8 as it is; either then fails far from the file (storing the
// schema in the database), so a schema must be UTF-8, with no NUL byte.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsdex {

// Throws UsageError "FILE:LINE: ..." for a UTF-16 or UTF-32 file (a byte-order mark,
// or NUL bytes: line 1), a NUL byte or invalid UTF-8 (its line).
void check_schema_text(std::string_view text, const std::string& file);

// The byte offset of the first ill-formed UTF-8 sequence (overlong forms and encoded
// surrogates included), or npos when `text` is valid UTF-8.
std::size_t invalid_utf8_at(std::string_view text);

}  // namespace newsdex
