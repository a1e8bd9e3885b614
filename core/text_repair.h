// Turning the bytes of a file into clean UTF-8 text: invalid sequences replaced with
// U+FFFD and counted, and mojibake (UTF-8 that was read as Windows-1252 or Mac Roman and
// saved again) undone where it is unambiguous, so a repaired article indexes exactly as
// the clean text would.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsdex {

struct RepairReport {
  std::size_t invalid_sequences = 0;  // replaced with U+FFFD
  std::size_t mojibake_repairs = 0;   // characters restored from a double encoding
  std::size_t nul_bytes = 0;          // stray NUL bytes, made spaces
  std::string converted_from;         // "UTF-16LE" when the file was not UTF-8
};

// "2 invalid UTF-8 sequences replaced, 1 double-encoded character repaired"; empty
// when nothing was repaired.
std::string describe_repairs(const RepairReport& report);

// True when the bytes are not text: the signature of a common binary format (images,
// archives, executables, PDF), or, in the first 8 KiB, a third or more of NUL bytes,
// control characters and invalid UTF-8. A few stray NULs are a damaged text.
bool looks_binary(std::string_view bytes);

// True when the bytes start with the signature of a common binary format: such a file
// is binary whatever charset its other bytes might be read in.
bool has_binary_signature(std::string_view bytes);

// Valid UTF-8 out, whatever comes in. A leading byte-order mark is dropped, UTF-16
// is converted (text_encoding.h), and NUL bytes become spaces.
std::string repair_text(std::string_view bytes, RepairReport& report);

}  // namespace newsdex
