#include "reconciler.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>

#include "errors.h"

namespace newsdex {
namespace {

// Finished files travel from the workers to the writer through this bounded queue,
// so that fast workers cannot pile up unbounded documents in memory. Each worker
// closes its end when it stops taking files; `pop` then reports the end, which is
// how the writer knows it has everything.
class ResultQueue {
 public:
  ResultQueue(std::size_t capacity, unsigned producers)
      : capacity_(capacity), producers_(producers) {}

  void push(LoadedFile item) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_ || abandoned_; });
    if (abandoned_) return;  // nobody will write it any more
    items_.push_back(std::move(item));
    not_empty_.notify_one();
  }

  void close_producer() {
    std::lock_guard lock(mutex_);
    --producers_;
    not_empty_.notify_one();
  }

  enum class Pop { kItem, kEnd, kTimeout };
  // Waits at most `timeout` for the next result; kEnd once every producer has closed
  // and everything is taken.
  Pop pop(LoadedFile& out, std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    if (!not_empty_.wait_for(lock, timeout, [&] { return !items_.empty() || producers_ == 0; }))
      return Pop::kTimeout;
    if (items_.empty()) return Pop::kEnd;
    out = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return Pop::kItem;
  }

  // The writer stops reading: workers still analysing drop their result.
  void abandon() {
    std::lock_guard lock(mutex_);
    abandoned_ = true;
    not_full_.notify_all();
  }

  bool all_closed() {
    std::lock_guard lock(mutex_);
    return producers_ == 0;
  }

 private:
  std::size_t capacity_;
  unsigned producers_;
  bool abandoned_ = false;
  std::mutex mutex_;
  std::condition_variable not_full_, not_empty_;
  std::deque<LoadedFile> items_;
};

// What the workers share with the writer. It is reference-counted rather than on the
// writer's stack because a cancelled run does not wait for a worker in the middle of
// one huge file: that worker finishes alone and drops its result, and must not touch
// anything the writer has since destroyed.
struct WorkList {
  WorkList(std::vector<CorpusFile> files, std::vector<std::optional<Fingerprint>> known,
           unsigned workers)
      : todo(std::move(files)), indexed(std::move(known)), queue(64 * workers, workers) {}
  const std::vector<CorpusFile> todo;
  const std::vector<std::optional<Fingerprint>> indexed;  // per todo entry
  ResultQueue queue;
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stopping{false};
  std::mutex error_mutex;
  std::exception_ptr worker_error;
};

void analyse(const std::shared_ptr<WorkList>& work, const std::string& root,
             const std::shared_ptr<const Schema>& schema, const EntityAnnotator& annotate) {
  // Each worker owns its loader: ICU iterators and stem caches are per thread.
  std::optional<ArticleLoader> loader;
  try {
    loader.emplace(root, *schema, annotate);
  } catch (...) {
    std::lock_guard lock(work->error_mutex);
    work->worker_error = std::current_exception();
  }
  const auto& todo = work->todo;
  while (!work->stopping.load(std::memory_order_relaxed)) {
    const std::size_t i = work->next++;
    if (i >= todo.size()) break;
    LoadedFile result;
    if (!loader) {
      result.file = todo[i];
      result.error = "analysis could not start";
    } else {
      try {
        const auto& known = work->indexed[i];
        result = loader->load(todo[i], known ? &*known : nullptr);
      } catch (const std::exception& e) {
        result.file = todo[i];
        result.document.reset();
        result.error = std::string("cannot analyse: ") + e.what();
      }
    }
    work->queue.push(std::move(result));
  }
  work->queue.close_producer();
}

}  // namespace

ReconcileSummary Reconciler::process(const std::vector<CorpusFile>& todo,
                                     const IndexedFiles& indexed, IndexWriter& writer,
                                     const ReconcileOptions& options) {
  ReconcileSummary summary;
  if (todo.empty()) return summary;
  const unsigned workers =
      std::max(1u, std::min<unsigned>(options.workers, static_cast<unsigned>(todo.size())));
  std::vector<std::optional<Fingerprint>> known(todo.size());
  for (std::size_t i = 0; i < todo.size(); ++i)
    if (auto it = indexed.find(todo[i].relative); it != indexed.end()) known[i] = it->second;
  auto work = std::make_shared<WorkList>(todo, std::move(known), workers);
  // The workers' own copies: they may outlive this call (see WorkList).
  auto schema = std::make_shared<const Schema>(schema_);
  std::vector<std::thread> pool;
  for (unsigned w = 0; w < workers; ++w)
    pool.emplace_back([work, root = root_, schema, annotate = annotate_] {
      analyse(work, root, schema, annotate);
    });

  // How often the writer asks should_stop while it waits for a slow file.
  constexpr std::chrono::milliseconds kPollStop{50};
  std::size_t done = 0;
  LoadedFile r;
  try {
    for (;;) {
      const bool stopping = work->stopping.load();
      // Once stopping, only what is already analysed is written.
      const auto got = work->queue.pop(r, stopping ? std::chrono::milliseconds(0) : kPollStop);
      if (got == ResultQueue::Pop::kEnd || (got == ResultQueue::Pop::kTimeout && stopping)) break;
      if (got == ResultQueue::Pop::kItem) {
        if (r.empty) {
          if (options.on_warning) options.on_warning(r.file.relative, r.error);
          // A file that was emptied leaves the index, as a deleted one does.
          if (indexed.count(r.file.relative)) {
            writer.remove(r.file.relative);
            ++summary.removed;
            if (options.on_removed) options.on_removed(r.file.relative);
            writer.maybe_commit();
          }
        } else if (!r.document && !r.unchanged) {
          ++summary.failed;
          if (options.on_failure) options.on_failure(r.file.relative, r.error);
        } else if (r.unchanged) {
          ++summary.unchanged;
        } else {
          const std::string warning = describe_repairs(r.repairs);
          if (!warning.empty()) {
            ++summary.repaired;
            if (options.on_warning) options.on_warning(r.file.relative, warning);
          }
          const bool added = !indexed.count(r.file.relative);
          (added ? summary.added : summary.updated)++;
          writer.put(r.file.relative, std::move(*r.document));
          if (options.on_indexed) options.on_indexed(r.file.relative, added);
          writer.maybe_commit();
        }
        ++done;
        if (options.on_progress) options.on_progress(done, todo.size());
      }
      if (!stopping && options.should_stop && options.should_stop()) work->stopping = true;
    }
  } catch (...) {
    // A write failed (disk full...): release the workers, then report it.
    work->stopping = true;
    work->queue.abandon();
    for (auto& t : pool) t.detach();
    throw;
  }
  summary.cancelled = done < todo.size();
  if (summary.cancelled && !work->queue.all_closed()) {
    // A worker is still inside a file: let it finish on its own rather than make the
    // caller (a daemon asked to stop) wait for it.
    work->queue.abandon();
    for (auto& t : pool) t.detach();
  } else {
    for (auto& t : pool) t.join();
  }
  {
    std::lock_guard lock(work->error_mutex);
    if (work->worker_error) std::rethrow_exception(work->worker_error);
  }
  return summary;
}

ReconcileSummary Reconciler::run(const std::vector<CorpusFile>& files, const IndexedFiles& indexed,
                                 IndexWriter& writer, const ReconcileOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  if (files.empty() && !indexed.empty() && !options.allow_empty_corpus)
    throw UsageError(root_ + ": the corpus folder holds no article, and the index holds " +
                     std::to_string(indexed.size()) +
                     "; not removing them all (is the folder unmounted? --allow-empty does it)");
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
    if (summary.cancelled) break;
    if (present.count(path)) continue;
    writer.remove(path);
    ++summary.removed;
    if (options.on_removed) options.on_removed(path);
    writer.maybe_commit();
  }
  writer.commit();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

ReconcileSummary Reconciler::update(const std::vector<CorpusFile>& files,
                                    const IndexedFiles& indexed, IndexWriter& writer,
                                    const ReconcileOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  ReconcileSummary summary = process(files, indexed, writer, options);
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace newsdex
