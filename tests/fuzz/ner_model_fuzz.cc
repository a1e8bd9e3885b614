// The tagger's model file on any bytes: parse_model refuses it with std::runtime_error,
// or what it accepts serialises to bytes that parse to a model serialising the same;
// never a crash, a leak, a hang or a huge allocation from a corrupt count.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "core/ner/model.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using newsdex::fuzz::check;
  // The fuzzer mutates after the magic; half the inputs get it so the sections are reached.
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (!bytes.empty() && (bytes[0] & 1)) bytes = "NDXNER02" + bytes.substr(1);
  newsdex::ner::Model model;
  try {
    model = newsdex::ner::parse_model(bytes);
  } catch (const std::runtime_error&) {
    return 0;
  }
  const std::string once = newsdex::ner::serialise_model(model);
  const std::string twice = newsdex::ner::serialise_model(newsdex::ner::parse_model(once));
  check(once == twice, "a model read back serialises the same");
  return 0;
}
