#include "shard_build.h"

#include <xapian.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <thread>

#include "errors.h"
#include "layout.h"
#include "text_repair.h"

namespace newsdex {
namespace {

// Below this, compaction and thread start-up cost more than they save.
constexpr std::size_t kMinFilesForShards = 1000;

struct Report {
  std::string path, text;
  bool failure;
};

// Shards open at once in one compaction: each holds four or five table files open.
constexpr std::size_t kMergeFanIn = 64;

// Compaction renumbers each shard's documents after the previous one's. Many shards are
// merged in rounds of kMergeFanIn, each round's output a shard of the next.
void merge_shards(std::vector<std::string> shards, const std::string& work_dir,
                  const std::string& output) {
  namespace fs = std::filesystem;
  for (int round = 0; shards.size() > kMergeFanIn; ++round) {
    std::vector<std::string> merged;
    for (std::size_t first = 0; first < shards.size(); first += kMergeFanIn) {
      const std::size_t last = std::min(shards.size(), first + kMergeFanIn);
      Xapian::Database group;
      for (std::size_t i = first; i < last; ++i) group.add_database(Xapian::Database(shards[i]));
      merged.push_back(work_dir + "/merge-" + std::to_string(round) + "-" +
                       std::to_string(merged.size()));
      group.compact(merged.back());
      group.close();
      for (std::size_t i = first; i < last; ++i) fs::remove_all(shards[i]);
    }
    shards = std::move(merged);
  }
  Xapian::Database all;
  for (const auto& p : shards) all.add_database(Xapian::Database(p));
  all.compact(output);
}

}  // namespace

bool worth_sharding(std::size_t indexed, std::size_t files, unsigned workers) {
  return indexed == 0 && workers > 1 && files >= kMinFilesForShards;
}

ReconcileSummary build_in_shards(const std::string& root, const Schema& schema,
                                 const EntityAnnotator& annotate,
                                 const std::vector<CorpusFile>& files, const std::string& work_dir,
                                 const std::string& output, unsigned commit_every,
                                 unsigned shard_size, std::uint64_t revision,
                                 const ReconcileOptions& options) {
  namespace fs = std::filesystem;
  const auto start = std::chrono::steady_clock::now();
  fs::create_directories(work_dir);
  const unsigned workers = std::max(1u, options.workers);
  const std::string revision_value = Xapian::sortable_serialise(double(revision));

  std::atomic<std::size_t> next{0}, done{0}, added{0}, failed{0}, repaired{0};
  std::mutex reports_mutex;
  std::vector<Report> reports;
  std::exception_ptr error;
  // Every worker writes a shard of its own and starts a new one after `shard_size`
  // documents: a commit merges into posting lists as long as the shard, so small
  // shards keep commits cheap, and compaction merges them all once at the end.
  std::mutex shard_paths_mutex;
  std::vector<std::string> shard_paths;
  auto new_shard = [&] {
    std::lock_guard lock(shard_paths_mutex);
    shard_paths.push_back(work_dir + "/shard-" + std::to_string(shard_paths.size()));
    // Shards are scratch: a build that dies is started again from nothing (the work
    // folder is removed first), so their commits need not reach the disk. The merged
    // database is synced before it takes the live one's place.
    return Xapian::WritableDatabase(shard_paths.back(), Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
  };

  std::vector<std::jthread> pool;
  for (unsigned w = 0; w < workers; ++w) {
    pool.emplace_back([&] {
      try {
        ArticleLoader loader(root, schema, annotate);
        Xapian::WritableDatabase shard = new_shard();
        std::size_t pending = 0, in_shard = 0;
        for (std::size_t i = next++; i < files.size(); i = next++) {
          LoadedFile r;
          try {
            r = loader.load(files[i]);
          } catch (const std::exception& e) {
            r.file = files[i];
            r.error = std::string("cannot analyse: ") + e.what();
          }
          if (r.empty) {
            std::lock_guard lock(reports_mutex);
            reports.push_back({r.file.relative, r.error, false});
          } else if (!r.document) {
            ++failed;
            std::lock_guard lock(reports_mutex);
            reports.push_back({r.file.relative, r.error, true});
          } else {
            if (r.repairs.invalid_sequences || r.repairs.mojibake_repairs) {
              ++repaired;
              std::lock_guard lock(reports_mutex);
              reports.push_back({r.file.relative, describe_repairs(r.repairs), false});
            }
            r.document->add_value(layout::kRevisionSlot, revision_value);
            if (in_shard == shard_size) {
              shard.commit();
              shard.close();
              shard = new_shard();
              pending = in_shard = 0;
            }
            // A fresh shard holds no document yet: add, no id-term lookup needed.
            shard.add_document(*r.document);
            ++in_shard;
            ++added;
            if (++pending >= commit_every) {
              shard.commit();
              pending = 0;
            }
          }
          ++done;
        }
        shard.commit();
        shard.close();
      } catch (...) {
        std::lock_guard lock(reports_mutex);
        if (!error) error = std::current_exception();
        next = files.size();  // the others stop taking files
      }
    });
  }

  // This thread reports while the workers run, so warnings keep their one-writer
  // order and the progress line moves.
  auto flush_reports = [&] {
    std::vector<Report> batch;
    {
      std::lock_guard lock(reports_mutex);
      batch.swap(reports);
    }
    for (const auto& r : batch) {
      if (r.failure && options.on_failure) options.on_failure(r.path, r.text);
      if (!r.failure && options.on_warning) options.on_warning(r.path, r.text);
    }
  };
  bool cancelled = false;
  while (done < files.size() && !error) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    flush_reports();
    if (options.on_progress) options.on_progress(done, files.size());
    if (!cancelled && options.should_stop && options.should_stop()) {
      // Workers finish the file in hand; what is written is merged and kept, and the
      // next reconcile indexes the rest.
      cancelled = true;
      next = files.size();
      break;
    }
  }
  pool.clear();
  flush_reports();
  if (options.on_progress) options.on_progress(done, files.size());
  if (error) {
    std::error_code ec;
    fs::remove_all(work_dir, ec);
    std::rethrow_exception(error);
  }

  merge_shards(shard_paths, work_dir, output);
  std::error_code ec;
  fs::remove_all(work_dir, ec);

  ReconcileSummary summary;
  summary.added = added;
  summary.failed = failed;
  summary.repaired = repaired;
  summary.cancelled = cancelled;
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace newsdex
