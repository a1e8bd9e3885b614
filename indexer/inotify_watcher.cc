#include "indexer/inotify_watcher.h"

#include <dirent.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace newsdex {
namespace {

// Folder watches: files written (close after write), created (links), moved and
// deleted; the watched folder itself going away. IN_EXCL_UNLINK: no events from files
// already unlinked but still open. IN_DONT_FOLLOW: a link to a folder is not followed,
// as the scanner does not follow it.
constexpr std::uint32_t kMask = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
                                IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR |
                                IN_DONT_FOLLOW | IN_EXCL_UNLINK;

std::string join(const std::string& folder, const std::string& name) {
  return folder.empty() ? name : folder + "/" + name;
}

}  // namespace

InotifyWatcher::InotifyWatcher(std::string root, SkipFolder skip)
    : root_(std::move(root)), skip_(std::move(skip)) {
  fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) throw std::system_error(errno, std::generic_category(), "inotify_init1");
}

InotifyWatcher::~InotifyWatcher() {
  ::close(fd_);
}

std::string InotifyWatcher::absolute(const std::string& relative) const {
  return relative.empty() ? root_ : root_ + "/" + relative;
}

void InotifyWatcher::watch_tree(const std::string& relative,
                                const std::function<void(const std::string&)>& report) {
  std::vector<std::string> pending{relative};
  while (!pending.empty()) {
    const std::string folder = std::move(pending.back());
    pending.pop_back();
    const std::string abs = absolute(folder);
    const int wd = inotify_add_watch(fd_, abs.c_str(), kMask);
    if (wd < 0) {
      if (errno == ENOENT || errno == ENOTDIR) continue;  // gone again already
      if (errno == ENOSPC) {
        if (!warned_limit_)
          report(abs +
                 ": inotify watch limit reached (sysctl fs.inotify.max_user_watches); "
                 "changes in folders not watched are found by the periodic rescan");
        warned_limit_ = true;
      } else {
        report(abs + ": cannot watch folder: " + std::strerror(errno));
      }
      continue;
    }
    // The same folder (inode) may have been watched under an older name: the kernel
    // returns the same descriptor, and the new name wins.
    if (auto it = by_wd_.find(wd); it != by_wd_.end() && it->second != folder)
      by_folder_.erase(it->second);
    by_wd_[wd] = folder;
    by_folder_[folder] = wd;

    // Watch first, then list: a folder created in between is seen by one or the other.
    DIR* dir = opendir(abs.c_str());
    if (!dir) continue;
    while (dirent* e = readdir(dir)) {
      const std::string name = e->d_name;
      if (name == "." || name == "..") continue;
      bool is_dir = e->d_type == DT_DIR;
      if (e->d_type == DT_UNKNOWN) {
        struct stat st {};
        is_dir = lstat((abs + "/" + name).c_str(), &st) == 0 && S_ISDIR(st.st_mode);
      }
      if (is_dir && !skip_(folder, name)) pending.push_back(join(folder, name));
    }
    closedir(dir);
  }
}

void InotifyWatcher::unwatch_tree(const std::string& relative) {
  const std::string below = relative + "/";
  for (auto it = by_folder_.lower_bound(relative); it != by_folder_.end();) {
    if (it->first != relative && it->first.compare(0, below.size(), below) != 0) break;
    // The folder may live on elsewhere (moved out of the corpus): stop its events.
    inotify_rm_watch(fd_, it->second);
    by_wd_.erase(it->second);
    it = by_folder_.erase(it);
  }
}

void InotifyWatcher::read_events(std::vector<FsEvent>& out,
                                 const std::function<void(const std::string&)>& report) {
  alignas(inotify_event) char buffer[64 * 1024];
  for (;;) {
    const ssize_t n = ::read(fd_, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // EAGAIN: all read
    for (ssize_t at = 0; at < n;) {
      const auto* ev = reinterpret_cast<const inotify_event*>(buffer + at);
      at += static_cast<ssize_t>(sizeof(inotify_event) + ev->len);
      if (ev->mask & IN_Q_OVERFLOW) {
        out.push_back({FsEvent::Kind::kOverflow, ""});
        continue;
      }
      const auto it = by_wd_.find(ev->wd);
      if (it == by_wd_.end()) continue;  // a folder already unwatched
      const std::string folder = it->second;
      if (ev->mask & IN_IGNORED) {  // the watch is gone (folder deleted)
        by_folder_.erase(folder);
        by_wd_.erase(it);
        if (folder.empty()) out.push_back({FsEvent::Kind::kRootGone, ""});
        continue;
      }
      if (ev->len == 0) {  // an event on the watched folder itself
        if (folder.empty() && (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF)))
          out.push_back({FsEvent::Kind::kRootGone, ""});
        continue;  // other folders: their parent reports the move or deletion
      }
      const std::string name = ev->name;
      const std::string relative = join(folder, name);
      if (ev->mask & IN_ISDIR) {
        if (skip_(folder, name)) continue;
        if (ev->mask & (IN_CREATE | IN_MOVED_TO)) {
          watch_tree(relative, report);
        } else if (ev->mask & (IN_DELETE | IN_MOVED_FROM)) {
          unwatch_tree(relative);
        } else {
          continue;
        }
        out.push_back({FsEvent::Kind::kFolder, relative});
        continue;
      }
      if (ev->mask & IN_CREATE) {
        // A new file is indexed when it is closed after writing; a link (ln, ln -s)
        // has no such close, so it counts at creation.
        struct stat st {};
        if (lstat((root_ + "/" + relative).c_str(), &st) != 0 ||
            !(S_ISLNK(st.st_mode) || (S_ISREG(st.st_mode) && st.st_nlink > 1)))
          continue;
      }
      out.push_back({FsEvent::Kind::kFile, relative});
    }
  }
}

}  // namespace newsdex
