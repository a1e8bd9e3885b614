// AliasTable::parse, the one part of the alias table that needs yaml-cpp (alias_table.h).
#include <unicode/utf8.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <stdexcept>
#include <string>

#include "core/ner/alias_table.h"

namespace newsdex::ner {
namespace {

// A name as the YAML gives it, refused unless it is UTF-8: the table is stored in the
// database as JSON, which holds nothing else, and names are compared as UTF-8 text.
std::string utf8_name(const YAML::Node& node) {
  std::string name = node.as<std::string>();
  const auto* bytes = reinterpret_cast<const uint8_t*>(name.data());
  const auto length = static_cast<int32_t>(name.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0)
      throw std::runtime_error("aliases: line " + std::to_string(node.Mark().line + 1) +
                               ": a name that is not UTF-8");
  }
  return name;
}

}  // namespace

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
        Target target{it->second, utf8_name(entry.first)};
        table.add(target.canonical, target);
        if (!entry.second.IsSequence()) continue;
        for (const auto& variant : entry.second) table.add(utf8_name(variant), target);
      }
    }
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(std::string("aliases: ") + e.what());
  }
  return table;
}

}  // namespace newsdex::ner
