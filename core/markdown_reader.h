// Markdown files, with or without front matter: one article per file. YAML front
// matter between '---' lines (closed by '---' or '...') gives the title, date, topics
// (tags, categories, keywords), authors, language, URL and source; the body is the
// Markdown rendered to plain text by cmark (CommonMark), so that markup, link targets
// and image paths are not words, while link text, image alt text and code are.
#pragma once

#include <string>
#include <string_view>

#include "core/article_reader.h"
#include "core/schema.h"

namespace newsdex {

class MarkdownReader : public ArticleReader {
 public:
  explicit MarkdownReader(const Schema& schema) : schema_(schema) {}

  // One whole-file article (empty key). Front matter that is not YAML, not a mapping,
  // or not closed gives one failed record with the line of the mistake, and the file
  // is reported as failed.
  std::vector<FileArticle> read(std::string_view text, const std::string& relative,
                                std::int64_t mtime) override;

 private:
  const Schema& schema_;
};

// The text of a Markdown document as a reader sees it: block elements (paragraphs,
// headings, list items, quotes, code blocks) separated by blank lines, inline markup
// gone, character references decoded, raw HTML without its tags. `title`, when not
// null, receives the first heading if the document opens with one (else its first
// level-1 heading), which is then left out of the text.
std::string markdown_to_text(std::string_view markdown, std::string* title = nullptr);

// Whether `head` opens with front matter: a '---' line, YAML with a key, and a closing
// '---' or '...' line (or TOML between '+++' lines).
bool sniff_markdown(std::string_view head);

}  // namespace newsdex
