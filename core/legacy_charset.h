// Files that are neither UTF-8 nor UTF-16: Latin-1 and Windows-1252 archives, Shift_JIS
// or GB18030 pages, KOI8-R wires. Their charset is what the file declares (an HTML
// <meta charset>, an http-equiv Content-Type, an <?xml encoding?>) or, without a
// declaration, what ICU's charset detector is confident of; the text is converted to
// UTF-8 before any reader sees it, so readers ignore declarations.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsdex {

// The charset the first kilobytes of `bytes` declare, as written ("ISO-8859-1"), or
// "" when none: <?xml ... encoding="X"?>, <meta charset="X">, <meta http-equiv=
// "Content-Type" content="...; charset=X">.
std::string declared_charset(std::string_view bytes);

// The UTF-8 form of `bytes` when they are not valid UTF-8 and their charset is known:
// declared, else detected with confidence. Nothing for valid UTF-8, for UTF-8 with a
// few damaged sequences among good ones (text repair's work), and for bytes no charset
// fits. `name` is set to the charset converted from ("windows-1252"). ISO-8859-1 and
// US-ASCII are read as Windows-1252, as browsers do (WHATWG Encoding): its 0x80-0x9F
// are the curly quotes and dashes such files really hold.
std::optional<std::string> legacy_to_utf8(std::string_view bytes, std::string* name = nullptr);

}  // namespace newsdex
