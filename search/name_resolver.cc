#include "search/name_resolver.h"

#include <xapian.h>

#include "core/errors.h"
#include "core/layout.h"
#include "core/ner/alias_table.h"
#include "search/entity_resolution.h"

namespace newsdex {

NameResolver::NameResolver() = default;
NameResolver::~NameResolver() = default;
NameResolver::NameResolver(NameResolver&&) noexcept = default;
NameResolver& NameResolver::operator=(NameResolver&&) noexcept = default;

std::string NameResolver::key(NameKind kind, const std::string& name, TextAnalyzer& analyzer,
                              const Xapian::Database& db) const {
  if (!loaded_) {
    const std::string json = db.get_metadata(std::string(layout::kAliasesKey));
    if (!json.empty()) {
      try {
        aliases_ = std::make_unique<ner::AliasTable>(ner::AliasTable::from_json(json));
      } catch (const std::exception& e) {
        throw DatabaseError(std::string("the alias list recorded in the database: ") + e.what());
      }
    }
    loaded_ = true;  // only once read: a failure is reported again, not forgotten
  }
  if (aliases_) {
    if (const auto* target = aliases_->find(static_cast<int>(kind), name))
      return analyzer.fold_phrase(target->canonical);
  }
  return analyzer.fold_phrase(name);
}

void NameResolver::forget_corpus() {
  corpus_.reset();
  aliases_.reset();
  loaded_ = false;
}

const EntityResolution& NameResolver::corpus(const Xapian::Database& db) const {
  if (!corpus_) corpus_ = std::make_unique<EntityResolution>(db);
  return *corpus_;
}

}  // namespace newsdex
