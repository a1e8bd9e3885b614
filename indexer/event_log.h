// newsdexd's events: warnings always reach stderr ("newsdexd: ..."); with --log every
// event is also appended to the log file as one timestamped line; --verbose adds the
// per-file events. When stderr is the journal, each line carries its priority ("<4>"
// warnings, "<6>" the other events, which then always go there). Thread-safe.
#pragma once

#include <cstdio>
#include <mutex>
#include <string>

#include "indexer/journal_stream.h"

namespace newsdex {

class EventLog {
 public:
  EventLog(std::string path, bool verbose);
  ~EventLog();
  EventLog(const EventLog&) = delete;
  EventLog& operator=(const EventLog&) = delete;

  void warn(const std::string& what);    // a file skipped, a folder unreadable...
  void info(const std::string& what);    // commits, rescans, signals
  void detail(const std::string& what);  // one file indexed or removed (--verbose)
  void reopen();                         // after SIGHUP: logrotate moved the file

  bool verbose() const { return verbose_; }

 private:
  void write(LogPriority priority, const char* level, const std::string& what, bool to_stderr);
  std::string path_;
  bool verbose_;
  std::FILE* file_ = nullptr;
  std::mutex mutex_;
};

}  // namespace newsdex
