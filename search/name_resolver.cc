#include "name_resolver.h"

#include <yaml-cpp/yaml.h>

#include "resources.h"

namespace newsdex {

NameResolver NameResolver::load(TextAnalyzer& analyzer) {
  NameResolver r;
  YAML::Node root;
  try {
    root = YAML::LoadFile(find_resource("schemas/aliases.yaml"));
  } catch (const YAML::Exception&) {
    return r;  // no alias list: names match as they are written
  }
  // canonical: [alias, alias, ...], possibly grouped under type keys.
  auto add_map = [&](const YAML::Node& m) {
    for (const auto& kv : m) {
      if (!kv.second.IsSequence()) continue;
      const std::string canonical = analyzer.fold_phrase(kv.first.as<std::string>());
      for (const auto& alias : kv.second)
        if (alias.IsScalar()) r.add_alias(analyzer.fold_phrase(alias.as<std::string>()), canonical);
    }
  };
  if (root.IsMap()) {
    for (const auto& kv : root) {
      if (kv.second.IsMap()) add_map(kv.second);
    }
    add_map(root);
  }
  return r;
}

std::string NameResolver::key(const std::string& name, TextAnalyzer& analyzer) const {
  std::string folded = analyzer.fold_phrase(name);
  auto it = aliases_.find(folded);
  return it == aliases_.end() ? folded : it->second;
}

}  // namespace newsdex
