// Locating the data files that ship with the source tree (schemas, models) from a
// binary in build/bin, an installed copy, or anywhere the environment points to.
#pragma once

#include <string>

namespace newsdex {

// Returns the first existing path among: <dir of executable>/../../<relative>,
// <dir of executable>/../share/newsdex/<relative>, <compiled-in source dir>/<relative>.
// Returns the last candidate when none exists, so error messages name a real place.
std::string find_resource(const std::string& relative);

}  // namespace newsdex
