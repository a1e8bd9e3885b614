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
};

// "2 invalid UTF-8 sequences replaced, 1 double-encoded character repaired"; empty
// when nothing was repaired.
std::string describe_repairs(const RepairReport& report);

// True when the bytes are not text: a NUL byte, or mostly invalid UTF-8 and control
// characters, in the first 8 KiB.
bool looks_binary(std::string_view bytes);

// Valid UTF-8 out, whatever comes in. A leading byte-order mark is dropped.
std::string repair_text(std::string_view bytes, RepairReport& report);

}  // namespace newsdex
