#include "indexer/writer_lock.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>

namespace newsdex {
namespace {
std::string record_path(const std::string& db_path) {
  return db_path + "/newsdexd.pid";
}
}  // namespace

WriterPidRecord::WriterPidRecord(std::string db_path) : file_(record_path(db_path)) {
  std::ofstream out(file_, std::ios::trunc);
  out << getpid() << "\n";
}

WriterPidRecord::~WriterPidRecord() {
  ::unlink(file_.c_str());
}

std::string describe_lock_holder(const std::string& db_path) {
  std::ifstream in(record_path(db_path));
  long pid = 0;
  if (in >> pid && pid > 0 && (kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM))
    return "newsdexd pid " + std::to_string(pid);
  return "another process";
}

}  // namespace newsdex
