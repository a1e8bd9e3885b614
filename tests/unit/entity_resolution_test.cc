// The corpus-wide name rules of search/entity_resolution.h, decided from term
// frequencies alone: surnames, initials, acronyms, plurals, one type per name, and
// the same answer whatever order the terms come in.
#include "search/entity_resolution.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

using newsdex::EntityResolution;

namespace {

using Terms = std::vector<std::pair<std::string, Xapian::doccount>>;

std::string root_of(const Terms& terms, const std::string& term) {
  return EntityResolution::from_frequencies(terms).root(term);
}

}  // namespace

TEST_CASE("entity resolution: a surname joins the full name that holds two thirds of it") {
  const Terms terms = {{"XPtony blair", 154}, {"XPblair", 13},   {"XPcherie blair", 4},
                       {"XPian blair", 2},    {"XPreagan", 380}, {"XPronald reagan", 23}};
  const auto r = EntityResolution::from_frequencies(terms);
  CHECK(r.root("XPblair") == "XPtony blair");
  CHECK(r.root("XPreagan") == "XPronald reagan");  // the surname may be the commoner
  CHECK(r.root("XPcherie blair") == "XPcherie blair");
  CHECK(r.members("XPtony blair") == std::vector<std::string>{"XPtony blair", "XPblair"});
  CHECK(r.members("XPian blair") == std::vector<std::string>{"XPian blair"});
}

TEST_CASE("entity resolution: two people of one surname, neither dominant, stay apart") {
  const Terms terms = {{"XPbill clinton", 10}, {"XPhillary clinton", 8}, {"XPclinton", 30}};
  CHECK(root_of(terms, "XPclinton") == "XPclinton");
}

TEST_CASE("entity resolution: initials and a dropped middle name join the full name") {
  const Terms terms = {{"XPronan o'gara", 14}, {"XPr o'gara", 3}, {"XPgeorge w bush", 15},
                       {"XPgeorge bush", 5},   {"XPbush", 14},    {"XPkate bush", 2},
                       {"XPm o'gara", 1}};
  const auto r = EntityResolution::from_frequencies(terms);
  CHECK(r.root("XPr o'gara") == "XPronan o'gara");
  CHECK(r.root("XPm o'gara") == "XPm o'gara");  // M is not Ronan
  CHECK(r.root("XPgeorge bush") == "XPgeorge w bush");
  // "bush": George W Bush's group (15 + 5) holds 20 of the 22 full-name articles.
  CHECK(r.root("XPbush") == "XPgeorge w bush");
  CHECK(r.root("XPkate bush") == "XPkate bush");
}

TEST_CASE("entity resolution: a name seen once does not take over one seen often") {
  const Terms terms = {{"XPoscar", 53},
                       {"XPlanguage oscar", 1},
                       {"XPalan milburn", 28},
                       {"XPblairite alan milburn", 1}};
  const auto r = EntityResolution::from_frequencies(terms);
  CHECK(r.root("XPoscar") == "XPoscar");
  // A leading word too many is not a fuller name.
  CHECK(r.root("XPalan milburn") == "XPalan milburn");
  CHECK(r.root("XPblairite alan milburn") == "XPblairite alan milburn");
  // In a small corpus one article of each is enough.
  CHECK(root_of({{"XPtony blair", 1}, {"XPblair", 1}}, "XPblair") == "XPtony blair");
}

TEST_CASE("entity resolution: an acronym joins the organisation whose initials it is") {
  const Terms terms = {{"XOsecurities and exchange commission", 15},
                       {"XOsec", 14},
                       {"XOus securities and exchange commission", 4},
                       {"XObt", 30},
                       {"XObritish telecom", 3},
                       {"XObritish transport", 3}};
  const auto r = EntityResolution::from_frequencies(terms);
  CHECK(r.root("XOsec") == "XOsecurities and exchange commission");
  // Two expansions with as many articles each: ambiguous.
  CHECK(r.root("XObt") == "XObt");
}

TEST_CASE("entity resolution: an organisation's plural and its last word alone") {
  const Terms terms = {{"XOliberal democrats", 68}, {"XOliberal democrat", 33},
                       {"XOmanchester united", 50}, {"XOunited", 33},
                       {"XOnewcastle united", 5},   {"XOtreasury", 33},
                       {"XOus treasury", 5}};
  const auto r = EntityResolution::from_frequencies(terms);
  CHECK(r.root("XOliberal democrat") == "XOliberal democrats");
  CHECK(r.root("XOunited") == "XOmanchester united");
  // The fuller name must be at least as common as the word alone.
  CHECK(r.root("XOtreasury") == "XOtreasury");
}

TEST_CASE("entity resolution: one type per name") {
  const Terms terms = {// A club never named as a person in full: the organisation.
                       {"XPchelsea", 60},
                       {"XOchelsea", 32},
                       // A surname whose full name is a person: the person.
                       {"XPbush", 14},
                       {"XObush", 15},
                       {"XPgeorge w bush", 15},
                       // An award the tagger calls a person, seldom anything else.
                       {"XPoscar", 53},
                       {"XLoscars", 2},
                       // Votes of the plural and the singular count together.
                       {"XLlib dem", 39},
                       {"XOlib dem", 10},
                       {"XOlib dems", 50},
                       {"XLlib dems", 11}};
  const auto r = EntityResolution::from_frequencies(terms);
  CHECK(r.root("XPchelsea") == "XOchelsea");
  CHECK(r.root("XObush") == "XPgeorge w bush");
  CHECK(r.root("XPbush") == "XPgeorge w bush");
  CHECK(r.root("XPoscar") == "XPoscar");
  CHECK(r.root("XLlib dem") == "XOlib dems");
  CHECK(r.root("XLlib dems") == "XOlib dems");
  auto members = r.members("XOchelsea");
  CHECK(members == std::vector<std::string>{"XOchelsea", "XPchelsea"});
}

TEST_CASE("entity resolution: the misc type votes, and takes a person its plural voted out") {
  const Terms terms = {// An award the tagger mostly calls a person; its plural, misc.
                       {"XPoscar", 53},
                       {"XLoscar", 1},
                       {"XMoscars", 38},
                       // A product called an organisation, more often misc with its plural.
                       {"XOpc", 51},
                       {"XMpc", 23},
                       {"XMpcs", 49},
                       // An organisation the tagger seldom calls misc stays one.
                       {"XOdvd", 39},
                       {"XMdvd", 10},
                       // A surname whose full name is a person stays a person.
                       {"XPtony blair", 150},
                       {"XPblair", 12},
                       {"XMblair", 5}};
  const auto r = EntityResolution::from_frequencies(terms);
  CHECK(r.root("XPoscar") == "XMoscar");
  CHECK(r.root("XLoscar") == "XMoscar");
  CHECK(r.members("XMoscar") == std::vector<std::string>{"XMoscar", "XLoscar", "XPoscar"});
  CHECK(r.root("XMoscars") == "XMoscars");  // plurals join only among organisations
  CHECK(r.root("XOpc") == "XMpc");
  CHECK(r.root("XMdvd") == "XOdvd");
  CHECK(r.root("XMblair") == "XPtony blair");
  CHECK(r.root("XPblair") == "XPtony blair");

  // An article that names it only as a person counts it under misc, without a spelling.
  const std::string people =
      "Oscar\x1F"
      "oscar";
  const std::string* values[newsdex::kNameFields] = {&people, nullptr, nullptr, nullptr};
  std::vector<EntityResolution::Counted> out;
  r.names_under(*newsdex::find_field("person"), values, out);
  CHECK(out.empty());
  r.names_under(*newsdex::find_field("misc"), values, out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].key == "oscar");
  CHECK(out[0].display.empty());
}

TEST_CASE("entity resolution: the same roots whatever order the terms come in") {
  Terms terms = {{"XPtony blair", 5}, {"XPblair", 3},
                 {"XOsec", 2},        {"XOsecurities and exchange commission", 2},
                 {"XPchelsea", 4},    {"XOchelsea", 3},
                 {"XPr o'gara", 1},   {"XPronan o'gara", 2},
                 {"XOlib dem", 2},    {"XOlib dems", 3}};
  const auto first = EntityResolution::from_frequencies(terms);
  std::reverse(terms.begin(), terms.end());
  const auto second = EntityResolution::from_frequencies(terms);
  std::rotate(terms.begin(), terms.begin() + 3, terms.end());
  const auto third = EntityResolution::from_frequencies(terms);
  CHECK(first.groups().size() == 5);
  for (const auto& [term, df] : terms) {
    CHECK(first.root(term) == second.root(term));
    CHECK(first.root(term) == third.root(term));
  }
}

TEST_CASE("entity resolution: terms of other fields and unknown names are their own roots") {
  const auto r = EntityResolution::from_frequencies({{"XPtony blair", 2}, {"XPblair", 1}});
  CHECK(r.root("XSreuters") == "XSreuters");
  CHECK(r.root("XPnobody") == "XPnobody");
  CHECK(r.members("XPnobody") == std::vector<std::string>{"XPnobody"});
}

TEST_CASE("entity resolution: an article's names under one field, each once") {
  const auto r = EntityResolution::from_frequencies(
      {{"XPtony blair", 5}, {"XPblair", 3}, {"XPchelsea", 4}, {"XOchelsea", 3}});
  const std::string people =
      "Tony Blair\x1Ftony blair\nBlair\x1F"
      "blair\nChelsea\x1F"
      "chelsea";
  const std::string orgs =
      "Chelsea FC\x1F"
      "chelsea fc";
  const std::string* values[newsdex::kNameFields] = {&people, nullptr, &orgs, nullptr};
  std::vector<EntityResolution::Counted> out;
  r.names_under(*newsdex::find_field("person"), values, out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].key == "tony blair");
  CHECK(out[0].display == "Tony Blair");
  r.names_under(*newsdex::find_field("org"), values, out);
  REQUIRE(out.size() == 2);
  CHECK(out[0].key == "chelsea");
  CHECK(out[0].display.empty());  // named here only as a person: not its spelling
  CHECK(out[1].key == "chelsea fc");
  // Only the surname: counted under the full name, without a spelling.
  const std::string surname =
      "Blair\x1F"
      "blair";
  const std::string* only[newsdex::kNameFields] = {&surname, nullptr, nullptr, nullptr};
  r.names_under(*newsdex::find_field("person"), only, out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].key == "tony blair");
  CHECK(out[0].display.empty());
}
