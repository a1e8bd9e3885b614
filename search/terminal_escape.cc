#include "search/terminal_escape.h"

#include <cstdio>

#include "search/utf8_bytes.h"

namespace newsdex {

std::string escape_for_terminal(std::string_view s, bool keep_line_breaks) {
  std::string out;
  out.reserve(s.size());
  char buf[8];
  while (!s.empty()) {
    const auto c = static_cast<unsigned char>(s.front());
    const std::size_t n = utf8_sequence_length(s);
    if (n == 0 || (n == 1 && (c < 0x20 || c == 0x7F))) {
      if (keep_line_breaks && (c == '\n' || c == '\t')) {
        out += static_cast<char>(c);
      } else {
        std::snprintf(buf, sizeof buf, "\\x%02x", c);
        out += buf;
      }
      s.remove_prefix(1);
      continue;
    }
    // C1 controls, U+0080 to U+009F, are 0xC2 0x80 to 0xC2 0x9F in UTF-8.
    if (n == 2 && c == 0xC2 && static_cast<unsigned char>(s[1]) <= 0x9F) {
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(s[1]));
      out += buf;
    } else {
      out.append(s.substr(0, n));
    }
    s.remove_prefix(n);
  }
  return out;
}

}  // namespace newsdex
