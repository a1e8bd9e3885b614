// Legacy charsets: what a file declares, else what the detector is sure of, becomes
// UTF-8; valid UTF-8, and UTF-8 with a few damaged sequences, are left alone.
#include <doctest/doctest.h>

#include "core/legacy_charset.h"

using namespace newsdex;

namespace {

// The Latin-1 bytes of UTF-8 text whose characters are all below U+0100.
std::string latin1(std::string_view utf8) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    if (b < 0x80) {
      out += static_cast<char>(b);
    } else {
      out += static_cast<char>(((b & 0x1F) << 6) | (static_cast<unsigned char>(utf8[++i]) & 0x3F));
    }
  }
  return out;
}

}  // namespace

TEST_CASE("legacy charsets: declarations in XML and HTML heads") {
  CHECK(declared_charset("<?xml version='1.0' encoding='ISO-8859-1'?><rss/>") == "iso-8859-1");
  CHECK(declared_charset("<!doctype html><head><meta charset=\"windows-1252\">") == "windows-1252");
  CHECK(declared_charset("<html><META HTTP-EQUIV=\"Content-Type\" "
                         "CONTENT=\"text/html; charset=Shift_JIS\">") == "shift_jis");
  CHECK(declared_charset("<?xml version=\"1.0\"?><feed/>").empty());
  CHECK(declared_charset("Plain text mentioning charset nowhere in a meta tag").empty());
}

TEST_CASE("legacy charsets: valid UTF-8 is never converted, whatever it declares") {
  CHECK_FALSE(legacy_to_utf8("Caf\xc3\xa9 au lait"));
  CHECK_FALSE(legacy_to_utf8("<meta charset=\"iso-8859-1\"><p>Caf\xc3\xa9</p>"));
  CHECK_FALSE(legacy_to_utf8("plain ASCII"));
}

TEST_CASE("legacy charsets: a declared Latin-1 page is read as Windows-1252") {
  std::string name;
  const auto out =
      legacy_to_utf8("<meta charset=\"iso-8859-1\"><p>Caf\xe9 \x93quoted\x94</p>", &name);
  REQUIRE(out);
  CHECK(*out == "<meta charset=\"iso-8859-1\"><p>Caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d</p>");
  CHECK(name == "windows-1252");
}

TEST_CASE("legacy charsets: undeclared Latin-1 prose is detected") {
  std::string name;
  const std::string french = latin1(
      "Le président a déclaré que la réforme était nécessaire. Les députés de l'opposition "
      "ont manifesté leur désaccord à l'Assemblée nationale, où le débat a duré toute la "
      "soirée. Le gouvernement espère un vote rapide.");
  const auto out = legacy_to_utf8(french, &name);
  REQUIRE(out);
  CHECK(out->find("pr\xc3\xa9sident") != std::string::npos);
  CHECK(out->find("esp\xc3\xa8re") != std::string::npos);
  CHECK(!name.empty());
}

TEST_CASE("legacy charsets: UTF-8 with a damaged sequence is left to text repair") {
  CHECK_FALSE(legacy_to_utf8("Caf\xc3\xa9 and na\xc3\xafve and a broken \xc3\x28 pair"));
  CHECK_FALSE(legacy_to_utf8("<meta charset=utf-8>broken \xff byte"));
}

TEST_CASE("legacy charsets: declared Shift_JIS is converted") {
  std::string name;
  // 気象庁 in Shift_JIS
  const auto out = legacy_to_utf8("<meta charset=\"Shift_JIS\">\x8b\x43\x8f\xdb\x92\xa1", &name);
  REQUIRE(out);
  CHECK(out->find("\xe6\xb0\x97\xe8\xb1\xa1\xe5\xba\x81") != std::string::npos);
  CHECK(name == "shift_jis");
}

TEST_CASE("legacy charsets: stray bytes in English text and binary data are not a charset") {
  CHECK_FALSE(
      legacy_to_utf8("Invalid bytes \xff\xfe in a title\n\nThe word sits next to \xc3\x28 a "
                     "broken pair.\n"));
  std::string ramp;
  for (int i = 0; i < 256 * 4; ++i) ramp += static_cast<char>(i % 256);
  CHECK_FALSE(legacy_to_utf8(ramp));
}

TEST_CASE("legacy charsets: a Latin-1 byte is found wherever it falls after ASCII") {
  // The census reads ASCII eight bytes at a time: a lone Latin-1 letter at any offset
  // of a block, and at the very end, still makes the text Latin-1.
  for (std::size_t lead = 0; lead < 17; ++lead) {
    const std::string text = "<meta charset=\"iso-8859-1\">" + std::string(lead, 'x') + latin1("é");
    const auto out = legacy_to_utf8(text);
    REQUIRE(out);
    CHECK(out->substr(out->size() - 2) == "é");
  }
}
