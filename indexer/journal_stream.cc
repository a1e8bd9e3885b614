#include "indexer/journal_stream.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace newsdex {

bool stderr_is_journal() {
  static const bool is_journal = [] {
    const char* env = std::getenv("JOURNAL_STREAM");
    if (!env || !*env) return false;
    unsigned long long dev = 0, ino = 0;
    if (std::sscanf(env, "%llu:%llu", &dev, &ino) != 2) return false;
    struct stat st {};
    if (fstat(STDERR_FILENO, &st) != 0) return false;
    return static_cast<unsigned long long>(st.st_dev) == dev &&
           static_cast<unsigned long long>(st.st_ino) == ino;
  }();
  return is_journal;
}

const char* priority_prefix(LogPriority priority) {
  if (!stderr_is_journal()) return "";
  switch (priority) {
    case LogPriority::kError:
      return "<3>";
    case LogPriority::kWarning:
      return "<4>";
    case LogPriority::kInfo:
      return "<6>";
    case LogPriority::kDebug:
      return "<7>";
  }
  return "";
}

}  // namespace newsdex
