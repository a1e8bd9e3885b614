// Text repair: any bytes a file holds become valid UTF-8, and repairing that again
// finds nothing invalid.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/text_repair.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using newsdex::fuzz::check;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  newsdex::looks_binary(bytes);
  newsdex::RepairReport report;
  const std::string text = newsdex::repair_text(bytes, report);
  check(newsdex::fuzz::valid_utf8(text), "repair_text returns valid UTF-8");
  newsdex::describe_repairs(report);
  newsdex::RepairReport again;
  newsdex::repair_text(text, again);
  check(again.invalid_sequences == 0, "repaired text has no invalid sequence left");
  return 0;
}
