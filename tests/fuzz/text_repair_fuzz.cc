// Text repair and charset conversion: any bytes a file holds become valid UTF-8 the
// way the loader makes them (UTF-16, a declared or detected legacy charset, then
// repair), and repairing that again finds nothing invalid.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/legacy_charset.h"
#include "core/text_encoding.h"
#include "core/text_repair.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using newsdex::fuzz::check;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  newsdex::looks_binary(bytes);
  newsdex::declared_charset(bytes);
  std::string converted(bytes);
  if (auto utf16 = newsdex::utf16_to_utf8(bytes)) {
    converted = std::move(*utf16);
  } else if (!newsdex::has_binary_signature(bytes)) {
    std::string name;
    if (auto legacy = newsdex::legacy_to_utf8(bytes, &name)) {
      check(!name.empty(), "a conversion names its charset");
      converted = std::move(*legacy);
    }
  }
  newsdex::RepairReport report;
  const std::string text = newsdex::repair_text(converted, report);
  check(newsdex::fuzz::valid_utf8(text), "repair_text returns valid UTF-8");
  newsdex::describe_repairs(report);
  newsdex::RepairReport again;
  newsdex::repair_text(text, again);
  check(again.invalid_sequences == 0, "repaired text has no invalid sequence left");
  return 0;
}
