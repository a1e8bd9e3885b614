// Bytes in, valid UTF-8 out: invalid sequences replaced and counted, mojibake undone,
// clean text left exactly as it was.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/text_repair.h"
#include "tests/unit/test_index.h"

using newsdex::describe_repairs;
using newsdex::looks_binary;
using newsdex::repair_text;
using newsdex::RepairReport;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool valid_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

}  // namespace

TEST_CASE("repair: invalid UTF-8 is replaced with U+FFFD and counted") {
  RepairReport r;
  const std::string out = repair_text("caf\xE9 and \xFF\xFE done", r);
  CHECK(r.invalid_sequences == 3);
  CHECK(valid_utf8(out));
  CHECK(out == "caf\xEF\xBF\xBD and \xEF\xBF\xBD\xEF\xBF\xBD done");

  RepairReport truncated;
  // A three-byte sequence cut short at the end of the file.
  const std::string cut = repair_text("end \xE2\x80", truncated);
  CHECK(truncated.invalid_sequences >= 1);
  CHECK(valid_utf8(cut));
  CHECK(cut.rfind("end ", 0) == 0);
}

TEST_CASE("repair: Windows-1252 mojibake is undone") {
  RepairReport r;
  CHECK(repair_text("cafÃ©", r) == "café");
  CHECK(r.mojibake_repairs == 1);
  CHECK(r.invalid_sequences == 0);

  RepairReport r2;
  CHECK(repair_text("HÃ©lÃ¨ne, naÃ¯ve, doesnâ€™t", r2) == "Hélène, naïve, doesn’t");
  CHECK(r2.mojibake_repairs == 4);
}

TEST_CASE("repair: Mac Roman mojibake of a no-break space is undone") {
  RepairReport r;
  // "¬†" is what the bytes C2 A0 (U+00A0) look like read as Mac Roman.
  CHECK(repair_text("(OBSERVATORY) –¬†Moscow", r) == "(OBSERVATORY) –\xC2\xA0Moscow");
  CHECK(r.mojibake_repairs == 1);
}

TEST_CASE("repair: clean accented, French and curly-quoted text is byte-identical") {
  const std::string samples[] = {
      "Zürich payments start-up bets on Brazil with São Paulo office",
      "Un violent incendie a détruit lundi soir la flèche « la forêt » de Notre-Dame, "
      "sous les yeux de milliers de Parisiens. L’été, Noël, À bientôt, ÉTÉ, garçon, œuvre.",
      "He said “funding” had been “secured”, Washington’s plan — and ‘quotes’ … €4.3 billion",
      "Âge, Ça, È, Ñandú, naïve café, Jürgen Klopp, Gdańsk, Łódź, Øresund",
      "plain ASCII only",
      "",
  };
  for (const std::string& s : samples) {
    CAPTURE(s);
    RepairReport r;
    CHECK(repair_text(s, r) == s);
    CHECK(r.invalid_sequences == 0);
    CHECK(r.mojibake_repairs == 0);
  }
}

TEST_CASE("repair: clean corpus files are byte-identical, the mojibake one is repaired") {
  using newsdex::testing::source_path;
  namespace fs = std::filesystem;
  const fs::path root = source_path("corpus");
  std::size_t checked = 0;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    const std::string rel = fs::relative(e.path(), root).string();
    // The two files whose mojibake the corpus carries on purpose.
    if (rel == "business/2018-10-09-paris-cafe-terrace-rents.txt" ||
        rel == "world/kremlin-tweet-diplomacy.txt")
      continue;
    // The Latin-1 sample page: converted from its declared charset before any repair.
    if (rel == "formats/ville-lumiere-fr.html") continue;
    CAPTURE(rel);
    const std::string bytes = read_file(e.path().string());
    RepairReport r;
    CHECK(repair_text(bytes, r) == bytes);
    CHECK(r.invalid_sequences == 0);
    CHECK(r.mojibake_repairs == 0);
    ++checked;
  }
  CHECK(checked >= 30);

  RepairReport r;
  const std::string cafe = repair_text(
      read_file(source_path("corpus/business/2018-10-09-paris-cafe-terrace-rents.txt")), r);
  CHECK(r.mojibake_repairs > 0);
  CHECK(cafe.find("Paris café owners") != std::string::npos);
  CHECK(cafe.find("Ã") == std::string::npos);
  CHECK(valid_utf8(cafe));
}

TEST_CASE("repair: a byte-order mark is dropped") {
  RepairReport r;
  CHECK(repair_text("\xEF\xBB\xBFTitle", r) == "Title");
}

TEST_CASE("looks_binary: NUL soup, control-byte soup and binary formats are binary, text is not") {
  // A stray NUL in a text is damage, not a sign of a binary file (issue #12).
  CHECK_FALSE(looks_binary(std::string("abc\0def", 7)));
  CHECK(looks_binary(std::string("\0", 1)));
  CHECK(looks_binary(std::string(64, '\0')));
  CHECK(looks_binary("\x89PNG\r\n\x1a\nIHDR plain-looking rest of the file"));
  CHECK(looks_binary("%PDF-1.7 plain-looking rest of the file"));
  std::string soup;
  for (int i = 0; i < 256; ++i) soup += static_cast<char>(i == 0 ? 1 : (i * 7) % 32 + 1);
  CHECK(looks_binary(soup));
  // Control bytes between letters count wherever they fall in a block of eight read
  // at once, every one of 0x01-0x1F (0x1F beside 0x20 too), and so does a lone one in
  // a block's last byte: four in eleven is over the third that makes a file binary.
  std::string laced;
  for (int c = 1; c < 0x20; ++c) {
    if (c == '\n' || c == '\r' || c == '\t' || c == '\f') continue;
    laced += "ab";
    laced += static_cast<char>(c);
    laced += "\x1f ";
  }
  CHECK(looks_binary(laced));
  std::string last_lane;
  for (int i = 0; i < 100; ++i) last_lane += "abcdefg\x01\x02\x03\x04";
  CHECK(looks_binary(last_lane));
  CHECK_FALSE(looks_binary(""));
  CHECK_FALSE(looks_binary("Plain text\nwith lines\tand tabs.\n"));
  CHECK_FALSE(looks_binary("Café, Zürich, “quotes” — and a few bytes of damage \xFF here."));
  // A NUL after the first 8 KiB is not looked at.
  std::string late(9000, 'a');
  late += '\0';
  CHECK_FALSE(looks_binary(late));
}

TEST_CASE("repair: UTF-16 with and without a byte-order mark becomes UTF-8") {
  const std::string le(
      "\xFF\xFE"
      "C\0a\0f\0\xE9\0\n\0",
      12);
  RepairReport r;
  CHECK(repair_text(le, r) == "Caf\xC3\xA9\n");
  CHECK(r.converted_from == "UTF-16LE");
  const std::string be("\xFE\xFF\0T\0i\0t\0l\0e\0 \x01\0", 16);
  RepairReport rb;
  CHECK(repair_text(be, rb) == "Title \xC4\x80");
  CHECK(rb.converted_from == "UTF-16BE");
  std::string bare;
  for (char c : std::string("A headline without a mark\nand a body.\n")) bare += {c, '\0'};
  RepairReport rn;
  CHECK(repair_text(bare, rn) == "A headline without a mark\nand a body.\n");
  CHECK(rn.converted_from == "UTF-16LE");
  CHECK(describe_repairs(rn) == "read as UTF-16LE");
}

TEST_CASE("repair: NUL bytes become spaces and are reported") {
  RepairReport r;
  CHECK(repair_text(std::string("Title\n\nA\0body", 13), r) == "Title\n\nA body");
  CHECK(r.nul_bytes == 1);
  CHECK(describe_repairs(r) == "1 NUL byte made spaces");
}
