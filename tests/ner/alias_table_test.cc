#include <doctest/doctest.h>

#include <initializer_list>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/ner/alias_table.h"

using namespace newsdex::ner;

namespace {

constexpr int kPer = 0, kLoc = 1, kOrg = 2;

const char* const kYaml = R"(
place:
  United States: [U.S., US, America]
  Iran: [Islamic Republic of Iran, Iran]
person:
  Tony Blair: [Blair]
org:
  North Atlantic Treaty Organization: [NATO]
  Washington Post: []
)";

// Every variant key with its target, in the table's order: what find() answers from.
std::vector<std::string> flat(const AliasTable& table) {
  std::vector<std::string> out;
  for (const auto& [key, target] : table.variants())
    out.push_back(key + "|" + std::to_string(target.type) + "|" + target.canonical);
  return out;
}

}  // namespace

TEST_CASE("the alias table read back from its JSON answers as the YAML one does") {
  const AliasTable yaml = AliasTable::parse(kYaml);
  const std::string json = yaml.to_json();
  const AliasTable back = AliasTable::from_json(json);
  CHECK(back.to_json() == json);
  CHECK(flat(back) == flat(yaml));
  // 5 names and 7 variants, less "Iran" listed again as its own variant.
  CHECK(flat(back).size() == 11);
  for (const auto& [type, mention] :
       std::initializer_list<std::pair<int, const char*>>{{kLoc, "u.s."},
                                                          {kLoc, "AMERICA"},
                                                          {kLoc, "Islamic Republic of Iran"},
                                                          {kPer, "Blair"},
                                                          {kOrg, "nato"},
                                                          {kOrg, "Washington Post"}}) {
    CAPTURE(mention);
    const AliasTable::Target* a = yaml.find(type, mention);
    const AliasTable::Target* b = back.find(type, mention);
    REQUIRE(a != nullptr);
    REQUIRE(b != nullptr);
    CHECK(b->canonical == a->canonical);
    CHECK(b->type == type);
  }
  CHECK(back.find(kPer, "America") == nullptr);  // a place alias, not a person's
  CHECK(back.find(kLoc, "Atlantis") == nullptr);
  CHECK(AliasTable::from_json(AliasTable().to_json()).variants().empty());
}

TEST_CASE("an alias list with a name that is not UTF-8 is refused, naming its line") {
  try {
    (void)AliasTable::parse("place:\n  United States: [US]\n  Caf\xe9: [Cafe]\n");
    FAIL("accepted");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()) == "aliases: line 3: a name that is not UTF-8");
  }
  CHECK_THROWS_AS(AliasTable::parse("org:\n  NATO: [\"N\xc3\"]\n"), std::runtime_error);
  CHECK(AliasTable::parse("place:\n  Caf\xc3\xa9: [Cafe]\n").find(kLoc, "cafe") != nullptr);
}

TEST_CASE("a spelling the alias list repeats is one variant, and reads back as one") {
  const AliasTable table = AliasTable::parse(
      "place:\n  Iran: [Iran, Persia, Persia]\n  Iran: [Persia]\norg:\n  Iran: [Persia]\n");
  CHECK(flat(table) ==
        std::vector<std::string>{"iran|1|Iran", "iran|2|Iran", "persia|1|Iran", "persia|2|Iran"});
  CHECK(flat(AliasTable::from_json(table.to_json())) == flat(table));
  // A section and a name given twice: the name's later variants come after another
  // name's, and "Blair" stays an alias of the first name that listed it.
  const AliasTable twice = AliasTable::parse(
      "org:\n  North Blair: [America]\n  North Air: [Blair]\norg:\n"
      "  North Blair: [Blair, Nob]\nplace:\n  Chad: [Tchad]\n");
  const AliasTable back = AliasTable::from_json(twice.to_json());
  CHECK(flat(back) == flat(twice));
  CHECK(back.find(kOrg, "blair")->canonical == "North Air");
  CHECK(back.find(kOrg, "nob")->canonical == "North Blair");
  CHECK(twice.to_json() == R"([["org","North Blair","America"],["org","North Air","Blair"],)"
                           R"(["org","North Blair","Blair","Nob"],["place","Chad","Tchad"]])");
}

TEST_CASE("alias JSON that is not the table's own form is refused") {
  CHECK_THROWS_AS(AliasTable::from_json("not json"), std::runtime_error);
  CHECK_THROWS_AS(AliasTable::from_json("[1, 2]"), std::runtime_error);
  CHECK_THROWS_AS(AliasTable::from_json(R"({"place": {"Mars": []}})"), std::runtime_error);
  CHECK_THROWS_AS(AliasTable::from_json(R"([["planet", "Mars"]])"), std::runtime_error);
  CHECK_THROWS_AS(AliasTable::from_json(R"([["place", "Mars", 1]])"), std::runtime_error);
  CHECK_THROWS_AS(AliasTable::from_json(R"([["place"]])"), std::runtime_error);
  CHECK(AliasTable::from_json(R"([["place", "Mars"]])").find(kLoc, "MARS")->canonical == "Mars");
}
