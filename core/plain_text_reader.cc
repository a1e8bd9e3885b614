#include "core/plain_text_reader.h"

namespace newsdex {

std::vector<FileArticle> PlainTextReader::read(std::string_view text, const std::string& relative,
                                               std::int64_t mtime) {
  std::vector<FileArticle> out(1);
  out.front().article = parser_.parse(text, relative, mtime);
  return out;
}

}  // namespace newsdex
