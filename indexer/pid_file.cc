#include "indexer/pid_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/errors.h"

namespace newsdex {

PidFile::PidFile(std::string path) : path_(std::move(path)) {
  if (path_.empty()) return;
  // Written to a temporary name and renamed, so a reader never sees a half-written pid.
  const std::string tmp = path_ + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "w");
  if (!f) throw UsageError(path_ + ": cannot write pid file: " + std::strerror(errno));
  std::fprintf(f, "%ld\n", static_cast<long>(getpid()));
  const bool ok = std::fclose(f) == 0 && std::rename(tmp.c_str(), path_.c_str()) == 0;
  if (!ok) {
    const int e = errno;
    ::unlink(tmp.c_str());
    throw UsageError(path_ + ": cannot write pid file: " + std::strerror(e));
  }
}

PidFile::~PidFile() {
  if (!path_.empty()) ::unlink(path_.c_str());
}

}  // namespace newsdex
