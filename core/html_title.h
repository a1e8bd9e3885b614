// A page's <title> names the site as well as the story: "Headline | Site", "Headline -
// Site News", "Site: Headline". The headline alone is the article's title.
#pragma once

#include <string>
#include <string_view>

namespace newsdex {

// `title` without the site's name. `site_name` (og:site_name; may be empty), `h1` (the
// page's first heading; may be empty) and `host` (the URL's host; may be empty) say
// which part is the headline: a part equal to the <h1>, else the parts that are not the
// site, else, with a site unknown, the longest part when the others are short.
std::string strip_site_name(std::string_view title, std::string_view site_name, std::string_view h1,
                            std::string_view host);

}  // namespace newsdex
