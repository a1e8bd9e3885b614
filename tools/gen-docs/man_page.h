// A man page (roff, man(7) macros) from a hand-written template and a Program: the
// template holds the prose (NAME, DESCRIPTION, EXAMPLES, FILES...) and the line
// "@OPTIONS@", replaced by the synopsis of every command and the description of every
// flag, written from the program's own definitions.
#pragma once

#include <string>

#include "tools/gen-docs/cli_model.h"

namespace newsdex::docs {

// The template's text with "@OPTIONS@" replaced. Throws std::runtime_error when the
// template has no such line.
std::string man_page(const std::string& template_text, const Program& program);

// `text` escaped for roff: backslashes, leading dots and quotes, hyphens of options.
std::string roff_escape(const std::string& text);

}  // namespace newsdex::docs
