#include "change_applier.h"

#include <sys/stat.h>

#include <chrono>
#include <map>
#include <set>

#include "errors.h"
#include "index_terms.h"
#include "layout.h"
#include "stored_article.h"

namespace newsdex {
namespace {

// The index's fingerprints of the given paths (those it holds). The writable
// database answers with its own uncommitted changes included.
IndexedFiles lookup_fingerprints(const Xapian::Database& db, const std::vector<CorpusFile>& files) {
  IndexedFiles out;
  for (const auto& f : files) {
    const std::string term = id_term(f.relative);
    auto p = db.postlist_begin(term);
    if (p == db.postlist_end(term)) continue;
    out.emplace(f.relative,
                decode_fingerprint(db.get_document(*p).get_value(layout::kFingerprintSlot)));
  }
  return out;
}

}  // namespace

bool ChangeApplier::inside_skipped_folder(const std::string& relative) const {
  for (std::size_t start = 0, slash; (slash = relative.find('/', start)) != std::string::npos;
       start = slash + 1)
    if (scanner_.skips_folder(relative.substr(start, slash - start))) return true;
  return false;
}

bool ChangeApplier::stat_article(const std::string& relative, CorpusFile& out) const {
  if (inside_skipped_folder(relative)) return false;
  // As the scanner decides: the same globs and the same rule for links.
  return scanner_.admit(relative, out, [](const std::string&) {});
}

void ChangeApplier::add_folder(const std::string& folder, std::vector<CorpusFile>& on_disk,
                               std::vector<std::string>& indexed,
                               const ReconcileOptions& options) const {
  const std::string abs = scanner_.root() + "/" + folder;
  struct stat st {};
  const bool present = !inside_skipped_folder(folder + "/") && stat(abs.c_str(), &st) == 0 &&
                       S_ISDIR(st.st_mode) && stat((abs + "/iamglass").c_str(), &st) != 0;
  if (present) {
    try {
      CorpusScanner below(abs, schema_);
      for (auto& f : below.scan([&](const std::string& what) {
             if (options.on_warning) options.on_warning(folder, what);
           })) {
        f.relative = folder + "/" + f.relative;
        on_disk.push_back(std::move(f));
      }
    } catch (const UsageError&) {
      // Gone again between the stat and the scan: its files are removed below.
    }
  }
  for (auto& id : ids_with_prefix(db_, folder + "/")) indexed.push_back(std::move(id));
}

ReconcileSummary ChangeApplier::apply(const ChangeBatch& batch, const ReconcileOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  // Files from folder scans carry their stat already; paths from events are looked up.
  std::map<std::string, CorpusFile> from_folders;
  std::set<std::string> candidates = batch.files;
  for (const auto& folder : batch.folders) {
    std::vector<CorpusFile> on_disk;
    std::vector<std::string> indexed;
    add_folder(folder, on_disk, indexed, options);
    for (auto& f : on_disk) from_folders.emplace(f.relative, std::move(f));
    candidates.insert(indexed.begin(), indexed.end());
  }

  std::vector<CorpusFile> to_index;
  std::vector<std::string> to_remove;
  for (auto& [path, file] : from_folders) {
    candidates.erase(path);
    to_index.push_back(std::move(file));
  }
  for (const auto& path : candidates) {
    CorpusFile f;
    if (stat_article(path, f))
      to_index.push_back(std::move(f));
    else if (db_.term_exists(id_term(path)))
      to_remove.push_back(path);
  }

  const IndexedFiles indexed = lookup_fingerprints(db_, to_index);
  // A folder scan finds files unchanged since they were indexed (a folder renamed
  // back): same size and mtime, skipped as the reconcile skips them.
  std::size_t unchanged = 0;
  std::erase_if(to_index, [&](const CorpusFile& f) {
    if (!from_folders.count(f.relative)) return false;
    const auto it = indexed.find(f.relative);
    const bool same =
        it != indexed.end() && it->second.size == f.size && it->second.mtime_ns == f.mtime_ns;
    unchanged += same;
    return same;
  });

  ReconcileSummary summary = reconciler_.update(to_index, indexed, writer_, options);
  summary.unchanged += unchanged;
  remove_documents(to_remove, writer_, summary, options);
  writer_.commit();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace newsdex
