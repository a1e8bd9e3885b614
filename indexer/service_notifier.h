// Telling systemd what newsdexd does (sd_notify(3), for Type=notify units): READY=1 once
// the first reconcile is done and the folder is watched, STATUS= lines with the state,
// the documents and the queue (what `systemctl status` shows), WATCHDOG=1 at half of
// the unit's WatchdogSec=, and STOPPING=1 on SIGTERM. Without $NOTIFY_SOCKET (not run
// by systemd) every call does nothing. Thread-safe: progress comes from the workers.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

namespace newsdex {

class ServiceNotifier {
 public:
  using Clock = std::chrono::steady_clock;

  // Reads $NOTIFY_SOCKET and the watchdog's $WATCHDOG_USEC (and $WATCHDOG_PID).
  ServiceNotifier();

  bool active() const { return active_; }
  // The longest the event loop may sleep between keepalive() calls: half the watchdog
  // timeout; none without a watchdog.
  std::optional<Clock::duration> keepalive_period() const { return period_; }

  void ready();
  void stopping();
  // STATUS=<state>: N documents, queue Q. Sent when it changes; a shrinking queue alone
  // at most once a second, so that a long reconcile does not flood the manager.
  void status(const std::string& state, std::uint64_t documents, std::size_t queue);
  // WATCHDOG=1 if half the watchdog period has passed since the last one. Called from
  // the event loop and from the reconcile's progress, so a long first build keeps it fed.
  void keepalive();

 private:
  void send(const std::string& message);

  bool active_ = false;
  std::optional<Clock::duration> period_;
  std::mutex mutex_;
  Clock::time_point last_keepalive_{};
  Clock::time_point last_status_time_{};
  std::string last_status_, last_state_;
  std::uint64_t last_documents_ = 0;
};

}  // namespace newsdex
