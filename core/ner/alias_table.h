// The editable alias list (schemas/aliases.yaml): variant spellings that name the same
// entity across articles ("U.S.", "USA", "America" -> "United States").
//
// Format: sections person, place, org, misc; each maps a canonical name to a list of
// variants. Matching uses name_key, so case, diacritics, quotes, possessives and an
// initial's full stop do not matter.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace newsdex::ner {

class AliasTable {
 public:
  struct Target {
    int type;  // 0 PER, 1 LOC, 2 ORG, 3 MISC (the tagger's type numbers)
    std::string canonical;
  };

  // Throws std::runtime_error on malformed YAML or an unknown section.
  static AliasTable parse(const std::string& yaml_text);

  // The canonical name for a mention of `type`, or nullptr. A variant listed under another
  // type still matches ("Washington" tagged ORG is not renamed by a place alias).
  const Target* find(int type, std::string_view mention) const;

  // join_key(variant) -> target, canonical names included as their own variants: what
  // training adds to the gazetteer.
  const std::multimap<std::string, Target>& variants() const { return variants_; }

 private:
  void add(const std::string& spelling, const Target& target);
  std::multimap<std::string, Target> variants_;
  std::multimap<std::string, Target> by_name_key_;  // what find() looks up
};

}  // namespace newsdex::ner
