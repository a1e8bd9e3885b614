#include "indexer/shard_build.h"

#include <xapian.h>

#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <optional>
#include <span>

#include "core/errors.h"
#include "core/index_database.h"
#include "core/layout.h"
#include "indexer/analysis_pool.h"
#include "indexer/spelling_data.h"
#include "indexer/story_clusters.h"

namespace newsdex {
namespace {

// Below this, compaction and thread start-up cost more than they save.
constexpr std::size_t kMinFilesForShards = 1000;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string describe_merge(std::size_t from, std::size_t to,
                           std::chrono::steady_clock::time_point start) {
  char line[128];
  std::snprintf(line, sizeof line, "merged %zu shards into %zu in %.1f s", from, to,
                seconds_since(start));
  return line;
}

// How many shards one compaction may open at once. Each open shard holds a file for
// each of its tables (four or five), so the limit on open files sets it. The soft
// limit is raised to the hard one first, as a program that opens many files is meant
// to: most systems allow thousands, and then the merge is one round.
std::size_t merge_fan_in() {
  constexpr rlim_t kFilesPerShard = 6;  // four or five tables, and one to spare
  constexpr rlim_t kReserved = 64;      // the corpus, logs, the output database
  rlimit files{};
  if (::getrlimit(RLIMIT_NOFILE, &files) != 0) return 64;
  if (files.rlim_cur < files.rlim_max) {
    rlimit raised = files;
    raised.rlim_cur = files.rlim_max == RLIM_INFINITY ? rlim_t{1} << 20 : files.rlim_max;
    if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) files = raised;
  }
  const rlim_t usable = files.rlim_cur > kReserved ? files.rlim_cur - kReserved : 0;
  return static_cast<std::size_t>(std::clamp<rlim_t>(usable / kFilesPerShard, 2, 4096));
}

// Xapian's compaction of `shards` into a new database at `output`; the shards are closed
// on return.
void compact(std::span<const std::string> shards, const std::string& output) {
  Xapian::Database group;
  for (const auto& path : shards) group.add_database(Xapian::Database(path));
  group.compact(output);
}

// Compaction renumbers each shard's documents after the previous one's. Every round
// copies all the data, so shards are merged in as few rounds as the fan-in allows:
// one, unless the limit on open files is low.
void merge_shards(std::vector<std::string> shards, const std::string& work_dir,
                  const std::string& output, const std::function<void(const std::string&)>& note) {
  namespace fs = std::filesystem;
  const std::size_t fan_in = merge_fan_in();
  for (int round = 0; shards.size() > fan_in; ++round) {
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::string> merged;
    for (std::size_t first = 0; first < shards.size(); first += fan_in) {
      const std::span group =
          std::span(shards).subspan(first, std::min(fan_in, shards.size() - first));
      merged.push_back(work_dir + "/merge-" + std::to_string(round) + "-" +
                       std::to_string(merged.size()));
      compact(group, merged.back());
      for (const auto& path : group) fs::remove_all(path);
    }
    note(describe_merge(shards.size(), merged.size(), start));
    shards = std::move(merged);
  }
  const auto start = std::chrono::steady_clock::now();
  compact(shards, output);
  note(describe_merge(shards.size(), 1, start));
}

}  // namespace

bool worth_sharding(std::size_t indexed, std::size_t files, unsigned workers) {
  return indexed == 0 && workers > 1 && files >= kMinFilesForShards;
}

namespace {

// One worker's shards: a new one every `shard_size` documents, each written in one
// commit. A commit merges into posting lists as long as the shard, so small shards keep
// commits cheap, and compaction merges them all at the end. (Xapian flushes on its own
// past 10,000 documents, which bounds memory.)
class ShardStore : public WorkerStore {
 public:
  ShardStore(std::function<std::string()> next_path, unsigned shard_size,
             std::string revision_value)
      : next_path_(std::move(next_path)),
        shard_size_(shard_size),
        revision_value_(std::move(revision_value)) {}

  void add(Xapian::Document& doc) override {
    if (!shard_ || in_shard_ == shard_size_) {
      finish();
      // Shards are scratch: a build that dies is started again from nothing (the work
      // folder is removed first), so their commits need not reach the disk. The merged
      // database is synced before it takes the live one's place.
      shard_.emplace(next_path_(), Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
    }
    doc.add_value(layout::kRevisionSlot, revision_value_);
    // A fresh shard holds no document yet: add, no id-term lookup needed.
    shard_->add_document(doc);
    ++in_shard_;
  }

  void finish() override {
    if (!shard_) return;
    shard_->commit();
    shard_->close();
    shard_.reset();
    in_shard_ = 0;
  }

 private:
  std::function<std::string()> next_path_;
  unsigned shard_size_;
  std::string revision_value_;
  std::optional<Xapian::WritableDatabase> shard_;
  unsigned in_shard_ = 0;
};

// fsync(2) of one file or folder; a failure means the data may not be on disk.
void sync_path(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    const int err = errno;
    if (fd >= 0) ::close(fd);
    throw DatabaseError(path + ": cannot sync to disk: " + std::strerror(err));
  }
  ::close(fd);
}

// Every file of a database folder, then the folder.
void sync_folder(const std::string& folder) {
  for (const auto& e : std::filesystem::directory_iterator(folder))
    if (e.is_regular_file()) sync_path(e.path().string());
  sync_path(folder);
}

}  // namespace

ReconcileSummary build_in_shards(const std::string& root, const Schema& schema,
                                 const EntityAnnotator& annotate,
                                 const std::vector<CorpusFile>& files, const std::string& work_dir,
                                 const std::string& output, unsigned shard_size,
                                 std::uint64_t revision, const ReconcileOptions& options) {
  namespace fs = std::filesystem;
  const auto start = std::chrono::steady_clock::now();
  fs::create_directories(work_dir);
  const std::string revision_value = Xapian::sortable_serialise(double(revision));

  std::mutex shard_paths_mutex;
  std::vector<std::string> shard_paths;
  auto next_path = [&] {
    std::lock_guard lock(shard_paths_mutex);
    shard_paths.push_back(work_dir + "/shard-" + std::to_string(shard_paths.size()));
    return shard_paths.back();
  };
  ReconcileSummary summary;
  try {
    summary =
        AnalysisPipeline(root, schema, annotate).run(files, nullptr, options, PipelineSink{}, [&] {
          return std::make_unique<ShardStore>(next_path, shard_size, revision_value);
        });
  } catch (...) {
    std::error_code ec;
    fs::remove_all(work_dir, ec);
    throw;
  }

  const auto note = [&](const std::string& line) {
    if (options.on_note) options.on_note(line);
  };
  note("analysed " + std::to_string(summary.added + summary.failed) + " files into " +
       std::to_string(shard_paths.size()) + " shards in " +
       std::to_string(static_cast<int>(seconds_since(start) + 0.5)) + " s");
  if (shard_paths.empty()) {
    // Nothing was indexed: the merged database is an empty one.
    Xapian::WritableDatabase(output, Xapian::DB_CREATE).close();
  } else {
    merge_shards(shard_paths, work_dir, output, note);
  }
  std::error_code ec;
  fs::remove_all(work_dir, ec);
  summary.seconds = seconds_since(start);
  return summary;
}

ReconcileSummary replace_with_shard_build(const std::string& root, const Schema& schema,
                                          const EntityAnnotator& annotate,
                                          const std::vector<CorpusFile>& files,
                                          const std::string& db_path, unsigned shard_size,
                                          const std::function<void()>& release_live,
                                          Xapian::WritableDatabase& live,
                                          const ReconcileOptions& options) {
  namespace fs = std::filesystem;
  const std::string work = db_path + ".newsdexd-build";
  const std::string merged = work + "/merged";
  std::error_code ec;
  fs::remove_all(work, ec);  // left by a build that was killed
  const std::uint64_t revision = stored_revision(live) + 1;
  ReconcileSummary summary;
  try {
    summary = build_in_shards(root, schema, annotate, files, work + "/shards", merged, shard_size,
                              revision, options);
    {
      // The merged database takes the live one's metadata: layout, schema, corpus.
      Xapian::WritableDatabase out(merged, Xapian::DB_OPEN);
      for (auto k = live.metadata_keys_begin(); k != live.metadata_keys_end(); ++k)
        out.set_metadata(*k, live.get_metadata(*k));
      out.set_metadata(std::string(layout::kRevisionKey), std::to_string(revision));
      // The spelling dictionary, once from the merged index (spelling_data.h: a word's
      // count is the number of articles holding it, which its term frequency is). Counting words
      // per shard and merging the shards' tables cost a fifth of a first build.
      add_spelling_from_terms(out);
      // The stories, once over every article: the shards could not see each other's.
      assign_all_stories(out);
      out.commit();
    }
    // On disk before it is in place: compaction's own writes are not all synced.
    sync_folder(merged);
    release_live();
    // Exchanged in one step, so that a reader never finds no database at the path.
    if (renameat2(AT_FDCWD, merged.c_str(), AT_FDCWD, db_path.c_str(), RENAME_EXCHANGE) != 0)
      throw DatabaseError(db_path + ": cannot put the new build in place: " + std::strerror(errno));
    sync_path(fs::absolute(db_path).parent_path().string());  // the exchange itself
  } catch (...) {
    fs::remove_all(work, ec);  // nothing of a failed build is kept
    throw;
  }
  fs::remove_all(work, ec);
  return summary;
}

}  // namespace newsdex
