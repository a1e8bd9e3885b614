#include <doctest/doctest.h>

#include <xapian.h>

#include <string>

#include "core/errors.h"
#include "core/layout.h"
#include "core/ner/alias_table.h"
#include "core/text_analyzer.h"
#include "search/name_resolver.h"

using newsdex::DatabaseError;
using newsdex::NameKind;
using newsdex::NameResolver;
using newsdex::TextAnalyzer;

namespace {

void record_aliases(Xapian::WritableDatabase& db, const std::string& yaml) {
  db.set_metadata(std::string(newsdex::layout::kAliasesKey),
                  newsdex::ner::AliasTable::parse(yaml).to_json());
}

}  // namespace

TEST_CASE("names fold through the alias list the database records, and none without one") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  TextAnalyzer analyzer("english");
  {
    NameResolver names;
    CHECK(names.key(NameKind::Place, "U.S.", analyzer, db) == analyzer.fold_phrase("U.S."));
  }
  record_aliases(db, "place:\n  United States: [U.S., America]\n");
  NameResolver names;
  CHECK(names.key(NameKind::Place, "u.s.", analyzer, db) == "united states");
  CHECK(names.key(NameKind::Place, "America", analyzer, db) == "united states");
  CHECK(names.key(NameKind::Person, "America", analyzer, db) == "america");  // a place's alias
  CHECK(names.key(NameKind::Place, "Syria", analyzer, db) == "syria");

  // The list is read once; forget_corpus() (the database reopened) reads it again.
  record_aliases(db, "place:\n  United Kingdom: [Britain]\n");
  CHECK(names.key(NameKind::Place, "Britain", analyzer, db) == "britain");
  names.forget_corpus();
  CHECK(names.key(NameKind::Place, "Britain", analyzer, db) == "united kingdom");
  CHECK(names.key(NameKind::Place, "America", analyzer, db) == "america");
}

TEST_CASE("a recorded alias list that cannot be read is a DatabaseError, every time") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  db.set_metadata(std::string(newsdex::layout::kAliasesKey), "{not json");
  TextAnalyzer analyzer("english");
  NameResolver names;
  CHECK_THROWS_AS(names.key(NameKind::Place, "US", analyzer, db), DatabaseError);
  CHECK_THROWS_AS(names.key(NameKind::Place, "US", analyzer, db), DatabaseError);
}
