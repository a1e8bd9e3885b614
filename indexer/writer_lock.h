// Which newsdexd holds a database: Xapian's own write lock guarantees one writer, but
// does not say who holds it, so the writer leaves its pid in the database folder.
#pragma once

#include <string>

namespace newsdex {

// Records this process as the writer of `db_path` (call after the Xapian lock is held)
// and removes the record when destroyed.
class WriterPidRecord {
 public:
  explicit WriterPidRecord(std::string db_path);
  ~WriterPidRecord();
  WriterPidRecord(const WriterPidRecord&) = delete;
  WriterPidRecord& operator=(const WriterPidRecord&) = delete;

 private:
  std::string file_;
};

// "pid 1234" when a live newsdexd recorded itself, else "another process".
std::string describe_lock_holder(const std::string& db_path);

}  // namespace newsdex
