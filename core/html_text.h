// The text of an HTML fragment, such as the description or content:encoded of a feed
// item: what a reader sees, not the markup.
#pragma once

#include <string>
#include <string_view>

namespace newsdex {

// Scripts, styles and comments dropped, character references decoded, block elements
// (p, div, li, h1...) separated by a blank line, <br> a line break, other runs of
// whitespace one space. Never throws; broken markup gives whatever text it holds.
std::string html_fragment_text(std::string_view html);

}  // namespace newsdex
