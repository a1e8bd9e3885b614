#include <doctest/doctest.h>

#include "core/ner/canonicaliser.h"
#include "core/ner/text_normalise.h"

using namespace newsdex::ner;

namespace {

constexpr int kPer = 0, kLoc = 1, kOrg = 2;

const AliasTable& aliases() {
  static const AliasTable table = AliasTable::parse(R"(
place:
  United States: [U.S., US, USA, America]
  United Kingdom: [UK, Britain, Great Britain]
org:
  North Atlantic Treaty Organization: [NATO]
)");
  return table;
}

std::vector<std::string> canonicals(std::vector<Mention> mentions) {
  Canonicaliser(aliases()).canonicalise(mentions);
  std::vector<std::string> out;
  for (const Mention& m : mentions) out.push_back(m.canonical);
  return out;
}

}  // namespace

TEST_CASE("a surname joins the full name seen in the article") {
  CHECK(canonicals({{kPer, "Donald Trump", ""},
                    {kPer, "Trump", ""},
                    {kPer, "Peskov", ""},
                    {kPer, "Dmitry Peskov", ""}}) ==
        std::vector<std::string>{"Donald Trump", "Donald Trump", "Dmitry Peskov", "Dmitry Peskov"});
}

TEST_CASE("a title is not part of a person's name: Mr Blair joins Tony Blair") {
  CHECK(
      canonicals({{kPer, "Tony Blair", ""},
                  {kPer, "Mr Blair", ""},
                  {kPer, "Mrs. Thatcher", ""},
                  {kPer, "DR JANE SMITH", ""},
                  {kOrg, "Dr Pepper", ""}}) ==
      std::vector<std::string>{"Tony Blair", "Tony Blair", "Thatcher", "Jane Smith", "Dr Pepper"});
  CHECK(without_honorific("Mr") == "Mr");
  CHECK(without_honorific("Mr ") == "Mr ");
  CHECK(without_honorific("Mister Rogers") == "Mister Rogers");
  CHECK(without_honorific("Ms Jones") == "Jones");
}

TEST_CASE("a bare surname tagged as an organisation or place becomes the person") {
  std::vector<Mention> mentions = {{kPer, "Boris Yeltsin", ""}, {kOrg, "Yeltsin", ""}};
  Canonicaliser(aliases()).canonicalise(mentions);
  CHECK(mentions[1].type == kPer);
  CHECK(mentions[1].canonical == "Boris Yeltsin");
}

TEST_CASE("two people with one surname: the nearest earlier full name wins") {
  CHECK(canonicals({{kPer, "Bill Clinton", ""},
                    {kPer, "Clinton", ""},
                    {kPer, "Hillary Clinton", ""},
                    {kPer, "Clinton", ""}}) ==
        std::vector<std::string>{"Bill Clinton", "Bill Clinton", "Hillary Clinton",
                                 "Hillary Clinton"});
}

TEST_CASE("aliases join across articles, whatever the case, quotes or possessive") {
  CHECK(canonicals({{kLoc, "U.S.", ""},
                    {kLoc, "us", ""},
                    {kLoc, "America's", ""},
                    {kLoc, "“Britain”", ""},
                    {kOrg, "NATO’s", ""}}) ==
        std::vector<std::string>{"United States", "United States", "United States",
                                 "United Kingdom", "North Atlantic Treaty Organization"});
}

TEST_CASE("an alias of another type does not apply") {
  CHECK(canonicals({{kPer, "America", ""}}) == std::vector<std::string>{"America"});
}

TEST_CASE("possessives and curly quotes are dropped, capitalisation kept") {
  CHECK(canonicals({{kPer, "Trump’s", ""}}) == std::vector<std::string>{"Trump"});
  CHECK(canonicals({{kPer, "Jones'", ""}}) == std::vector<std::string>{"Jones"});
  CHECK(canonicals({{kOrg, "Twitter 's", ""}}) == std::vector<std::string>{"Twitter"});
  CHECK(display_form("New\xC2\xA0  York") == "New York");
}

TEST_CASE("headline capitals take the article's spelling, else title case") {
  CHECK(canonicals({{kLoc, "MOSCOW", ""}, {kLoc, "Moscow", ""}}) ==
        std::vector<std::string>{"Moscow", "Moscow"});
  CHECK(canonicals({{kLoc, "UNITED STATES", ""}}) == std::vector<std::string>{"United States"});
  CHECK(canonicals({{kLoc, "BOSNIA AND HERZEGOVINA", ""}}) ==
        std::vector<std::string>{"Bosnia and Herzegovina"});
}

TEST_CASE("acronyms keep their capitals; a headline's words take their usual case") {
  CHECK(canonicals({{kOrg, "UKIP", ""}, {kOrg, "GPRS", ""}}) ==
        std::vector<std::string>{"UKIP", "GPRS"});
  CHECK(canonicals({{kOrg, "IAAF World Cross Country Championships", ""}}) ==
        std::vector<std::string>{"IAAF World Cross Country Championships"});
  CHECK(canonicals({{kLoc, "KAZAKHSTAN", ""}}) == std::vector<std::string>{"Kazakhstan"});
  Lexicon lexicon;
  lexicon.insert("moscow", {Lexicon::Casing::Capitalised, "Moscow"});
  lexicon.insert("iaaf", {Lexicon::Casing::AllCaps, "IAAF"});
  lexicon.insert("of", {Lexicon::Casing::Lower, "of"});
  lexicon.insert("bank", {Lexicon::Casing::Capitalised, "Bank"});
  CHECK(usual_case("MOSCOW", &lexicon) == "Moscow");
  CHECK(usual_case("IAAF", &lexicon) == "IAAF");
  CHECK(usual_case("BANK OF ENGLAND", &lexicon) == "Bank of England");
  CHECK(usual_case("NASA chief", &lexicon) == "NASA chief");
  CHECK(usual_case("OF COURSE", &lexicon) == "Of Course");
  // A short word in capitals that the lexicon knows in lower case ("us", "who") is an
  // acronym unless a longer word in capitals beside it makes the name a headline.
  lexicon.insert("us", {Lexicon::Casing::Lower, "us"});
  lexicon.insert("who", {Lexicon::Casing::Lower, "who"});
  lexicon.insert("securities", {Lexicon::Casing::Capitalised, "Securities"});
  CHECK(usual_case("US Securities and Exchange Commission", &lexicon) ==
        "US Securities and Exchange Commission");
  CHECK(usual_case("US", &lexicon) == "US");
  CHECK(usual_case("WHO", &lexicon) == "WHO");
  CHECK(usual_case("US TV", &lexicon) == "US TV");                  // short words alone: acronyms
  CHECK(usual_case("US SECURITIES", &lexicon) == "Us Securities");  // a headline
}

TEST_CASE("diacritics are ignored for joining but kept in the canonical") {
  CHECK(join_key("Müller") == join_key("MULLER"));
  CHECK(join_key("Trump’s") == "trump");
  CHECK(canonicals({{kPer, "Thomas Müller", ""}, {kPer, "Muller", ""}}) ==
        std::vector<std::string>{"Thomas Müller", "Thomas Müller"});
}

TEST_CASE("a middle initial joins with or without its full stop") {
  CHECK(name_key("George W. Bush") == name_key("George W Bush"));
  CHECK(name_key("J. K. Rowling") == "j k rowling");
  // Abbreviations are not initials: their stops stay, so U.S. and US remain distinct keys
  // (the alias list joins them).
  CHECK(name_key("U.S.") == "u.s.");
  CHECK(name_key("U.S. Army") == "u.s. army");
  CHECK(name_key("Washington D.C.") == "washington d.c.");
  // The gazetteer's key keeps the stop: the shipped model was trained with it.
  CHECK(join_key("George W. Bush") == "george w. bush");
  const auto names =
      canonicals({{kPer, "George W Bush", ""}, {kPer, "George W. Bush", ""}, {kPer, "Bush", ""}});
  CHECK(names[1] == names[0]);
  CHECK(names[2] == names[0]);
}
