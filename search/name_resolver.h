// Names users type in filters and field queries ("US", "u.s.", "Britain") turned into
// the folded canonical keys the index stores ("united states"), through the alias
// lists the entity tagger uses (schemas/aliases.yaml, or $NEWSDEX_NER_ALIASES).
#pragma once

#include <memory>
#include <string>

#include "core/fields.h"
#include "core/text_analyzer.h"

namespace Xapian {
class Database;
}

namespace newsdex {

namespace ner {
class AliasTable;
}
class EntityResolution;

class NameResolver {
 public:
  NameResolver();
  ~NameResolver();
  NameResolver(NameResolver&&) noexcept;
  NameResolver& operator=(NameResolver&&) noexcept;

  // The folded key for a name of `kind`: its alias's canonical name if it has one.
  // The alias list is read on first use: most searches never need it, and scripts
  // call newsdex thousands of times.
  std::string key(NameKind kind, const std::string& name, TextAnalyzer& analyzer) const;

  // The corpus-wide resolution of names (entity_resolution.h) of `db`, read on first
  // use: only facets and name filters need it. forget_corpus() after `db` reopens.
  const EntityResolution& corpus(const Xapian::Database& db) const;
  void forget_corpus();

 private:
  mutable std::unique_ptr<EntityResolution> corpus_;
  mutable std::unique_ptr<ner::AliasTable> aliases_;
  mutable bool loaded_ = false;
};

}  // namespace newsdex
