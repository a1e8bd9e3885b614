// The editable alias list (schemas/aliases.yaml): variant spellings that name the same
// entity across articles ("U.S.", "USA", "America" -> "United States").
//
// Format: sections person, place, org, misc; each maps a canonical name to a list of
// variants. Matching uses name_key, so case, diacritics, quotes, possessives and an
// initial's full stop do not matter.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace newsdex::ner {

class AliasTable {
 public:
  struct Target {
    int type;  // 0 PER, 1 LOC, 2 ORG, 3 MISC (the tagger's type numbers)
    std::string canonical;
  };

  // Throws std::runtime_error on malformed YAML, an unknown section or a name that is
  // not UTF-8 (naming its line). Defined in
  // alias_yaml.cc, apart from the rest: newsdex reads the table an index was built with
  // as JSON (to_json), and so links no YAML parser, whose start-up every call would pay.
  static AliasTable parse(const std::string& yaml_text);

  // The table as JSON, and back: an array of entries [section, canonical name,
  // variant...] in the order the list gave them ([["place", "United States", "U.S.",
  // "US"], ...]), so that a table read back answers find() exactly as the one written,
  // even when the list names a section or a name twice. from_json throws
  // std::runtime_error on anything else.
  std::string to_json() const;
  static AliasTable from_json(const std::string& json_text);

  // The canonical name for a mention of `type`, or nullptr. A variant listed under another
  // type still matches ("Washington" tagged ORG is not renamed by a place alias).
  const Target* find(int type, std::string_view mention) const;

  // join_key(variant) -> target, canonical names included as their own variants: what
  // training adds to the gazetteer.
  const std::multimap<std::string, Target>& variants() const { return variants_; }

 private:
  // `spelling` of `target`, once however often the list repeats it; the canonical name
  // is added as its own first spelling.
  void add(const std::string& spelling, const Target& target);
  std::multimap<std::string, Target> variants_;
  std::multimap<std::string, Target> by_name_key_;             // what find() looks up
  std::vector<std::pair<std::string, Target>> spellings_;      // as added, for to_json
  std::set<std::tuple<int, std::string, std::string>> added_;  // type, canonical, spelling
};

}  // namespace newsdex::ner
