#include "indexer/watch_daemon.h"

#include <poll.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>

#include "core/errors.h"
#include "core/index_database.h"
#include "core/layout.h"
#include "indexer/change_applier.h"
#include "indexer/inotify_watcher.h"
#include "indexer/pending_changes.h"

namespace newsdex {
namespace {

using Clock = std::chrono::steady_clock;

Clock::duration seconds(double s) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
}

// A burst of events (an editor's save, a cp of a folder) ends after this much quiet;
// never longer than the commit interval itself.
constexpr double kQuietSeconds = 0.05;
// On SIGTERM, how long pending changes may still be analysed before the daemon exits
// (the contract gives it two seconds in all).
constexpr double kStopBudgetSeconds = 1.0;

class WatchDaemon {
 public:
  explicit WatchDaemon(DaemonContext& c)
      : c_(c),
        watcher_(c.scanner.root(),
                 [this](const std::string& folder, const std::string& name) {
                   return skips_folder(folder, name);
                 }),
        pending_(seconds(std::min(kQuietSeconds, c.options.commit_interval)),
                 seconds(c.options.commit_interval), c.options.commit_every),
        applier_(c.scanner, c.schema, c.reconciler, c.db, c.writer) {
    c.writer.set_max_age(seconds(c.options.commit_interval));
    // In watch mode the queue is what is pending plus what the current batch has left.
    c_.reconcile.on_progress = [this](std::size_t done, std::size_t total) {
      c_.status.set_queue(pending_.size() + (total - done));
    };
  }

  int run();

 private:
  bool skips_folder(const std::string& folder, const std::string& name) const;
  void read_events();
  void apply_pending();
  void rescan(const char* why, bool reanalyse_all = false);
  void reload();
  void warn(const std::string& what) { c_.log.warn(what); }

  DaemonContext& c_;
  InotifyWatcher watcher_;
  PendingChanges pending_;
  ChangeApplier applier_;
  bool rescan_needed_ = false;
  const char* rescan_reason_ = "";
};

bool WatchDaemon::skips_folder(const std::string& folder, const std::string& name) const {
  if (c_.scanner.skips_folder(name)) return true;
  // A database inside the corpus: its own commits must not wake the watcher.
  const std::string abs =
      c_.scanner.root() + "/" + (folder.empty() ? name : folder + "/" + name) + "/iamglass";
  struct stat st {};
  return stat(abs.c_str(), &st) == 0;
}

void WatchDaemon::read_events() {
  std::vector<FsEvent> events;
  watcher_.read_events(events, [this](const std::string& what) { warn(what); });
  const auto now = Clock::now();
  for (const auto& e : events) {
    switch (e.kind) {
      case FsEvent::Kind::kFile: {
        // Temporary and hidden files (an editor's .swp, a download's .part) are not
        // articles: only the rename to the final name counts.
        const std::size_t slash = e.relative.rfind('/');
        if (c_.scanner.selects(slash == std::string::npos ? e.relative
                                                          : e.relative.substr(slash + 1)))
          pending_.add_file(e.relative, now);
        break;
      }
      case FsEvent::Kind::kFolder:
        pending_.add_folder(e.relative, now);
        break;
      case FsEvent::Kind::kOverflow:
        rescan_needed_ = true;
        rescan_reason_ = "inotify queue overflow";
        break;
      case FsEvent::Kind::kRootGone:
        warn(c_.scanner.root() +
             ": the corpus folder was deleted or moved; the index is kept "
             "and the next rescan looks for it again");
        break;
    }
    if (c_.log.verbose() && e.kind != FsEvent::Kind::kOverflow)
      c_.log.detail("event " + (e.relative.empty() ? std::string(".") : e.relative));
  }
  c_.status.set_queue(pending_.size());
}

void WatchDaemon::apply_pending() {
  const ChangeBatch batch = pending_.take();
  const ReconcileSummary s = applier_.apply(batch, c_.reconcile);
  c_.status.set_queue(pending_.size());
  if (s.changed() || s.failed)
    c_.log.info("changes applied: " + std::to_string(s.added) + " added, " +
                std::to_string(s.updated) + " updated, " + std::to_string(s.removed) +
                " removed, " + std::to_string(s.failed) + " failed in " +
                std::to_string(static_cast<long>(std::lround(s.seconds * 1000))) +
                " ms, revision " + std::to_string(c_.writer.revision()));
}

// A full reconcile against the index: what events missed (an overflow, a folder not
// watchable, changes while the daemon started) is found by comparing everything.
void WatchDaemon::rescan(const char* why, bool reanalyse_all) {
  c_.status.set_state("reconciling");
  pending_.clear();  // the rescan looks at every file, these included
  rescan_needed_ = false;
  watcher_.watch_tree("", [this](const std::string& what) { warn(what); });
  try {
    const auto files = c_.scanner.scan([this](const std::string& what) { warn(what); });
    IndexedFiles indexed = read_indexed_files(c_.db);
    if (reanalyse_all)
      for (auto& [path, fingerprint] : indexed) fingerprint = Fingerprint{};
    const ReconcileSummary s = c_.reconciler.run(files, indexed, c_.writer, c_.reconcile);
    c_.status.rescanned();
    c_.log.info(std::string("rescan (") + why + "): " + std::to_string(s.added) + " added, " +
                std::to_string(s.updated) + " updated, " + std::to_string(s.removed) +
                " removed, " + std::to_string(s.unchanged) + " unchanged, " +
                std::to_string(s.failed) + " failed");
  } catch (const UsageError& e) {
    // The corpus folder is missing: keep the index as it is rather than empty it.
    warn(std::string("rescan (") + why + "): " + e.what());
  }
  c_.status.set_queue(pending_.size());
  c_.status.set_state("watching");
}

// SIGHUP: reopen the log (logrotate moved it) and re-read --schema. A changed schema
// changes how every article is analysed, so all are analysed again.
void WatchDaemon::reload() {
  try {
    c_.log.reopen();
  } catch (const Error& e) {
    warn(std::string("SIGHUP: ") + e.what());
  }
  if (c_.options.schema.empty()) {
    c_.log.info("SIGHUP: log reopened; no --schema file to reload");
    return;
  }
  Schema fresh;
  try {
    fresh = load_schema_file(c_.options.schema);
  } catch (const Error& e) {
    warn(std::string("SIGHUP: schema not reloaded, the old one stays: ") + e.what());
    return;
  }
  if (fresh.source_text == c_.schema.source_text) {
    c_.log.info("SIGHUP: log reopened; schema " + c_.options.schema + " unchanged");
    return;
  }
  // All three forms: newsdex reads the parsed one, which a search would otherwise keep
  // old. Stored as the file says: --follow-symlinks holds for this run only.
  store_schema(c_.db, fresh);
  // Between batches no worker holds a reference to the old schema.
  c_.schema = std::move(fresh);
  if (c_.options.follow_symlinks) c_.schema.follow_outside_links = true;
  c_.log.info("SIGHUP: schema " + c_.options.schema + " changed; re-indexing every article");
  rescan("schema changed", true);
}

int WatchDaemon::run() {
  watcher_.watch_tree("", [this](const std::string& what) { warn(what); });
  c_.log.info("watching " + c_.scanner.root() + " (" + std::to_string(watcher_.watched_folders()) +
              " folders)");
  // Files changed while the first reconcile ran, before the watches existed.
  rescan("start");
  c_.notifier.ready();
  auto next_rescan = Clock::now() + seconds(c_.options.rescan_interval);

  while (!c_.signals.stop_requested()) {
    auto wake = next_rescan;
    if (auto due = pending_.due()) wake = std::min(wake, *due);
    if (auto period = c_.notifier.keepalive_period()) wake = std::min(wake, Clock::now() + *period);
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(wake - Clock::now()).count();
    pollfd fds[2] = {{c_.signals.fd(), POLLIN, 0}, {watcher_.fd(), POLLIN, 0}};
    const int timeout = static_cast<int>(std::clamp<long long>(wait, 0, INT_MAX));
    if (poll(fds, 2, timeout) < 0 && errno != EINTR)
      throw std::system_error(errno, std::generic_category(), "poll");
    c_.notifier.keepalive();

    if (c_.signals.take_reload()) reload();
    if (c_.signals.stop_requested()) break;
    if (fds[1].revents & POLLIN) read_events();

    const auto now = Clock::now();
    if (rescan_needed_ || now >= next_rescan) {
      rescan(rescan_needed_ ? rescan_reason_ : "periodic");
      next_rescan = Clock::now() + seconds(c_.options.rescan_interval);
    } else if (auto due = pending_.due(); due && now >= *due) {
      apply_pending();
    }
  }

  // What happened before the signal is applied if it fits the stop budget; what
  // does not fit is left to the next start's reconcile, which compares the whole
  // folder anyway, so stopping stays quick however much is queued.
  c_.notifier.stopping();
  c_.status.set_state("stopping");
  read_events();
  bool left_over = rescan_needed_;
  if (pending_.size() > 0 && !rescan_needed_) {
    const auto deadline = Clock::now() + seconds(kStopBudgetSeconds);
    ReconcileOptions budget = c_.reconcile;
    budget.should_stop = [deadline] { return Clock::now() >= deadline; };
    left_over = applier_.apply(pending_.take(), budget).cancelled;
  }
  c_.writer.commit();
  c_.log.info(std::string("stopping on ") + c_.signals.stop_signal_name() +
              (left_over ? "; changes left for the next start's reconcile" : ""));
  c_.status.set_queue(pending_.size());
  c_.status.set_state("stopped");
  return kExitOk;
}

}  // namespace

int run_watch_daemon(DaemonContext& context) {
  return WatchDaemon(context).run();
}

}  // namespace newsdex
