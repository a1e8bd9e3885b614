// Text output is for people at a terminal, and a file name (or a title, or a word of an
// article) may hold bytes a terminal obeys: ESC sequences that move the cursor, clear
// the screen or set the window title, C1 controls (U+009B is CSI on its own), bytes
// that are not UTF-8 (0x9B alone is CSI on an 8-bit terminal). The text printer shows
// them as visible escapes instead, as ls and ripgrep do: "\x1b", "\u009b", "\xe9".
// Formats meant for programs (paths, tsv, json) keep the bytes as they are.
#pragma once

#include <string>
#include <string_view>

namespace newsdex {

// `s` with every control character (C0, DEL, C1) and every byte that is not part of
// well-formed UTF-8 written as an escape. Newlines and tabs are kept when
// `keep_line_breaks` (an article's body), escaped otherwise (a name on one line).
std::string escape_for_terminal(std::string_view s, bool keep_line_breaks = false);

}  // namespace newsdex
