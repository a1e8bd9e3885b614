// The HTML format: a web page is one article. Its title, date, authors, publisher,
// canonical URL and language come from what the page says about itself (meta tags,
// JSON-LD, <html lang>: html_metadata.h), its body from the main text alone
// (html_main_text.h), parsed by Gumbo as a browser parses HTML5.
#pragma once

#include <string_view>

#include "core/article_parser.h"
#include "core/article_reader.h"
#include "core/schema.h"

namespace newsdex {

class HtmlReader : public ArticleReader {
 public:
  explicit HtmlReader(const Schema& schema) : parser_(schema) {}

  // One article (empty key), or none for a page without text.
  std::vector<FileArticle> read(std::string_view text, const std::string& relative,
                                std::int64_t mtime) override;

 private:
  // Section, dateline and the date's fallbacks, as for plain text.
  ArticleParser parser_;
};

// Whether the start of a file is HTML: a doctype, or <html>, <head> or <body> first,
// after whitespace and comments.
bool looks_like_html(std::string_view head);

}  // namespace newsdex
