#include "core/ner/alias_table.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

#include "core/ner/text_normalise.h"

namespace newsdex::ner {
namespace {

constexpr const char* kSectionNames[] = {"person", "place", "org", "misc"};

}  // namespace

void AliasTable::add(const std::string& spelling, const Target& target) {
  if (!added_.emplace(target.type, target.canonical, spelling).second) return;
  variants_.emplace(join_key(spelling), target);
  by_name_key_.emplace(name_key(spelling), target);
  spellings_.emplace_back(spelling, target);
}

const AliasTable::Target* AliasTable::find(int type, std::string_view mention) const {
  auto [begin, end] = by_name_key_.equal_range(name_key(mention));
  for (auto it = begin; it != end; ++it) {
    if (it->second.type == type) return &it->second;
  }
  return nullptr;
}

std::string AliasTable::to_json() const {
  // One entry per run of spellings of one target. A target's first run begins with its
  // canonical name, which from_json adds anyway; a later run (the list named it again)
  // adds only spellings not seen before, as add() does.
  nlohmann::json entries = nlohmann::json::array();
  const Target* run = nullptr;
  for (const auto& [spelling, target] : spellings_) {
    if (!run || run->type != target.type || run->canonical != target.canonical) {
      entries.push_back({kSectionNames[target.type], target.canonical});
      run = &target;
      if (spelling == target.canonical) continue;
    }
    entries.back().push_back(spelling);
  }
  return entries.dump();
}

AliasTable AliasTable::from_json(const std::string& json_text) {
  AliasTable table;
  try {
    const auto entries = nlohmann::json::parse(json_text);
    if (!entries.is_array()) throw std::runtime_error("expected an array of entries");
    for (const auto& entry : entries) {
      if (!entry.is_array() || entry.size() < 2)
        throw std::runtime_error("expected entries [section, name, variant...]");
      const std::string section = entry[0].get<std::string>();
      int type = -1;
      for (int t = 0; t < 4; ++t)
        if (section == kSectionNames[t]) type = t;
      if (type < 0) throw std::runtime_error("unknown section '" + section + "'");
      const Target target{type, entry[1].get<std::string>()};
      table.add(target.canonical, target);
      for (std::size_t i = 2; i < entry.size(); ++i) table.add(entry[i].get<std::string>(), target);
    }
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(std::string("aliases: ") + e.what());
  }
  return table;
}

}  // namespace newsdex::ner
