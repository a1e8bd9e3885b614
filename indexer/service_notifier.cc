#include "indexer/service_notifier.h"

#include <systemd/sd-daemon.h>

#include <cstdlib>

namespace newsdex {

ServiceNotifier::ServiceNotifier() {
  const char* socket = std::getenv("NOTIFY_SOCKET");
  active_ = socket && *socket;
  std::uint64_t usec = 0;
  // > 0 only when the watchdog is meant for this process (WATCHDOG_PID, if set, is ours).
  if (active_ && sd_watchdog_enabled(0, &usec) > 0 && usec > 0)
    period_ = std::chrono::duration_cast<Clock::duration>(std::chrono::microseconds(usec / 2));
}

void ServiceNotifier::send(const std::string& message) {
  // A failure to notify (the manager gone) must not stop the indexing: ignored.
  sd_notify(0, message.c_str());
}

void ServiceNotifier::ready() {
  if (!active_) return;
  std::lock_guard lock(mutex_);
  send("READY=1");
}

void ServiceNotifier::stopping() {
  if (!active_) return;
  std::lock_guard lock(mutex_);
  send("STOPPING=1");
}

void ServiceNotifier::status(const std::string& state, std::uint64_t documents, std::size_t queue) {
  if (!active_) return;
  std::lock_guard lock(mutex_);
  const std::string message = "STATUS=" + state + ": " + std::to_string(documents) +
                              " documents, queue " + std::to_string(queue);
  if (message == last_status_) return;
  // Progress alone (the queue shrinking under a reconcile) at most once a second; a new
  // state, a commit or an empty queue at once.
  const auto now = Clock::now();
  const bool progress_only = state == last_state_ && documents == last_documents_ && queue != 0;
  if (progress_only && now - last_status_time_ < std::chrono::seconds(1)) return;
  last_status_ = message;
  last_state_ = state;
  last_documents_ = documents;
  last_status_time_ = now;
  send(message);
}

void ServiceNotifier::keepalive() {
  if (!period_) return;
  std::lock_guard lock(mutex_);
  const auto now = Clock::now();
  if (now - last_keepalive_ < *period_) return;
  last_keepalive_ = now;
  send("WATCHDOG=1");
}

}  // namespace newsdex
