// File names are bytes, not text: a name that is not UTF-8 (caf\xe9.txt, from a
// Latin-1 system) must still reach a script exactly. JSON holds only text, so there it
// travels base64-encoded beside its lossy text (ripgrep's {"bytes": ...} convention).
#pragma once

#include <string>
#include <string_view>

namespace newsdex {

// True when `s` is well-formed UTF-8 (no overlong forms, surrogates or code points
// above U+10FFFF).
bool is_valid_utf8(std::string_view s);

// The length of the well-formed UTF-8 sequence at the start of `s`, 0 if there is none.
std::size_t utf8_sequence_length(std::string_view s);

// Standard base64 (RFC 4648, with padding).
std::string base64(std::string_view bytes);

}  // namespace newsdex
