// Connects the entity tagger (core/ner) to the indexer: people, places and
// organisations of an article, canonicalised, deduplicated, with folded keys.
#pragma once

#include "indexer/article_loader.h"
#include "indexer/event_log.h"

namespace newsdex {

// Loads the tagger's model once; the returned annotator is shared by all workers.
EntityAnnotator make_entity_annotator(EventLog& log);

}  // namespace newsdex
