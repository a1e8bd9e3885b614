// Connects the entity tagger (core/ner) to the indexer: people, places and
// organisations of an article, canonicalised, deduplicated, with folded keys.
#pragma once

#include <string>

#include "indexer/article_loader.h"
#include "indexer/event_log.h"

namespace newsdex {

// Loads the tagger's model once; the returned annotator is shared by all workers.
// `aliases_json` receives the alias list the tagger canonicalises with
// (AliasTable::to_json), which the database stores under layout::kAliasesKey so that a
// search folds the names a user types as the index folded them.
EntityAnnotator make_entity_annotator(EventLog& log, std::string& aliases_json);

}  // namespace newsdex
