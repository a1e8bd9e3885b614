// Locating the data files newsdex ships (schemas, the alias and gazetteer lists, the
// tagger's model) from the binary's own place: an installed binary in PREFIX/bin reads
// PREFIX/share/newsdex, and a binary in a build folder's bin/ reads the build folder's
// share/newsdex, which CMake fills with links into the source tree. No path is compiled
// in, so an installed newsdex never depends on the checkout it was built from.
#pragma once

#include <string>

namespace newsdex {

// The folder of the shipped data: $NEWSDEX_DATA_DIR when set (a packager's or a test's
// override), else <dir of the executable>/../share/newsdex.
std::string data_dir();

// data_dir()/relative, e.g. find_resource("schemas/news.yaml"). The path is returned
// whether or not it exists, so that an error message names the place that was looked in.
std::string find_resource(const std::string& relative);

}  // namespace newsdex
