#include "core/article_reader.h"

namespace newsdex {

std::string article_id(std::string_view relative, std::string_view key) {
  std::string id(relative);
  if (key.empty()) return id;
  id += '#';
  for (char c : key) {
    if (c == '%')
      id += "%25";
    else if (c == '#')
      id += "%23";
    else
      id += c;
  }
  return id;
}

std::string_view file_of_keyed_id(std::string_view id) {
  const auto hash = id.rfind('#');
  return hash == std::string_view::npos ? id : id.substr(0, hash);
}

}  // namespace newsdex
