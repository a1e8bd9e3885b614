#include "indexer/indexed_files.h"

#include <unordered_set>

#include "core/index_terms.h"
#include "core/layout.h"

namespace newsdex {

IndexedFiles read_indexed_files(const Xapian::Database& db) {
  // Terms give path -> docid, and one pass over the fingerprint slot gives the rest,
  // without reading a single document. A file of many articles is found by its file
  // term (any one of its documents holds the fingerprint), and its articles' id terms
  // are then no files of their own.
  std::unordered_map<Xapian::docid, std::string> by_docid;
  std::unordered_set<Xapian::docid> articles_of_files;
  for_each_term_with_prefix(db, layout::kFilePrefix, "",
                            [&](std::string file, const std::string& term) {
                              auto p = db.postlist_begin(term);
                              if (p == db.postlist_end(term)) return;
                              by_docid.emplace(*p, std::move(file));
                              for (; p != db.postlist_end(term); ++p) articles_of_files.insert(*p);
                            });
  const std::string prefix(layout::kIdPrefix);
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    auto p = db.postlist_begin(*t);
    if (p != db.postlist_end(*t) && !articles_of_files.count(*p))
      by_docid.emplace(*p, id_of_term(db, *t, *p));
  }
  IndexedFiles files;
  files.reserve(by_docid.size());
  for (auto v = db.valuestream_begin(layout::kFingerprintSlot);
       v != db.valuestream_end(layout::kFingerprintSlot); ++v) {
    auto it = by_docid.find(v.get_docid());
    if (it != by_docid.end()) files.emplace(std::move(it->second), decode_fingerprint(*v));
  }
  return files;
}

std::vector<std::string> indexed_files_with_prefix(const Xapian::Database& db,
                                                   std::string_view path_prefix) {
  std::vector<std::string> files;
  std::unordered_set<Xapian::docid> articles_of_files;
  for_each_term_with_prefix(
      db, layout::kFilePrefix, path_prefix, [&](std::string file, const std::string& term) {
        for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p)
          articles_of_files.insert(*p);
        files.push_back(std::move(file));
      });
  for_each_term_with_prefix(db, layout::kIdPrefix, path_prefix,
                            [&](std::string id, const std::string& term) {
                              auto p = db.postlist_begin(term);
                              if (p != db.postlist_end(term) && !articles_of_files.count(*p))
                                files.push_back(std::move(id));
                            });
  return files;
}

std::optional<Fingerprint> indexed_fingerprint(const Xapian::Database& db,
                                               const std::string& relative) {
  for (const std::string& term : {id_term(relative), file_term(relative)}) {
    auto p = db.postlist_begin(term);
    if (p != db.postlist_end(term))
      return decode_fingerprint(db.get_document(*p).get_value(layout::kFingerprintSlot));
  }
  return std::nullopt;
}

}  // namespace newsdex
