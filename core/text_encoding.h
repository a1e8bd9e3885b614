// Which encoding a file's bytes are in, before they are read as UTF-8. Articles come
// from editors and exports that write UTF-16 (Windows' "Unicode"), or UTF-8 with a
// byte-order mark: those are text, not binary files. A file in UTF-16 is turned into
// UTF-8 here; everything else is left to text repair (invalid UTF-8 and mojibake).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsdex {

// The UTF-8 form of `bytes` when they are UTF-16 (a byte-order mark FF FE or FE FF,
// or, without one, the zero bytes every other byte that ASCII-range UTF-16 has), with
// unpaired surrogates replaced by U+FFFD; nothing when they are not UTF-16. `name` is
// set to the encoding found ("UTF-16LE").
std::optional<std::string> utf16_to_utf8(std::string_view bytes, std::string* name = nullptr);

}  // namespace newsdex
