// The word-cluster file (`newsdex-ner clusters` output, or Liang's Brown "paths" file)
// on any text: read_clusters refuses it with "line N: ..." or gives paths of at most 32
// steps; never a crash, a leak or a hang.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>

#include "core/ner/cluster_builder.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using newsdex::fuzz::check;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  try {
    const newsdex::ner::WordClusters clusters = newsdex::ner::read_clusters(in);
    check(clusters.size() <= size, "no more words than lines");
  } catch (const std::runtime_error& e) {
    check(std::string(e.what()).starts_with("line "), "an error names its line");
  }
  return 0;
}
