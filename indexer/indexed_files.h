// What the index holds, by file: the reconcile and the watcher compare files, while
// the index holds articles. A plain-text file is one document whose id term is its
// path; a file of many articles is one document per article, each with the file's
// term (index_terms.h file_term) and the file's fingerprint.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/stored_article.h"

namespace newsdex {

// path -> fingerprint of every indexed file.
using IndexedFiles = std::unordered_map<std::string, Fingerprint>;
IndexedFiles read_indexed_files(const Xapian::Database& db);

// The indexed files whose path starts with `path_prefix` (a folder and its '/').
std::vector<std::string> indexed_files_with_prefix(const Xapian::Database& db,
                                                   std::string_view path_prefix);

// The fingerprint the index holds for the file at `relative`, if it holds the file.
// A writable database answers with its own uncommitted changes included.
std::optional<Fingerprint> indexed_fingerprint(const Xapian::Database& db,
                                               const std::string& relative);

}  // namespace newsdex
