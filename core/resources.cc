#include "core/resources.h"

#include <filesystem>
#include <system_error>
#include <vector>

#ifndef NEWSDEX_SOURCE_DIR
#define NEWSDEX_SOURCE_DIR "."
#endif

namespace newsdex {

std::string find_resource(const std::string& relative) {
  namespace fs = std::filesystem;
  std::vector<fs::path> candidates;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path bin = exe.parent_path();
    candidates.push_back(bin / ".." / ".." / relative);
    candidates.push_back(bin / ".." / "share" / "newsdex" / relative);
  }
  candidates.push_back(fs::path(NEWSDEX_SOURCE_DIR) / relative);
  for (const auto& c : candidates) {
    if (fs::exists(c, ec)) return fs::weakly_canonical(c, ec).string();
  }
  return candidates.back().string();
}

}  // namespace newsdex
