#include <doctest/doctest.h>

#include "core/ner/gazetteer.h"

using namespace newsdex::ner;

TEST_CASE("gazetteer matching is case and diacritic blind and marks the longest match") {
  Gazetteer g;
  g.add(GazetteerCategory::Country, "United States");
  g.add(GazetteerCategory::Country, "United States of America");
  g.add(GazetteerCategory::City, "São Paulo");
  g.add(GazetteerCategory::Demonym, "Russian");
  auto m = g.match({"the", "united", "states", "of", "america", "and", "sao", "paulo", "russian"});
  const int country = static_cast<int>(GazetteerCategory::Country);
  const int city = static_cast<int>(GazetteerCategory::City);
  CHECK(m[0][country] == MatchPosition::None);
  CHECK(m[1][country] == MatchPosition::Begin);
  CHECK(m[2][country] == MatchPosition::Inside);
  CHECK(m[4][country] == MatchPosition::Last);
  CHECK(m[6][city] == MatchPosition::Begin);
  CHECK(m[7][city] == MatchPosition::Last);
  CHECK(m[8][static_cast<int>(GazetteerCategory::Demonym)] == MatchPosition::Unit);
  CHECK(g.size() == 4);
}

TEST_CASE("category names parse back") {
  GazetteerCategory c;
  CHECK(parse_gazetteer_category("city", c));
  CHECK(c == GazetteerCategory::City);
  CHECK_FALSE(parse_gazetteer_category("town", c));
}
