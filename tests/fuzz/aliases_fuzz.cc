// The alias list on any file, and its JSON form on any bytes: the YAML reader refuses
// with a std::runtime_error, or what it accepts is stored in the database (to_json) and
// read back by newsdex (from_json) as the same table. from_json, which reads whatever a
// damaged database holds, refuses with a std::runtime_error and nothing else.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/ner/alias_table.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

// Every variant key with its target, in the table's order: what find() answers from.
std::vector<std::string> flat(const newsdex::ner::AliasTable& table) {
  std::vector<std::string> out;
  for (const auto& [key, target] : table.variants())
    out.push_back(key + '\0' + std::to_string(target.type) + '\0' + target.canonical);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using newsdex::fuzz::check;
  using newsdex::ner::AliasTable;
  const std::string input(reinterpret_cast<const char*>(data), size);
  try {
    const AliasTable table = AliasTable::parse(input);
    const std::string json = table.to_json();
    // Not a runtime_error here: what newsdexd writes, newsdex must read.
    const AliasTable back = AliasTable::from_json(json);
    check(flat(back) == flat(table), "the stored alias list reads back the same");
    check(back.to_json() == json, "the stored alias list writes back the same");
  } catch (const std::runtime_error&) {
  }
  try {
    (void)AliasTable::from_json(input);
  } catch (const std::runtime_error&) {
  }
  return 0;
}
