#include "indexer/change_applier.h"

#include <sys/stat.h>

#include <chrono>
#include <map>
#include <set>

#include "core/errors.h"
#include "indexer/indexed_files.h"

namespace newsdex {
namespace {

// The index's fingerprints of the given paths (those it holds).
IndexedFiles lookup_fingerprints(const Xapian::Database& db, const std::vector<CorpusFile>& files) {
  IndexedFiles out;
  for (const auto& f : files)
    if (auto fingerprint = indexed_fingerprint(db, f.relative))
      out.emplace(f.relative, *fingerprint);
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
  for (auto& path : indexed_files_with_prefix(db_, folder + "/"))
    indexed.push_back(std::move(path));
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
    else if (indexed_fingerprint(db_, path))
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
