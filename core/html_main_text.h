// The text of a news page that is the article: not the navigation, menus, banners,
// share buttons, "related" and "most read" boxes, comment sections, newsletter boxes,
// ads and footers around it. A readability-style choice: chrome is removed by what
// elements are (nav, aside, footer), say they are (role, class, id) and look like
// (mostly links), then the container whose paragraphs carry the most prose wins, with
// <article>, <main> and itemprop=articleBody preferred.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>

namespace newsdex {

// The main text of the parsed page `root`: its paragraphs, headings and list items in
// order, separated by blank lines; the heading that repeats `title` left out. "" when
// the page has no text.
std::string html_main_text(const GumboNode* root, std::string_view title);

}  // namespace newsdex
