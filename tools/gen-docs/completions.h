// Shell completions of a Program for bash, zsh and fish: subcommands, each command's
// flags, the values of --format and the other choices, facet field names for --facet,
// `facets FIELD` and --filter FIELD:, and paths where an option takes a file or folder.
#pragma once

#include <string>
#include <vector>

#include "tools/gen-docs/cli_model.h"

namespace newsdex::docs {

struct FieldNames {
  std::vector<std::string> facets;  // fields --facet and `facets` take
  std::vector<std::string> all;     // fields --filter and the query language take
};

std::string bash_completion(const Program& program, const FieldNames& fields);
std::string zsh_completion(const Program& program, const FieldNames& fields);
std::string fish_completion(const Program& program, const FieldNames& fields);

}  // namespace newsdex::docs
