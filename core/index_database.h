// Opening a newsdex database: layout-version checks, the stored schema and revision,
// and Xapian's errors turned into the contract's exit code 3 with a one-line message.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/schema.h"

namespace newsdex {

// The database folder: --db, else $NEWSDEX_DB, else ./newsdex.db.
std::string resolve_db_path(const std::string& flag_value);

// A database opened for reading, and the shards it is made of when `path` is a stub
// (one shard otherwise), in Xapian's order: document d of `db` is document
// (d - 1) / shards.size() + 1 of shards[(d - 1) % shards.size()].
struct ShardedDatabase {
  Xapian::Database db;
  std::vector<Xapian::Database> shards;  // share db's internals: no second open
  // Some shard is remote (xapian-tcpsrv or a program): there every value stream and
  // document read is a round trip.
  bool remote = false;
};

// Opens for reading and checks that it, or every database its stub lists, is a
// newsdex database of this layout version. Throws DatabaseError (exit 3) otherwise:
// missing, unreadable ("permission denied"), corrupt, a stub that lists itself.
ShardedDatabase open_shards_for_reading(const std::string& path);
Xapian::Database open_for_reading(const std::string& path);

// Opens (creating if needed) for writing. A new database records the layout version;
// every opening records the schema (store_schema). Throws DatabaseLockedError when another writer
// holds it, DatabaseError when it is corrupt or of another layout version.
Xapian::WritableDatabase open_for_writing(const std::string& path, const Schema& schema);

// Records `schema` in the database: its YAML text and where it came from, for newsdexd
// (stored_schema_yaml.h), and its parsed form as JSON, which newsdex reads.
void store_schema(Xapian::WritableDatabase& db, const Schema& schema);

// The schema the database was built with, from its JSON form: no YAML parser needed,
// which keeps yaml-cpp and its start-up out of newsdex. Throws DatabaseError when the
// database holds none it can read.
Schema stored_schema(const Xapian::Database& db);

// The revision counter bumped by each commit of newsdexd.
std::uint64_t stored_revision(const Xapian::Database& db);

}  // namespace newsdex
