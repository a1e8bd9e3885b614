#include "indexer/event_log.h"

#include <sys/time.h>
#include <cerrno>
#include <cstring>
#include <ctime>

#include "core/errors.h"
#include "indexer/journal_stream.h"

namespace newsdex {

EventLog::EventLog(std::string path, bool verbose) : path_(std::move(path)), verbose_(verbose) {
  reopen();
}

EventLog::~EventLog() {
  if (file_) std::fclose(file_);
}

void EventLog::reopen() {
  if (path_.empty()) return;
  std::lock_guard lock(mutex_);
  if (file_) std::fclose(file_);
  file_ = std::fopen(path_.c_str(), "a");
  if (!file_) throw UsageError(path_ + ": cannot open log file: " + std::strerror(errno));
  std::setvbuf(file_, nullptr, _IOLBF, 0);
}

void EventLog::write(LogPriority priority, const char* level, const std::string& what,
                     bool to_stderr) {
  std::lock_guard lock(mutex_);
  if (to_stderr) std::fprintf(stderr, "%snewsdexd: %s\n", priority_prefix(priority), what.c_str());
  if (!file_) return;
  timeval tv{};
  gettimeofday(&tv, nullptr);
  std::tm tm{};
  gmtime_r(&tv.tv_sec, &tm);
  char stamp[64];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
  std::fprintf(file_, "%s.%03ldZ %s %s\n", stamp, static_cast<long>(tv.tv_usec / 1000), level,
               what.c_str());
}

void EventLog::warn(const std::string& what) {
  write(LogPriority::kWarning, "warn", what, true);
}
// The journal keeps a service's events, so they go there at their priority whether or
// not --verbose asks for them on a terminal.
void EventLog::info(const std::string& what) {
  write(LogPriority::kInfo, "info", what, verbose_ || stderr_is_journal());
}
void EventLog::detail(const std::string& what) {
  if (verbose_ || file_) write(LogPriority::kDebug, "file", what, verbose_);
}

}  // namespace newsdex
