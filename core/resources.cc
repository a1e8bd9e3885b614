#include "core/resources.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace newsdex {

std::string data_dir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("NEWSDEX_DATA_DIR"); env && *env) return env;
  std::error_code ec;
  // The real file, links resolved: /usr/local/bin/newsdex may link to /opt/newsdex/bin.
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "/usr/share/newsdex";  // no /proc: the packaged place
  return (exe.parent_path().parent_path() / "share" / "newsdex").string();
}

std::string find_resource(const std::string& relative) {
  return (std::filesystem::path(data_dir()) / relative).string();
}

}  // namespace newsdex
