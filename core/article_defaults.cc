#include "core/article_defaults.h"

#include "core/article_parser.h"

namespace newsdex {

std::string section_of(const Schema& schema, const std::string& relative) {
  if (!schema.section_from_folder) return {};
  const auto slash = relative.rfind('/');
  if (slash == std::string::npos) return {};
  const std::string parent = relative.substr(0, slash);
  const auto up = parent.rfind('/');
  return up == std::string::npos ? parent : parent.substr(up + 1);
}

void apply_date_fallback(Article& a, const Schema& schema, std::int64_t mtime) {
  a.date_from_text = !a.date.empty();
  if (a.date.empty() && schema.date_from_mtime) a.date = date_of_mtime(mtime);
}

}  // namespace newsdex
