// Opening databases: the layout version is written on creation and checked on every
// open; missing, foreign and other-version databases are DatabaseErrors (exit 3).
#include <doctest/doctest.h>

#include <stdlib.h>

#include <filesystem>
#include <string>

#include "core/errors.h"
#include "core/index_database.h"
#include "core/layout.h"
#include "core/stored_schema_yaml.h"
#include "tests/unit/test_index.h"

using namespace newsdex;
namespace fs = std::filesystem;

namespace {

// A fresh temporary folder, removed with everything in it at the end of the test.
struct TempDir {
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "newsdex-unit-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string sub(const std::string& name) const { return (fs::path(path) / name).string(); }
  std::string path;
};

std::string database_error_of(const std::string& path) {
  try {
    open_for_reading(path);
  } catch (const DatabaseError& e) {
    CHECK(e.code() == kExitDatabase);
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("database: a new database records the layout version and the schema") {
  TempDir tmp;
  const std::string path = tmp.sub("db");
  {
    auto db = open_for_writing(path, testing::news_schema());
    db.commit();
  }
  Xapian::Database db = open_for_reading(path);
  CHECK(db.get_metadata(std::string(layout::kLayoutVersionKey)) ==
        std::to_string(layout::kVersion));
  CHECK(db.get_metadata(std::string(layout::kSchemaKey)) == testing::news_schema().source_text);
  const Schema s = stored_schema(db);
  CHECK(s.name == "news");
  CHECK(s.dateline_pattern == testing::news_schema().dateline_pattern);
  CHECK(stored_revision(db) == 0);
}

TEST_CASE("database: the schema is read from its JSON form, and refused when that is gone") {
  TempDir tmp;
  const std::string path = tmp.sub("db");
  {
    auto db = open_for_writing(path, testing::news_schema());
    db.commit();
  }
  // newsdexd resumes from the YAML text; newsdex reads the JSON; both give the schema.
  CHECK(stored_schema_yaml(open_for_reading(path)).name == "news");
  CHECK(stored_schema(open_for_reading(path)).name == "news");
  for (const char* broken : {"", "{not json"}) {
    {
      Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
      db.set_metadata(std::string(layout::kSchemaJsonKey), broken);
      db.commit();
    }
    CAPTURE(broken);
    CHECK_THROWS_AS(stored_schema(open_for_reading(path)), DatabaseError);
    CHECK(stored_schema_yaml(open_for_reading(path)).name == "news");
  }
}

TEST_CASE("database: a missing database is a DatabaseError naming it") {
  TempDir tmp;
  const std::string msg = database_error_of(tmp.sub("nothing-here"));
  CHECK(msg.rfind(tmp.sub("nothing-here"), 0) == 0);
}

TEST_CASE("database: another layout version is refused for reading and writing") {
  TempDir tmp;
  const std::string path = tmp.sub("db");
  {
    auto db = open_for_writing(path, testing::news_schema());
    db.set_metadata(std::string(layout::kLayoutVersionKey), std::to_string(layout::kVersion + 1));
    db.commit();
  }
  const std::string msg = database_error_of(path);
  CAPTURE(msg);
  CHECK(msg.find("layout version " + std::to_string(layout::kVersion + 1)) != std::string::npos);
  CHECK_THROWS_AS(open_for_writing(path, testing::news_schema()), DatabaseError);
}

TEST_CASE("database: a database held by another writer is a DatabaseLockedError") {
  TempDir tmp;
  const std::string path = tmp.sub("db");
  auto first = open_for_writing(path, testing::news_schema());
  try {
    open_for_writing(path, testing::news_schema());
    FAIL("a second writer opened the database");
  } catch (const DatabaseLockedError& e) {
    CHECK(e.code() == kExitDatabase);
    CHECK(std::string(e.what()).rfind(path, 0) == 0);
  }
}

TEST_CASE("database: a Xapian database newsdex did not create is refused") {
  TempDir tmp;
  const std::string path = tmp.sub("foreign");
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
    Xapian::Document doc;
    doc.add_term("hello");
    db.add_document(doc);
    db.commit();
  }
  CHECK(database_error_of(path).find("not a newsdex database") != std::string::npos);
  CHECK_THROWS_AS(open_for_writing(path, testing::news_schema()), DatabaseError);
}

TEST_CASE("database: a folder that is not a database is a DatabaseError") {
  TempDir tmp;
  fs::create_directories(tmp.sub("plain"));
  CHECK(!database_error_of(tmp.sub("plain")).empty());
}

TEST_CASE("database: a second writer is refused while the first holds the lock") {
  TempDir tmp;
  const std::string path = tmp.sub("db");
  auto first = open_for_writing(path, testing::news_schema());
  try {
    open_for_writing(path, testing::news_schema());
    FAIL("the second writer was let in");
  } catch (const DatabaseError& e) {
    CHECK(std::string(e.what()).find("locked") != std::string::npos);
  }
}

TEST_CASE("resolve_db_path: flag, then $NEWSDEX_DB, then ./newsdex.db") {
  const char* saved = std::getenv("NEWSDEX_DB");
  const std::string saved_value = saved ? saved : "";
  setenv("NEWSDEX_DB", "/env/db", 1);
  CHECK(resolve_db_path("/flag/db") == "/flag/db");
  CHECK(resolve_db_path("") == "/env/db");
  unsetenv("NEWSDEX_DB");
  CHECK(resolve_db_path("") == "newsdex.db");
  if (saved) setenv("NEWSDEX_DB", saved_value.c_str(), 1);
}
