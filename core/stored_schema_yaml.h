// The schema a database was built with, parsed again from the YAML text newsdexd stored
// (index_database.h: store_schema). newsdexd resumes with it: an error then names the
// schema file and its line, and an old database without one gets the built-in schema.
// Apart from index_database.cc so that newsdex, which reads the JSON form, links no
// YAML parser.
#pragma once

#include <xapian.h>

#include "core/schema.h"

namespace newsdex {

Schema stored_schema_yaml(const Xapian::Database& db);

}  // namespace newsdex
