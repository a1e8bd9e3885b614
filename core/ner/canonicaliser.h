// Canonical names: the one spelling under which all mentions of an entity are faceted.
//
// Within an article, a partial person name joins the longer name that contains it ("Trump"
// -> "Donald Trump", and "Mr Trump" too: titles are dropped from people's names); across articles,
// the alias list joins variants ("U.S." -> "United States"). Case, whitespace, quotes, possessives
// and diacritics are ignored for joining, while the canonical keeps proper capitalisation (headline
// "MOSCOW" -> "Moscow").
#pragma once

#include <string>
#include <vector>

#include "core/ner/alias_table.h"
#include "core/ner/lexicon.h"

namespace newsdex::ner {

struct Mention {
  int type;               // 0 PER, 1 LOC, 2 ORG, 3 MISC
  std::string text;       // exact input text
  std::string canonical;  // filled in by canonicalise()
};

class Canonicaliser {
 public:
  // `lexicon` (may be null) tells a headline's "MOSCOW" (usually "Moscow") from an
  // acronym such as "IAAF" that keeps its capitals.
  explicit Canonicaliser(const AliasTable& aliases, const Lexicon* lexicon = nullptr)
      : aliases_(aliases), lexicon_(lexicon) {}

  // Sets `canonical` of every mention of one article (in reading order); may change the
  // type of a mention that is the surname of a person named in full elsewhere in the article.
  void canonicalise(std::vector<Mention>& mentions) const;

 private:
  const AliasTable& aliases_;
  const Lexicon* lexicon_;
};

// The usual case of a name met only in capitals: each all-caps word takes the spelling
// the lexicon says it usually has ("MOSCOW" -> "Moscow"); a word the lexicon knows in
// capitals, or does not know and is short enough to be an acronym (five letters at
// most: "UKIP", "GPRS"), keeps them. Other words are left alone.
std::string usual_case(std::string_view display, const Lexicon* lexicon);

// A mention's display form: whitespace collapsed, curly quotes straightened, surrounding
// quotes and a possessive removed, original capitalisation kept.
std::string display_form(std::string_view text);

// A person's name without a leading title: "Mr Blair" -> "Blair", "Dr. Jane Doe" ->
// "Jane Doe"; a title alone ("Mr") is kept.
std::string_view without_honorific(std::string_view name);

}  // namespace newsdex::ner
