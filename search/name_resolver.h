// Names users type in filters and field queries ("US", "u.s.", "Trump") turned into
// the folded canonical keys the index stores ("united states"), through the same
// alias lists the entity tagger uses.
#pragma once

#include <string>
#include <unordered_map>

#include "text_analyzer.h"

namespace newsdex {

class NameResolver {
 public:
  // Loads the alias lists (schemas/aliases.yaml); a missing file means no aliases.
  static NameResolver load(TextAnalyzer& analyzer);

  // The folded key for a name: its alias's canonical name if it has one.
  std::string key(const std::string& name, TextAnalyzer& analyzer) const;

  void add_alias(const std::string& folded_alias, const std::string& folded_canonical) {
    aliases_[folded_alias] = folded_canonical;
  }

 private:
  std::unordered_map<std::string, std::string> aliases_;
};

}  // namespace newsdex
