#include "indexer/analysis_pool.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

#include "core/text_repair.h"

namespace newsdex {
namespace {

// One analysed file on its way to the calling thread. `stored`: a worker's store took
// its documents, so only the report travels.
struct Outcome {
  LoadedFile file;
  bool stored = false;
  std::size_t stored_documents = 0;  // how many, when `stored`: the file's are cleared
};

// Outcomes travel from the workers to the calling thread through this bounded queue,
// so that fast workers cannot pile up unbounded documents in memory. Each worker
// closes its end when it stops taking files; `pop` then reports the end.
class OutcomeQueue {
 public:
  OutcomeQueue(std::size_t capacity, unsigned producers)
      : capacity_(capacity), producers_(producers) {}

  void push(Outcome item) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_ || abandoned_; });
    if (abandoned_) return;  // nobody will take it any more
    items_.push_back(std::move(item));
    not_empty_.notify_one();
  }

  void close_producer() {
    std::lock_guard lock(mutex_);
    --producers_;
    not_empty_.notify_one();
  }

  enum class Pop { kItem, kEnd, kTimeout };
  Pop pop(Outcome& out, std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    if (!not_empty_.wait_for(lock, timeout, [&] { return !items_.empty() || producers_ == 0; }))
      return Pop::kTimeout;
    if (items_.empty()) return Pop::kEnd;
    out = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return Pop::kItem;
  }

  // The calling thread stops taking outcomes: workers still analysing drop theirs.
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
  std::deque<Outcome> items_;
};

// What the workers share with the calling thread. Reference-counted rather than on the
// caller's stack: a cancelled run without stores does not wait for a worker in the
// middle of one huge file, which finishes alone and must not touch what the caller
// has since destroyed. Everything a worker uses lives here.
struct WorkList {
  WorkList(std::vector<CorpusFile> files, std::vector<std::optional<Fingerprint>> known,
           unsigned workers, const Schema& schema_copy, EntityAnnotator annotator,
           std::string corpus_root)
      : todo(std::move(files)),
        indexed(std::move(known)),
        queue(64 * workers, workers),
        schema(schema_copy),
        annotate(std::move(annotator)),
        root(std::move(corpus_root)) {}
  const std::vector<CorpusFile> todo;
  const std::vector<std::optional<Fingerprint>> indexed;  // per todo entry
  OutcomeQueue queue;
  const Schema schema;
  const EntityAnnotator annotate;
  const std::string root;
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stopping{false};
  std::mutex error_mutex;
  std::exception_ptr error;  // the first worker error: loader or store

  void fail(std::exception_ptr e) {
    std::lock_guard lock(error_mutex);
    if (!error) error = std::move(e);
    stopping = true;
  }
};

void work(const std::shared_ptr<WorkList>& w,
          const std::function<std::unique_ptr<WorkerStore>()>* make_store) {
  // Each worker owns its loader: ICU iterators and stem caches are per thread.
  std::optional<ArticleLoader> loader;
  std::unique_ptr<WorkerStore> store;
  try {
    loader.emplace(w->root, w->schema, w->annotate);
    if (make_store) store = (*make_store)();
  } catch (...) {
    w->fail(std::current_exception());
  }
  while (loader && !w->stopping.load(std::memory_order_relaxed)) {
    const std::size_t i = w->next++;
    if (i >= w->todo.size()) break;
    Outcome o;
    try {
      const auto& known = w->indexed[i];
      o.file = loader->load(w->todo[i], known ? &*known : nullptr);
    } catch (const std::exception& e) {
      o.file = LoadedFile{};
      o.file.file = w->todo[i];
      o.file.error = std::string("cannot analyse: ") + e.what();
    }
    if (store && !o.file.documents.empty()) {
      try {
        for (auto& d : o.file.documents) store->add(d.document);
      } catch (...) {
        w->fail(std::current_exception());
        break;
      }
      o.stored_documents = o.file.documents.size();
      o.file.documents.clear();
      o.stored = true;
    }
    w->queue.push(std::move(o));
  }
  if (store) {
    try {
      store->finish();
    } catch (...) {
      w->fail(std::current_exception());
    }
  }
  w->queue.close_producer();
}

}  // namespace

ReconcileSummary AnalysisPipeline::run(
    const std::vector<CorpusFile>& files, const IndexedFiles* indexed,
    const ReconcileOptions& options, const PipelineSink& sink,
    const std::function<std::unique_ptr<WorkerStore>()>& make_store) {
  ReconcileSummary summary;
  if (files.empty()) return summary;
  const unsigned workers =
      std::max(1u, std::min<unsigned>(options.workers, static_cast<unsigned>(files.size())));
  std::vector<std::optional<Fingerprint>> known(files.size());
  if (indexed)
    for (std::size_t i = 0; i < files.size(); ++i)
      if (auto it = indexed->find(files[i].relative); it != indexed->end()) known[i] = it->second;
  auto w = std::make_shared<WorkList>(files, std::move(known), workers, schema_, annotate_, root_);
  // A copy the threads own, for the same reason as the WorkList.
  auto store_factory =
      make_store ? std::make_shared<std::function<std::unique_ptr<WorkerStore>()>>(make_store)
                 : nullptr;
  std::vector<std::thread> pool;
  for (unsigned k = 0; k < workers; ++k)
    pool.emplace_back([w, store_factory] { work(w, store_factory.get()); });

  // How often the calling thread asks should_stop while it waits for a slow file.
  constexpr std::chrono::milliseconds kPollStop{50};
  std::size_t done = 0;
  Outcome o;
  try {
    for (;;) {
      const bool stopping = w->stopping.load();
      // Once stopping, only what is already analysed is written; with stores, every
      // outcome is taken (the workers end soon), as each document is already stored.
      const bool drain = stopping && !store_factory;
      const auto got = w->queue.pop(o, drain ? std::chrono::milliseconds(0) : kPollStop);
      if (got == OutcomeQueue::Pop::kEnd || (got == OutcomeQueue::Pop::kTimeout && drain)) break;
      if (got == OutcomeQueue::Pop::kItem) {
        LoadedFile& r = o.file;
        const std::string& path = r.file.relative;
        if (r.empty) {
          if (options.on_warning) options.on_warning(path, r.error);
          // A file that was emptied leaves the index, as a deleted one does.
          if (sink.emptied && sink.emptied(path)) {
            ++summary.removed;
            if (options.on_removed) options.on_removed(path);
          }
        } else if (r.unchanged) {
          ++summary.unchanged;
        } else if (r.documents.empty() && !o.stored) {
          ++summary.failed;
          if (options.on_failure) options.on_failure(path, r.error);
        } else {
          for (const auto& record : r.record_errors) {
            ++summary.failed_records;
            if (options.on_failure) options.on_failure(path, record);
          }
          if (!r.repairs.converted_from.empty()) ++summary.converted;
          if (const std::string repairs = describe_repairs(r.repairs); !repairs.empty()) {
            ++summary.repaired;
            if (options.on_warning) options.on_warning(path, repairs);
          }
          summary.documents += o.stored ? o.stored_documents : r.documents.size();
          const bool added = o.stored || !sink.write || sink.write(path, r.documents);
          (added ? summary.added : summary.updated)++;
          if (options.on_indexed) options.on_indexed(path, added);
        }
        ++done;
        if (options.on_progress) options.on_progress(done, files.size());
      }
      if (!stopping && options.should_stop && options.should_stop()) w->stopping = true;
    }
  } catch (...) {
    // A write failed (disk full...): release the workers, then report it.
    w->stopping = true;
    w->queue.abandon();
    for (auto& t : pool) t.detach();
    throw;
  }
  summary.cancelled = done < files.size() && !w->error;
  if (summary.cancelled && !store_factory && !w->queue.all_closed()) {
    // A worker is still inside a file: let it finish on its own rather than make the
    // caller (a daemon asked to stop) wait for it. Workers with stores are waited
    // for: what they wrote must be finished before the caller uses it.
    w->queue.abandon();
    for (auto& t : pool) t.detach();
  } else {
    w->queue.abandon();  // nothing more is taken; a worker blocked on a full queue returns
    for (auto& t : pool) t.join();
  }
  {
    std::lock_guard lock(w->error_mutex);
    if (w->error) std::rethrow_exception(w->error);
  }
  return summary;
}

}  // namespace newsdex
