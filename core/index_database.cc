#include "core/index_database.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>

#include "core/errors.h"
#include "core/layout.h"
#include "core/schema_json.h"
#include "core/stub_database.h"

namespace newsdex {
namespace {

void check_layout(const Xapian::Database& db, const std::string& path) {
  const std::string version = db.get_metadata(std::string(layout::kLayoutVersionKey));
  if (version.empty()) throw DatabaseError(path + ": not a newsdex database (no layout version)");
  if (version != std::to_string(layout::kVersion))
    throw DatabaseError(path + ": database layout version " + version + ", this newsdex reads " +
                        std::to_string(layout::kVersion) + " (rebuild it with newsdexd --once)");
}

// Xapian reports a folder it may not read as "Couldn't detect type of database" and
// a file it may not read in words that vary: look first, and say what is wrong.
void check_readable(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == EACCES) throw DatabaseError(path + ": permission denied");
    if (errno == ENOENT) throw DatabaseError(path + ": no such database");
    return;  // Xapian says what else is wrong
  }
  // A folder Xapian needs only to pass through (x): it opens its files by name.
  if (::access(path.c_str(), S_ISDIR(st.st_mode) ? X_OK : R_OK) != 0 && errno == EACCES)
    throw DatabaseError(path + ": permission denied");
  if (!S_ISDIR(st.st_mode)) return;
  // The files a reader opens, not the writer's lock or newsdexd's status file, which
  // another user may well not read.
  for (const char* name : {"iamglass", "postlist.glass", "termlist.glass", "docdata.glass",
                           "position.glass", "spelling.glass", "synonym.glass"}) {
    const std::string file = path + "/" + name;
    if (::access(file.c_str(), R_OK) != 0 && errno == EACCES)
      throw DatabaseError(file + ": permission denied");
  }
}

Xapian::Database open_shard(const ShardSpec& s) {
  switch (s.kind) {
    case ShardSpec::Kind::Auto:
      check_readable(s.path);
      return Xapian::Database(s.path);
    case ShardSpec::Kind::Glass:
      check_readable(s.path);
      return Xapian::Database(s.path, Xapian::DB_BACKEND_GLASS);
    case ShardSpec::Kind::Chert:
      check_readable(s.path);
      return Xapian::Database(s.path, Xapian::DB_BACKEND_CHERT);
    case ShardSpec::Kind::InMemory:
      return Xapian::Database(std::string(), Xapian::DB_BACKEND_INMEMORY);
    case ShardSpec::Kind::RemoteTcp:
      return Xapian::Remote::open(s.host, s.port);
    case ShardSpec::Kind::RemoteProgram:
      return Xapian::Remote::open(s.program, s.args);
  }
  throw DatabaseError(s.name() + ": unknown kind of database");
}

}  // namespace

std::string resolve_db_path(const std::string& flag_value) {
  if (!flag_value.empty()) return flag_value;
  if (const char* env = std::getenv("NEWSDEX_DB"); env && *env) return env;
  return "newsdex.db";
}

ShardedDatabase open_shards_for_reading(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 && errno != EACCES)
    throw DatabaseError(path + ": no such database (create it with newsdexd --once)");
  const std::vector<ShardSpec> specs = read_shard_list(path);
  if (specs.empty()) throw DatabaseError(path + ": stub database lists no database");
  ShardedDatabase out;
  // An error names the database at fault: the path, or the shard its stub lists.
  std::string where = path;
  try {
    for (const auto& spec : specs) {
      where = spec.listed_in.empty() ? path : spec.name();
      Xapian::Database shard = open_shard(spec);
      check_layout(shard, where);
      out.db.add_database(shard);
      out.shards.push_back(std::move(shard));
      out.remote = out.remote || spec.kind == ShardSpec::Kind::RemoteTcp ||
                   spec.kind == ShardSpec::Kind::RemoteProgram;
    }
    return out;
  } catch (const DatabaseError&) {
    throw;
  } catch (const Xapian::DatabaseVersionError& e) {
    throw DatabaseError(where + ": unsupported Xapian database format: " + e.get_msg());
  } catch (const Xapian::DatabaseCorruptError& e) {
    throw DatabaseError(where + ": database is corrupt: " + e.get_msg());
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw DatabaseError(where + ": cannot open database: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    throw DatabaseError(where + ": " + e.get_type() + ": " + e.get_msg());
  }
}

Xapian::Database open_for_reading(const std::string& path) {
  return open_shards_for_reading(path).db;
}

Xapian::WritableDatabase open_for_writing(const std::string& path, const Schema& schema) {
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  try {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
    if (db.get_metadata(std::string(layout::kLayoutVersionKey)).empty()) {
      if (db.get_doccount() != 0)
        throw DatabaseError(path + ": a Xapian database that newsdex did not create");
      db.set_metadata(std::string(layout::kLayoutVersionKey), std::to_string(layout::kVersion));
    } else {
      check_layout(db, path);
    }
    store_schema(db, schema);
    return db;
  } catch (const Xapian::DatabaseLockError& e) {
    throw DatabaseLockedError(path + ": locked by another writer (" + e.get_msg() + ")");
  } catch (const Xapian::DatabaseVersionError& e) {
    throw DatabaseError(path + ": unsupported Xapian database format: " + e.get_msg());
  } catch (const Xapian::DatabaseCorruptError& e) {
    throw DatabaseError(path + ": database is corrupt: " + e.get_msg());
  } catch (const Xapian::DatabaseError& e) {
    throw DatabaseError(path + ": cannot open database for writing: " + e.get_msg());
  }
}

void store_schema(Xapian::WritableDatabase& db, const Schema& schema) {
  db.set_metadata(std::string(layout::kSchemaKey), schema.source_text);
  db.set_metadata(std::string(layout::kSchemaPathKey), schema.source_path);
  db.set_metadata(std::string(layout::kSchemaJsonKey), schema_to_json(schema));
}

Schema stored_schema(const Xapian::Database& db) {
  const std::string compiled = db.get_metadata(std::string(layout::kSchemaJsonKey));
  if (compiled.empty())
    throw DatabaseError("the database records no schema; index it again with newsdexd");
  try {
    return schema_from_json(compiled);
  } catch (const std::runtime_error& e) {
    throw DatabaseError(std::string("the schema recorded in the database cannot be read (") +
                        e.what() + "); index it again with newsdexd");
  }
}

std::uint64_t stored_revision(const Xapian::Database& db) {
  const std::string r = db.get_metadata(std::string(layout::kRevisionKey));
  return r.empty() ? 0 : std::stoull(r);
}

}  // namespace newsdex
