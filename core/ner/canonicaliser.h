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

namespace newsdex::ner {

struct Mention {
  int type;               // 0 PER, 1 LOC, 2 ORG, 3 MISC
  std::string text;       // exact input text
  std::string canonical;  // filled in by canonicalise()
};

class Canonicaliser {
 public:
  explicit Canonicaliser(const AliasTable& aliases) : aliases_(aliases) {}

  // Sets `canonical` of every mention of one article (in reading order); may change the
  // type of a mention that is the surname of a person named in full elsewhere in the article.
  void canonicalise(std::vector<Mention>& mentions) const;

 private:
  const AliasTable& aliases_;
};

// A mention's display form: whitespace collapsed, curly quotes straightened, surrounding
// quotes and a possessive removed, original capitalisation kept.
std::string display_form(std::string_view text);

// A person's name without a leading title: "Mr Blair" -> "Blair", "Dr. Jane Doe" ->
// "Jane Doe"; a title alone ("Mr") is kept.
std::string_view without_honorific(std::string_view name);

}  // namespace newsdex::ner
