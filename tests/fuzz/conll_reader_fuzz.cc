// The CoNLL column reader (`newsdex-ner train/eval` input) on any text, with and without
// gold tags: it refuses with "line N: ..." or gives documents whose token line numbers
// point at lines it read; never a crash, a leak or a hang.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>

#include "core/ner/conll_reader.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using newsdex::fuzz::check;
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (const bool gold : {false, true}) {
    std::istringstream in(text);
    try {
      const newsdex::ner::ConllFile file = newsdex::ner::read_conll(in, gold);
      for (const auto& document : file.documents)
        for (const auto& sentence : document.sentences)
          for (const auto start : sentence.starts)
            check(start < file.lines.size(), "a token's line is a line read");
    } catch (const std::runtime_error& e) {
      check(std::string(e.what()).starts_with("line "), "an error names its line");
    }
  }
  return 0;
}
