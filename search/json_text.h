// JSON text appended to a string, byte for byte as nlohmann's dump(-1, ' ', false,
// error_handler_t::replace) writes it. The result pages of search are written this way
// rather than built as nlohmann objects and dumped: building and dumping the objects
// was a fifth of a --batch query.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace newsdex {

// `s` as a JSON string, quotes included: '"', '\\' and control characters escaped
// (\u00XX in lower-case hex for those without a short form), other bytes as they are;
// a string that is not well-formed UTF-8 has U+FFFD for its bad bytes, as nlohmann's
// replace handler writes it.
void append_json_string(std::string& out, std::string_view s);
void append_json_number(std::string& out, std::uint64_t n);
// The shortest text that reads back as `x` (nlohmann's grisu2: "2.0", "1e-07"), null
// for infinities and NaN.
void append_json_number(std::string& out, double x);

}  // namespace newsdex
