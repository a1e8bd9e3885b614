#include "core/stored_schema_yaml.h"

#include <string>

#include "core/layout.h"
#include "core/schema.h"

namespace newsdex {

Schema stored_schema_yaml(const Xapian::Database& db) {
  const std::string text = db.get_metadata(std::string(layout::kSchemaKey));
  const std::string where = db.get_metadata(std::string(layout::kSchemaPathKey));
  if (text.empty()) return load_schema_file(default_schema_path());
  return parse_schema(text, (where.empty() ? "schema" : where) + " (as stored in the database)");
}

}  // namespace newsdex
