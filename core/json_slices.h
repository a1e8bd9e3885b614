// Where the records of a JSON text lie, found without parsing it into a tree: the
// text's top-level values, the elements of an array, the members of an object, as byte
// ranges. The JSON reader then parses one record at a time, so that a file of a
// million articles costs the memory of one, and a record with a syntax error fails
// alone while the records around it are read.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

struct JsonSlice {
  std::size_t begin = 0, end = 0;  // [begin, end) in the text
  bool truncated = false;          // the text ends inside this value
  std::string key;                 // for an object's member: its name (unescaped)
};

// The end of the JSON value starting at `pos` (which must not be whitespace), found
// lexically: strings with their escapes, brackets nested to any depth (iteratively),
// scalars up to the next delimiter. Nothing is validated; `truncated` is set when the
// text ends first.
std::size_t json_value_end(std::string_view text, std::size_t pos, bool& truncated);

// The values written one after another at the top level of `text` (one for a JSON
// document, many for concatenated JSON).
std::vector<JsonSlice> json_top_values(std::string_view text);

// The elements of the array, or the members of the object (their values, each with its
// `key`), that `container` holds. A missing comma or a stray byte between them ends
// the element it follows; whatever follows is read as the next one.
std::vector<JsonSlice> json_children(std::string_view text, const JsonSlice& container);

// The first line (1-based) of byte `pos`, counting on from a previous answer: `from`
// and `from_line` are a position and its line at or before `pos`.
std::size_t line_at(std::string_view text, std::size_t pos, std::size_t from,
                    std::size_t from_line);

}  // namespace newsdex
