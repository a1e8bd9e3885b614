// <db>/status.json: what the daemon is doing, for `newsdex status` and monitoring.
// Rewritten as a whole (temporary file + rename) on each state change and commit, so
// a reader sees either the old or the new version, never a torn one. It is advisory:
// a failure to write it is reported once and never stops indexing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <ctime>
#include <deque>
#include <string>
#include <utility>

namespace newsdex {

class ServiceNotifier;

class StatusFile {
 public:
  // How many failed files the status keeps (the most recent); the count is total.
  static constexpr std::size_t kMaxFailures = 20;

  StatusFile(std::string db_path, std::string corpus);
  // Leaves "stopped" behind however the process ends, short of being killed.
  ~StatusFile();
  StatusFile(const StatusFile&) = delete;
  StatusFile& operator=(const StatusFile&) = delete;

  // "reconciling", "watching", "stopping", "stopped". Writes the file.
  void set_state(const char* state);
  // After a commit: the database's revision and document count. Writes the file.
  void committed(std::uint64_t revision, std::uint64_t documents);
  // Files known to need work and not yet committed. Written at most once a second,
  // so that a long reconcile shows its progress without a write per file.
  void set_queue(std::size_t n);
  void set_documents(std::uint64_t revision, std::uint64_t documents);
  void failed(const std::string& path, const std::string& reason);
  void rescanned() { last_rescan_ = std::time(nullptr); }

  void write();
  const std::string& path() const { return path_; }
  // Also tells systemd each state, document count and queue (STATUS=), and feeds its
  // watchdog on each change, the reconcile's progress included. Not owned; may be null.
  void notify_to(ServiceNotifier* notifier) { notifier_ = notifier; }

 private:
  std::string path_, corpus_;
  const char* state_ = "starting";
  std::time_t started_, last_commit_ = 0, last_rescan_ = 0, last_write_ = 0;
  std::uint64_t revision_ = 0, documents_ = 0, failed_total_ = 0;
  std::size_t queue_ = 0;
  std::deque<std::pair<std::string, std::string>> failures_;
  bool warned_ = false;
  ServiceNotifier* notifier_ = nullptr;
  void notify();
};

// "2024-05-01T12:34:56Z": ISO 8601, UTC.
std::string iso8601_utc(std::time_t t);

}  // namespace newsdex
