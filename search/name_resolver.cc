#include "search/name_resolver.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/errors.h"
#include "core/ner/alias_table.h"
#include "core/resources.h"

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

}  // namespace newsdex
