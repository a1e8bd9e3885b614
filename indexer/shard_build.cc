#include "shard_build.h"

#include <xapian.h>

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <span>
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

ReconcileSummary build_in_shards(const std::string& root, const Schema& schema,
                                 const EntityAnnotator& annotate,
                                 const std::vector<CorpusFile>& files, const std::string& work_dir,
                                 const std::string& output, unsigned shard_size,
                                 std::uint64_t revision, const ReconcileOptions& options) {
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
  // documents, each shard in one commit: a commit merges into posting lists as long as
  // the shard, so small shards keep commits cheap, and compaction merges them all at
  // the end. (Xapian flushes on its own past 10,000 documents, which bounds memory.)
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
        std::size_t in_shard = 0;
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
            if (const std::string what = describe_repairs(r.repairs); !what.empty()) {
              ++repaired;
              std::lock_guard lock(reports_mutex);
              reports.push_back({r.file.relative, what, false});
            }
            r.document->add_value(layout::kRevisionSlot, revision_value);
            if (in_shard == shard_size) {
              shard.commit();
              shard.close();
              shard = new_shard();
              in_shard = 0;
            }
            // A fresh shard holds no document yet: add, no id-term lookup needed.
            shard.add_document(*r.document);
            ++in_shard;
            ++added;
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

  const auto note = [&](const std::string& line) {
    if (options.on_note) options.on_note(line);
  };
  note("analysed " + std::to_string(done) + " files into " + std::to_string(shard_paths.size()) +
       " shards in " + std::to_string(static_cast<int>(seconds_since(start) + 0.5)) + " s");
  merge_shards(shard_paths, work_dir, output, note);
  std::error_code ec;
  fs::remove_all(work_dir, ec);

  ReconcileSummary summary;
  summary.added = added;
  summary.failed = failed;
  summary.repaired = repaired;
  summary.cancelled = cancelled;
  summary.seconds = seconds_since(start);
  return summary;
}

}  // namespace newsdex
