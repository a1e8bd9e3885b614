// A page's <title> names the site as well as the story: "Headline | Site", "Headline -
// Site News", "Site: Headline". The headline alone is the article's title.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

// `title` without the site's name. `site_name` (og:site_name; may be empty), `headings`
// (the page's <h1>, then other headings; may be empty) and `host` (the URL's host; may be
// empty) say which part is the headline: a part that the page prints as a heading, else
// the parts that are not the site, else, with a site unknown, a short last part after a
// headline of several words is dropped.
std::string strip_site_name(std::string_view title, std::string_view site_name,
                            const std::vector<std::string>& headings, std::string_view host);

}  // namespace newsdex
