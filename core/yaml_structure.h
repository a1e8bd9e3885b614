// What yaml-cpp's document tree hides: a key given twice in one mapping (the tree
// keeps the first, so the second is silently ignored) and a second document after
// "---" (YAML::Load reads only the first). Both are read from the parser's events,
// which still carry every key and its line.
#pragma once

#include <string>

namespace newsdex {

// Throws UsageError "FILE:LINE: ..." naming the repeated key (at its second place)
// or the second document; YAML syntax errors as "FILE:LINE: ..." too.
void check_yaml_structure(const std::string& yaml_text, const std::string& file);

}  // namespace newsdex
