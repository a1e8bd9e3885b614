// What the text printer writes for bytes a terminal would obey.
#include <doctest/doctest.h>

#include <string>

#include "search/terminal_escape.h"

using newsdex::escape_for_terminal;

TEST_CASE("escape_for_terminal: text passes, controls and stray bytes become escapes") {
  CHECK(escape_for_terminal("Paris caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d") ==
        "Paris caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d");
  CHECK(escape_for_terminal("evil\x1b]0;owned\x07.txt") == "evil\\x1b]0;owned\\x07.txt");
  CHECK(escape_for_terminal("\x1b[2J") == "\\x1b[2J");
  CHECK(escape_for_terminal("del\x7f") == "del\\x7f");
  CHECK(escape_for_terminal("csi\xc2\x9b"
                            "31m") == "csi\\u009b31m");         // C1, as UTF-8
  CHECK(escape_for_terminal("caf\xe9.txt") == "caf\\xe9.txt");  // Latin-1
  CHECK(escape_for_terminal("\x9b"
                            "31m") == "\\x9b31m");  // 8-bit CSI
  CHECK(escape_for_terminal(std::string("nul\0", 4)) == "nul\\x00");
}

TEST_CASE("escape_for_terminal: line breaks kept only for a body") {
  CHECK(escape_for_terminal("a\nb\tc\r") == "a\\x0ab\\x09c\\x0d");
  CHECK(escape_for_terminal("a\nb\tc\r", true) == "a\nb\tc\\x0d");
}
