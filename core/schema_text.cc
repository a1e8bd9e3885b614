#include "core/schema_text.h"

#include <unicode/utf8.h>

#include <algorithm>

#include "core/errors.h"

namespace newsdex {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

std::size_t line_of(std::string_view text, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

}  // namespace

std::size_t invalid_utf8_at(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int64_t>(text.size());
  for (int64_t i = 0; i < length;) {
    const int64_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::string_view::npos;
}

void check_schema_text(std::string_view text, const std::string& file) {
  // UTF-32 first: its little-endian mark starts like UTF-16's.
  if (starts_with(text, std::string_view("\x00\x00\xFE\xFF", 4)) ||
      starts_with(text, std::string_view("\xFF\xFE\x00\x00", 4)))
    throw UsageError(file + ":1: the schema is UTF-32; save it as UTF-8");
  if (starts_with(text, "\xFE\xFF") || starts_with(text, "\xFF\xFE"))
    throw UsageError(file + ":1: the schema is UTF-16; save it as UTF-8");
  const std::size_t nul = text.find('\0');
  if (nul != std::string_view::npos) {
    // NULs among the first bytes of a text file: UTF-16 or UTF-32 without a mark.
    if (nul < 4)
      throw UsageError(file + ":1: the schema has NUL bytes (UTF-16 or UTF-32?); save it as UTF-8");
    throw UsageError(file + ":" + std::to_string(line_of(text, nul)) +
                     ": a NUL byte; the schema must be UTF-8 text");
  }
  const std::size_t bad = invalid_utf8_at(text);
  if (bad != std::string_view::npos)
    throw UsageError(file + ":" + std::to_string(line_of(text, bad)) +
                     ": invalid UTF-8; the schema must be UTF-8 text");
}

}  // namespace newsdex
