#include "core/ner/alias_table.h"

#include <yaml-cpp/yaml.h>

#include <stdexcept>

#include "core/ner/text_normalise.h"

namespace newsdex::ner {

AliasTable AliasTable::parse(const std::string& yaml_text) {
  AliasTable table;
  if (yaml_text.empty()) return table;
  static const std::map<std::string, int> kSections = {
      {"person", 0}, {"place", 1}, {"org", 2}, {"misc", 3}};
  try {
    YAML::Node root = YAML::Load(yaml_text);
    if (!root.IsMap()) throw std::runtime_error("expected sections person, place, org, misc");
    for (const auto& section : root) {
      auto name = section.first.as<std::string>();
      auto it = kSections.find(name);
      if (it == kSections.end()) throw std::runtime_error("unknown section '" + name + "'");
      if (!section.second.IsMap()) continue;
      for (const auto& entry : section.second) {
        Target target{it->second, entry.first.as<std::string>()};
        table.add(target.canonical, target);
        if (!entry.second.IsSequence()) continue;
        for (const auto& variant : entry.second) table.add(variant.as<std::string>(), target);
      }
    }
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(std::string("aliases: ") + e.what());
  }
  return table;
}

void AliasTable::add(const std::string& spelling, const Target& target) {
  variants_.emplace(join_key(spelling), target);
  by_name_key_.emplace(name_key(spelling), target);
}

const AliasTable::Target* AliasTable::find(int type, std::string_view mention) const {
  auto [begin, end] = by_name_key_.equal_range(name_key(mention));
  for (auto it = begin; it != end; ++it) {
    if (it->second.type == type) return &it->second;
  }
  return nullptr;
}

}  // namespace newsdex::ner
