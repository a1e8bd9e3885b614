// Everything a newsdex command needs to read the index: the database, the schema it
// was built with, the shared text analysis and the query builder.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/schema.h"
#include "core/text_analyzer.h"
#include "search/entity_resolution.h"
#include "search/name_resolver.h"
#include "search/query_builder.h"
#include "search/results.h"

namespace newsdex {

class SearchSession {
 public:
  // Throws DatabaseError (exit 3) when the database is missing, corrupt or foreign.
  explicit SearchSession(const std::string& db_path);

  Xapian::Database& db() { return db_; }
  const Schema& schema() const { return schema_; }
  TextAnalyzer& analyzer() { return *analyzer_; }
  QueryBuilder& queries() { return *queries_; }
  const std::string& db_path() const { return db_path_; }
  // Whether some shard is remote (every value stream read is then a round trip).
  bool remote() const { return remote_; }
  // The corpus folder the database (the first shard of a stub) was built from,
  // without a trailing "/" ("" if unknown).
  const std::string& corpus_root() const { return corpus_roots_.front(); }

  // A result row from document `docid` and its stored article (no rank, score or
  // snippet yet). Its path lies in the corpus of the shard the document comes from.
  Hit hit_of(Xapian::docid docid, const Article& article) const;
  Hit hit_of(const Xapian::Document& doc) const;
  // The id of document `docid` as its file name's bytes: `stored`, the path the
  // document data holds, unless that lost bytes that are not UTF-8.
  std::string id_bytes(Xapian::docid docid, const std::string& stored) const;
  // The document with id term Q<id>, or by a path that lies under the corpus.
  // Returns 0 when there is none.
  Xapian::docid find(const std::string& id_or_path);
  // As find(), but a missing document is an error (exit 1, "no document ...").
  Xapian::docid require(const std::string& id_or_path);

  // Re-reads the latest revision (before each request of a batch, and after
  // Xapian::DatabaseModifiedError). What was read of the old one is kept unless the
  // writer committed since: the corpus-wide name resolution and the alias list are read
  // again, and the schema, its analyzer and the query builder made again if the writer
  // recorded another schema (newsdexd's SIGHUP) or other languages.
  void reopen();

  // Names resolved across the corpus (entity_resolution.h), read on first use.
  const EntityResolution& entities() { return names_.corpus(db_); }

 private:
  // schema_, analyzer_ and queries_ from the database's recorded schema.
  void read_schema();

  std::string db_path_;
  Xapian::Database db_;
  bool remote_ = false;
  Schema schema_;
  std::string schema_json_;  // the stored form schema_ was read from
  std::unique_ptr<TextAnalyzer> analyzer_;
  NameResolver names_;
  std::unique_ptr<QueryBuilder> queries_;
  std::vector<std::string> corpus_roots_;  // one per shard, in Xapian's order
};

// The other articles of the story `doc` belongs to (layout.h kStorySizeSlot less one):
// 0 for an article that is a story alone.
std::uint64_t story_copies(const Xapian::Document& doc);

// "20180412" -> "2018-04-12".
std::string display_date(const std::string& yyyymmdd);

}  // namespace newsdex
