#include "search/name_resolver.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/errors.h"
#include "core/ner/alias_table.h"
#include "core/resources.h"
#include "search/entity_resolution.h"

namespace newsdex {

NameResolver::NameResolver() = default;
NameResolver::~NameResolver() = default;
NameResolver::NameResolver(NameResolver&&) noexcept = default;
NameResolver& NameResolver::operator=(NameResolver&&) noexcept = default;

std::string NameResolver::key(NameKind kind, const std::string& name,
                              TextAnalyzer& analyzer) const {
  if (!loaded_) {
    loaded_ = true;
    const char* env = std::getenv("NEWSDEX_NER_ALIASES");
    const std::string path = env && *env ? env : find_resource("schemas/aliases.yaml");
    std::ifstream in(path);
    if (in) {
      std::stringstream text;
      text << in.rdbuf();
      try {
        aliases_ = std::make_unique<ner::AliasTable>(ner::AliasTable::parse(text.str()));
      } catch (const std::exception& e) {
        throw UsageError(path + ": " + e.what());
      }
    }
  }
  if (aliases_) {
    if (const auto* target = aliases_->find(static_cast<int>(kind), name))
      return analyzer.fold_phrase(target->canonical);
  }
  return analyzer.fold_phrase(name);
}

void NameResolver::forget_corpus() {
  corpus_.reset();
}

const EntityResolution& NameResolver::corpus(const Xapian::Database& db) const {
  if (!corpus_) corpus_ = std::make_unique<EntityResolution>(db);
  return *corpus_;
}

}  // namespace newsdex
