// A --batch line (a query, or a JSON request object) applied as each batch command
// applies it: a UsageError for what a command does not take, or options set; never
// another exception, a crash, a leak or a hang.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/errors.h"
#include "search/batch_request.h"
#include "search/search_options.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using newsdex::fuzz::check;
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  nlohmann::json request;
  try {
    request = newsdex::parse_request_line(line);
  } catch (const newsdex::UsageError&) {
    const auto first = line.find_first_not_of(" \t\r");
    check(first != std::string_view::npos && line[first] == '{',
          "only a line starting with '{' (after blanks) is refused");
    return 0;
  }
  check(request.is_object(), "a request is an object");
  for (const auto keys :
       {newsdex::RequestKeys::Count, newsdex::RequestKeys::Search, newsdex::RequestKeys::Facets}) {
    newsdex::SearchOptions options;
    std::string field;
    try {
      newsdex::apply_request(request, keys, options,
                             keys == newsdex::RequestKeys::Facets ? &field : nullptr);
    } catch (const newsdex::UsageError&) {
    }
  }
  return 0;
}
