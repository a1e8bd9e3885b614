// File names that are not UTF-8: detecting them, and base64 for JSON's "_bytes" fields.
#include <doctest/doctest.h>

#include <string>

#include "search/utf8_bytes.h"

using newsdex::base64;
using newsdex::is_valid_utf8;

TEST_CASE("is_valid_utf8: well-formed text only") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("world/cafe.txt"));
  CHECK(is_valid_utf8("caf\xc3\xa9 \xe2\x98\x83 \xf0\x9f\x98\x80"));
  CHECK(is_valid_utf8("esc \x1b[2J and C1 \xc2\x9b are valid UTF-8"));
  CHECK_FALSE(is_valid_utf8("caf\xe9.txt"));       // Latin-1
  CHECK_FALSE(is_valid_utf8("\xc3"));              // cut short
  CHECK_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong "/"
  CHECK_FALSE(is_valid_utf8("\xe0\x80\xaf"));      // overlong, three bytes
  CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));      // a UTF-16 surrogate
  CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(is_valid_utf8(std::string("a\xff", 2)));
}

TEST_CASE("base64: RFC 4648 with padding") {
  CHECK(base64("") == "");
  CHECK(base64("f") == "Zg==");
  CHECK(base64("fo") == "Zm8=");
  CHECK(base64("foo") == "Zm9v");
  CHECK(base64("foobar") == "Zm9vYmFy");
  CHECK(base64("world/caf\xe9.txt") == "d29ybGQvY2Fm6S50eHQ=");
  CHECK(base64(std::string("\0\xff\xfe", 3)) == "AP/+");
}
