// The configuration file reader on any text: it refuses with a UsageError naming the file
// and line, or every value it accepts is one of its keys, once, with a value that key's
// own check accepts; never a crash, a leak or a hang.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "core/config.h"
#include "core/errors.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using newsdex::fuzz::check;
  const std::string text(reinterpret_cast<const char*>(data), size);
  newsdex::UserConfig config;
  try {
    config = newsdex::parse_config(text, "fuzz.conf");
  } catch (const newsdex::UsageError& e) {
    check(std::string(e.what()).starts_with("fuzz.conf:"), "an error names the file and line");
    return 0;
  }
  std::set<std::string> seen;
  for (const auto& [key, value] : config.values) {
    const newsdex::ConfigKey* known = newsdex::find_config_key(key);
    check(known != nullptr, "an accepted key is a known key");
    check(seen.insert(key).second, "an accepted key is given once");
    check(known->check == nullptr || known->check(value).empty(),
          "an accepted value passes its key's check");
    check(config.get(key) == value, "get() gives the value read");
  }
  return 0;
}
