#include "indexer/corpus_access.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <memory>

namespace newsdex {
namespace {

std::string resolved(const std::string& path) {
  std::unique_ptr<char, decltype(&std::free)> real(::realpath(path.c_str(), nullptr), &std::free);
  return real ? std::string(real.get()) : std::string();
}

bool lies_below(const std::string& path, const std::string& root) {
  if (root == "/") return true;
  return path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
         path[root.size()] == '/';
}

}  // namespace

std::string real_root(const std::string& root) {
  std::string r = resolved(root);
  return r.empty() ? root : r;
}

LinkTarget classify_link(const std::string& root, const std::string& abs) {
  struct stat st {};
  if (::stat(abs.c_str(), &st) != 0) return LinkTarget::kNowhere;
  if (!S_ISREG(st.st_mode)) return LinkTarget::kFolder;
  const std::string target = resolved(abs);
  if (target.empty()) return LinkTarget::kNowhere;
  return lies_below(target, root) ? LinkTarget::kInside : LinkTarget::kOutside;
}

int open_in_corpus(int root_fd, const std::string& relative, bool follow_outside) {
  if (follow_outside) return ::openat(root_fd, relative.c_str(), O_RDONLY | O_CLOEXEC);
  open_how how{};
  how.flags = O_RDONLY | O_CLOEXEC;
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
  const long fd = ::syscall(SYS_openat2, root_fd, relative.c_str(), &how, sizeof how);
  if (fd >= 0 || errno != ENOSYS) return static_cast<int>(fd);
  // A kernel before 5.6: resolve the path and check where it lands (a file swapped
  // for a link between this check and the open is the one case this cannot refuse).
  char root_path[PATH_MAX];
  const std::string self = "/proc/self/fd/" + std::to_string(root_fd);
  const ssize_t n = ::readlink(self.c_str(), root_path, sizeof root_path - 1);
  if (n <= 0) return -1;
  const std::string root(root_path, static_cast<std::size_t>(n));
  const std::string target = resolved(root + "/" + relative);
  if (target.empty()) return -1;
  if (!lies_below(target, root)) {
    errno = EXDEV;
    return -1;
  }
  return ::openat(root_fd, relative.c_str(), O_RDONLY | O_CLOEXEC);
}

}  // namespace newsdex
