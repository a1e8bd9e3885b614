// Names users type in filters and field queries ("US", "u.s.", "Britain") turned into
// the folded canonical keys the index stores ("united states"), through the alias list
// the entity tagger used when it built the index, which the database keeps
// (layout::kAliasesKey): the search then folds as the index did, whatever alias file
// lies around now.
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

  // The folded key for a name of `kind`: its alias's canonical name in `db`'s alias list
  // if it has one. The list is read on first use: most searches never need it, and
  // scripts call newsdex thousands of times. Throws DatabaseError if the list stored is
  // not one newsdexd writes.
  std::string key(NameKind kind, const std::string& name, TextAnalyzer& analyzer,
                  const Xapian::Database& db) const;

  // The corpus-wide resolution of names (entity_resolution.h) of `db`, read on first
  // use: only facets and name filters need it. forget_corpus() after `db` reopens: the
  // writer may have changed both.
  const EntityResolution& corpus(const Xapian::Database& db) const;
  void forget_corpus();

 private:
  mutable std::unique_ptr<EntityResolution> corpus_;
  mutable std::unique_ptr<ner::AliasTable> aliases_;
  mutable bool loaded_ = false;
};

}  // namespace newsdex
