// The plain-text format: a file is one article, its first non-empty line the title
// and the rest the body (ArticleParser reads the fields as the schema describes).
#pragma once

#include "core/article_parser.h"
#include "core/article_reader.h"
#include "core/schema.h"

namespace newsdex {

class PlainTextReader : public ArticleReader {
 public:
  explicit PlainTextReader(const Schema& schema) : parser_(schema) {}

  // Always one article, the whole file (empty key).
  std::vector<FileArticle> read(std::string_view text, const std::string& relative,
                                std::int64_t mtime) override;

 private:
  ArticleParser parser_;
};

}  // namespace newsdex
