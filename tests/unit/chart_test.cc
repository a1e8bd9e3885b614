// --chart: bar lengths, glyphs, widths of wide characters, cut names.
#include "search/chart.h"

#include <doctest/doctest.h>

#include <sstream>

using newsdex::bar_chart;
using newsdex::ChartStyle;
using newsdex::display_width;
using newsdex::Facet;

namespace {

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("display_width counts terminal columns") {
  CHECK(display_width("Merkel") == 6);
  CHECK(display_width("caf\xC3\xA9") == 4);                           // é, precomposed
  CHECK(display_width("cafe\xCC\x81") == 4);                          // e + combining acute
  CHECK(display_width("\xE4\xB9\xA0\xE8\xBF\x91\xE5\xB9\xB3") == 6);  // 习近平: wide
  CHECK(display_width("\xEF\xBC\xA1") == 2);                          // fullwidth A
  CHECK(display_width("") == 0);
}

TEST_CASE("ASCII bars are whole columns of '#' in proportion to the largest count") {
  Facet f{"person", {{"Donald Trump", 10, 0}, {"Theresa May", 5, 0}, {"Nobody", 0, 0}}, 0};
  const auto out = lines(bar_chart(f, ChartStyle{false, 40}));
  REQUIRE(out.size() == 3);
  // 40 columns: indent 2, names 12 (the longest), gap 2, count 2, space 1: bars of 21.
  CHECK(out[0] == "  Donald Trump  10 " + std::string(21, '#'));
  CHECK(out[1] == "  Theresa May    5 " + std::string(11, '#'));  // 10.5 rounds up
  CHECK(out[2] == "  Nobody         0");                          // no bar, no trailing blank
}

TEST_CASE("Unicode bars are drawn to an eighth of a column") {
  Facet f{"year", {{"2018", 16, 0}, {"2019", 1, 0}}, 0};
  const auto out = lines(bar_chart(f, ChartStyle{true, 34}));
  REQUIRE(out.size() == 2);
  // 34 columns: names 4, fixed 7: bars of 23 columns; 1/16 of 23 columns is 11.5 eighths.
  std::string full;
  for (int i = 0; i < 23; ++i) full += "\u2588";
  CHECK(out[0] == "  2018  16 " + full);
  CHECK(out[1] == "  2019   1 \u2588\u258C");  // 12 eighths: one full block and a half
}

TEST_CASE("a small count still gets a visible bar; long and wide names are cut to fit") {
  Facet f{"org", {{"A", 100000, 0}, {"B", 1, 0}}, 0};
  const auto out = lines(bar_chart(f, ChartStyle{false, 40}));
  CHECK(out[1].substr(out[1].size() - 2) == " #");
  const std::string wide = "\xE4\xB9\xA0\xE8\xBF\x91\xE5\xB9\xB3";  // 习近平, 6 columns
  std::string name;
  for (int i = 0; i < 5; ++i) name += wide;  // 30 columns
  Facet g{"person", {{name, 3, 0}, {"Short", 1, 0}}, 0};
  const auto cut = lines(bar_chart(g, ChartStyle{true, 60}));
  // Names get 20 columns: 19 of the name (9 wide characters: 18) and the ellipsis.
  CHECK(display_width(cut[0].substr(0, cut[0].find("\u2026"))) == 2 + 18);
  CHECK(cut[0].find("\u2026") != std::string::npos);
  CHECK(display_width(cut[0].substr(0, cut[0].find(" 3 "))) ==
        display_width(cut[1].substr(0, cut[1].find(" 1 "))));
}
