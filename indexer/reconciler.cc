#include "reconciler.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_set>

namespace newsdex {
namespace {

// Finished files travel from the workers to the writer through this bounded queue,
// so that fast workers cannot pile up unbounded documents in memory.
class ResultQueue {
 public:
  explicit ResultQueue(std::size_t capacity) : capacity_(capacity) {}

  void push(LoadedFile item) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_; });
    items_.push_back(std::move(item));
    not_empty_.notify_one();
  }

  LoadedFile pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !items_.empty(); });
    LoadedFile item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }

 private:
  std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable not_full_, not_empty_;
  std::deque<LoadedFile> items_;
};

std::string repair_warning(const RepairReport& r) {
  std::string out;
  if (r.invalid_sequences)
    out += std::to_string(r.invalid_sequences) + " invalid UTF-8 sequence" +
           (r.invalid_sequences == 1 ? "" : "s") + " replaced";
  if (r.mojibake_repairs) {
    if (!out.empty()) out += ", ";
    out += std::to_string(r.mojibake_repairs) + " double-encoded character" +
           (r.mojibake_repairs == 1 ? "" : "s") + " repaired";
  }
  return out;
}

}  // namespace

ReconcileSummary Reconciler::process(const std::vector<CorpusFile>& todo,
                                     const IndexedFiles& indexed, IndexWriter& writer,
                                     const ReconcileOptions& options) {
  ReconcileSummary summary;
  if (todo.empty()) return summary;
  const unsigned workers =
      std::max(1u, std::min<unsigned>(options.workers, static_cast<unsigned>(todo.size())));
  ResultQueue queue(64 * workers);
  std::atomic<std::size_t> next{0};
  std::vector<std::jthread> pool;
  std::exception_ptr worker_error;
  std::mutex error_mutex;
  for (unsigned w = 0; w < workers; ++w) {
    pool.emplace_back([&] {
      // Each worker owns its loader: ICU iterators and stem caches are per thread.
      std::optional<ArticleLoader> loader;
      try {
        loader.emplace(root_, schema_, annotate_);
      } catch (...) {
        std::lock_guard lock(error_mutex);
        worker_error = std::current_exception();
      }
      for (std::size_t i = next++; i < todo.size(); i = next++) {
        const auto it = indexed.find(todo[i].relative);
        LoadedFile result;
        if (!loader) {
          result.file = todo[i];
          result.error = "analysis could not start";
        } else {
          try {
            result = loader->load(todo[i], it == indexed.end() ? nullptr : &it->second);
          } catch (const std::exception& e) {
            result.file = todo[i];
            result.document.reset();
            result.error = std::string("cannot analyse: ") + e.what();
          }
        }
        queue.push(std::move(result));
      }
    });
  }

  for (std::size_t done = 0; done < todo.size(); ++done) {
    LoadedFile r = queue.pop();
    if (!r.document && !r.unchanged) {
      ++summary.failed;
      if (options.on_failure) options.on_failure(r.file.relative, r.error);
    } else if (r.unchanged) {
      ++summary.unchanged;
    } else {
      const std::string warning = repair_warning(r.repairs);
      if (!warning.empty()) {
        ++summary.repaired;
        if (options.on_warning) options.on_warning(r.file.relative, warning);
      }
      (indexed.count(r.file.relative) ? summary.updated : summary.added)++;
      writer.put(r.file.relative, std::move(*r.document));
      writer.maybe_commit();
    }
    if (options.on_progress) options.on_progress(done + 1, todo.size());
  }
  pool.clear();
  if (worker_error) std::rethrow_exception(worker_error);
  return summary;
}

ReconcileSummary Reconciler::run(const std::vector<CorpusFile>& files, const IndexedFiles& indexed,
                                 IndexWriter& writer, const ReconcileOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<CorpusFile> todo;
  std::size_t unchanged = 0;
  std::unordered_set<std::string> present;
  present.reserve(files.size());
  for (const auto& f : files) {
    present.insert(f.relative);
    auto it = indexed.find(f.relative);
    // Same size and mtime: unchanged without reading a byte, as omindex does.
    if (it != indexed.end() && it->second.size == f.size && it->second.mtime_ns == f.mtime_ns)
      ++unchanged;
    else
      todo.push_back(f);
  }
  ReconcileSummary summary = process(todo, indexed, writer, options);
  summary.unchanged += unchanged;
  for (const auto& [path, fingerprint] : indexed) {
    if (present.count(path)) continue;
    writer.remove(path);
    ++summary.removed;
    writer.maybe_commit();
  }
  writer.commit();
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

ReconcileSummary Reconciler::update(const std::vector<CorpusFile>& files,
                                    const IndexedFiles& indexed, IndexWriter& writer,
                                    const ReconcileOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  ReconcileSummary summary = process(files, indexed, writer, options);
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace newsdex
