// What a news page says about itself, outside its text: the <head>'s meta tags (Open
// Graph, Twitter cards, Dublin Core, the names CMSs write), <link rel=canonical>,
// <html lang>, <time datetime> and schema.org JSON-LD. Each field takes the first source
// that gives it, in the order publishers are most careful with.
#pragma once

#include <gumbo.h>

#include <string>
#include <vector>

namespace newsdex {

struct HtmlMetadata {
  std::string title;  // og:title, twitter:title, JSON-LD headline, <title>, first <h1>
  // The first <h1>'s text, then those of the first <h2>, <h3>, <b>, <strong>: where the
  // page prints its headline, which the title is checked against.
  std::vector<std::string> headings;
  std::string site_name;  // og:site_name, JSON-LD publisher.name, application-name
  std::string date;       // YYYYMMDD of the publication date; "" when the page gives none
  std::vector<std::string> authors;
  std::string url;           // absolute canonical URL
  std::string language;      // ISO 639-1, lowercase ("en" of "en-GB")
  std::string json_ld_body;  // JSON-LD articleBody, for pages whose text only scripts draw
};

HtmlMetadata read_html_metadata(const GumboNode* root);

}  // namespace newsdex
