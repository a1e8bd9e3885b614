#include "core/closest_match.h"

#include <doctest/doctest.h>

using newsdex::closest_match;
using newsdex::edit_distance;

TEST_CASE("edit_distance counts insertions, deletions, substitutions and transpositions") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("search", "search") == 0);
  CHECK(edit_distance("serch", "search") == 1);    // deletion
  CHECK(edit_distance("searchh", "search") == 1);  // insertion
  CHECK(edit_distance("seorch", "search") == 1);   // substitution
  CHECK(edit_distance("saerch", "search") == 1);   // transposition: one edit, not two
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("ca", "abc") == 3);  // optimal string alignment: no double edit
}

TEST_CASE("closest_match suggests a close name and nothing for a far one") {
  const std::vector<std::string> commands = {"search",  "count", "facets", "show",
                                             "similar", "stats", "status", "graph"};
  CHECK(closest_match("serch", commands) == "search");
  CHECK(closest_match("cuont", commands) == "count");
  CHECK(closest_match("facet", commands) == "facets");
  CHECK(closest_match("stauts", commands) == "status");
  CHECK(closest_match("grpah", commands) == "graph");
  CHECK_FALSE(closest_match("xyzzy", commands));
  CHECK_FALSE(closest_match("index", commands));
  CHECK_FALSE(closest_match("s", commands));       // one letter is no evidence
  CHECK_FALSE(closest_match("search", commands));  // not a typo
  const std::vector<std::string> flags = {"--limit", "--offset", "--filter", "--format"};
  CHECK(closest_match("--limt", flags) == "--limit");
  CHECK(closest_match("--fromat", flags) == "--format");
  CHECK(closest_match("--filtr", flags) == "--filter");
  CHECK_FALSE(closest_match("--verbose", flags));
}

TEST_CASE("closest_match prefers the smaller distance, then the earlier candidate") {
  CHECK(closest_match("stat", {"status", "stats"}) == "stats");
  CHECK(closest_match("abcd", {"abce", "abcf"}) == "abce");
  CHECK(closest_match("stauts", {"stats", "status"}) == "status");  // same length first
  CHECK(closest_match("stat", {"stas", "stats"}) == "stas");
  CHECK_FALSE(closest_match("x", {}));
}
