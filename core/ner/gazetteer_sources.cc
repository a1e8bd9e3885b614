#include "core/ner/gazetteer_sources.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/ner/alias_table.h"

namespace newsdex::ner {
namespace {

nlohmann::json read_json(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open (is the iso-codes package installed?)");
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(path + ": " + e.what());
  }
}

// iso-codes writes some names as "Korea, Republic of" or "Bonaire, Sint Eustatius and Saba",
// and regions with alternatives "A;B" or a parenthesised remark: keep the plain forms.
void add_iso_name(Gazetteer& g, GazetteerCategory category, std::string name) {
  std::size_t paren = name.find(" (");
  if (paren != std::string::npos) name.resize(paren);
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t end = name.find_first_of(";/", start);
    if (end == std::string::npos) end = name.size();
    std::string part = name.substr(start, end - start);
    while (!part.empty() && part.front() == ' ') part.erase(part.begin());
    while (!part.empty() && part.back() == ' ') part.pop_back();
    if (!part.empty() && part.find(',') == std::string::npos) g.add(category, part);
    start = end + 1;
  }
}

}  // namespace

Gazetteer build_gazetteer(const std::string& iso_codes_dir, const std::string& lists_yaml_path,
                          const std::string& aliases_yaml) {
  Gazetteer g;
  for (const char* file : {"iso_3166-1.json", "iso_3166-3.json"}) {
    std::string path = iso_codes_dir + "/" + file;
    nlohmann::json doc = read_json(path);
    for (const auto& [section, entries] : doc.items()) {
      for (const auto& entry : entries) {
        for (const char* field : {"name", "common_name", "official_name"}) {
          if (entry.contains(field)) {
            add_iso_name(g, GazetteerCategory::Country, entry[field].get<std::string>());
          }
        }
      }
    }
  }
  nlohmann::json regions = read_json(iso_codes_dir + "/iso_3166-2.json");
  for (const auto& [section, entries] : regions.items()) {
    for (const auto& entry : entries) {
      if (entry.contains("name")) {
        add_iso_name(g, GazetteerCategory::Region, entry["name"].get<std::string>());
      }
    }
  }
  try {
    YAML::Node lists = YAML::LoadFile(lists_yaml_path);
    for (const auto& section : lists) {
      GazetteerCategory category;
      auto name = section.first.as<std::string>();
      if (!parse_gazetteer_category(name, category)) {
        throw std::runtime_error("unknown category '" + name + "'");
      }
      for (const auto& phrase : section.second) g.add(category, phrase.as<std::string>());
    }
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(lists_yaml_path + ": " + e.what());
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(lists_yaml_path + ": " + e.what());
  }
  AliasTable aliases = AliasTable::parse(aliases_yaml);
  for (const auto& [variant, target] : aliases.variants()) {
    GazetteerCategory category = target.type == 0   ? GazetteerCategory::Person
                                 : target.type == 2 ? GazetteerCategory::Organisation
                                                    : GazetteerCategory::Country;
    if (target.type == 3) continue;
    g.add(category, variant);
    g.add(category, target.canonical);
  }
  return g;
}

}  // namespace newsdex::ner
