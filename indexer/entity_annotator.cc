#include "indexer/entity_annotator.h"

#include <memory>
#include <unordered_map>

#include "core/errors.h"
#include "core/fields.h"
#include "core/ner/alias_table.h"
#include "core/ner/entity_tagger.h"

namespace newsdex {

namespace {
constexpr std::size_t kJoinLimit = 1 << 20;  // bytes of body tagged together with the title
constexpr std::size_t kLeadBytes = 400;      // the lead: about the first two sentences
}  // namespace

EntityAnnotator make_entity_annotator(EventLog& log, std::string& aliases_json) {
  const std::string model = ner::default_model_path();
  std::shared_ptr<const ner::EntityTagger> tagger;
  try {
    tagger = ner::EntityTagger::load(model);
  } catch (const std::exception& e) {
    throw UsageError(std::string("entity model: ") + e.what() +
                     " (index without entities with --no-entities)");
  }
  log.info("entity model " + model);
  aliases_json = tagger->aliases().to_json();
  return [tagger](Article& a, TextAnalyzer& analyzer) {
    // Title and body in one text: the tagger's document-level evidence then covers
    // both, and a headline mention joins the body's full name. A body of megabytes is
    // tagged in windows anyway, and is not copied to put its title before it.
    std::vector<ner::Entity> found;
    if (a.body.size() <= kJoinLimit) {
      std::string text = a.title;
      text += "\n\n";
      text += a.body;
      found = tagger->extract(text);
    } else {
      found = tagger->extract(a.title);
      auto more = tagger->extract(a.body);
      found.insert(found.end(), std::make_move_iterator(more.begin()),
                   std::make_move_iterator(more.end()));
    }
    std::unordered_map<std::string, std::size_t> seen[kNameKinds];  // key -> index in its list
    std::vector<NamedEntity>* lists[kNameKinds];
    // Names already there (the dateline place) are not added twice.
    for (std::size_t t = 0; t < kNameKinds; ++t) {
      lists[t] = &name_list(a, static_cast<NameKind>(t));
      for (std::size_t i = 0; i < lists[t]->size(); ++i) seen[t].emplace((*lists[t])[i].key, i);
    }
    for (const auto& e : found) {
      static_assert(static_cast<int>(ner::EntityType::Misc) == static_cast<int>(NameKind::Misc),
                    "NameKind is in the tagger's type order");
      const auto t = static_cast<std::size_t>(e.type);
      // The facet key is the folded canonical name, exactly as the search side folds a
      // filter value, so `--filter person:"donald trump"` meets "Donald Trump".
      std::string key = analyzer.fold_phrase(e.canonical);
      if (key.empty()) continue;
      const auto [at, added] = seen[t].emplace(key, lists[t]->size());
      if (added) lists[t]->push_back({e.canonical, key});
      // Centrality: every mention counts, the title's and the lead's more. Offsets
      // are into title + "\n\n" + body when they were tagged together.
      const bool joined = a.body.size() <= kJoinLimit;
      const std::size_t body_start = joined ? a.title.size() + 2 : 0;
      unsigned add = 1;
      if (joined && e.start < a.title.size())
        add += 3;
      else if (joined && e.start >= body_start && e.start < body_start + kLeadBytes)
        add += 2;
      (*lists[t])[at->second].weight += add;
    }
  };
}

}  // namespace newsdex
