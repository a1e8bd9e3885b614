#include "search/command.h"

namespace newsdex {

const std::vector<CommandEntry>& command_table() {
  static const std::vector<CommandEntry> table = {
      {"search", "ranked matches with snippets and facets", make_search_command},
      {"count", "print the exact number of matches", make_count_command},
      {"facets", "top values of one facet over the matches", make_facets_command},
      {"show", "one document: fields, entities, terms, text", make_show_command},
      {"similar", "documents like this one", make_similar_command},
      {"copies", "the other articles of a document's story (what search folds in)",
       make_copies_command},
      {"graph", "who appears with whom: entity co-occurrence as DOT or JSON", make_graph_command},
      {"stats", "documents, revision, facet sizes, database size", make_stats_command},
      {"status", "the indexing daemon's status file", make_status_command},
      {"config", "get, set or list defaults in the configuration file", make_config_command},
  };
  return table;
}

}  // namespace newsdex
