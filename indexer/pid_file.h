// --pidfile: the daemon's pid for init scripts and `kill $(cat FILE)`. Written only
// once the database's write lock is held, so a second newsdexd that fails to start
// never overwrites the pid of the one that runs.
#pragma once

#include <string>

namespace newsdex {

class PidFile {
 public:
  // Writes the pid to `path` (nothing when empty). Throws UsageError when it cannot.
  explicit PidFile(std::string path);
  ~PidFile();  // removes the file
  PidFile(const PidFile&) = delete;
  PidFile& operator=(const PidFile&) = delete;

 private:
  std::string path_;
};

}  // namespace newsdex
