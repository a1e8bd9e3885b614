// Building the gazetteer at training time from Debian's iso-codes and our YAML lists.
#pragma once

#include <string>

#include "core/ner/gazetteer.h"

namespace newsdex::ner {

// `iso_codes_dir`: /usr/share/iso-codes/json (countries from iso_3166-1 and -3, regions from
// iso_3166-2). `lists_yaml`: schemas/gazetteer.yaml, a map from category name to a list of
// phrases. `aliases_yaml`: the text of schemas/aliases.yaml, whose names and variants are
// added too. Throws std::runtime_error("FILE: ...") when a file is missing or malformed.
Gazetteer build_gazetteer(const std::string& iso_codes_dir, const std::string& lists_yaml_path,
                          const std::string& aliases_yaml);

}  // namespace newsdex::ner
