// Following a folder tree with inotify. inotify watches one folder at a time, so the
// watcher adds a watch per folder, follows folders as they are created, moved in,
// moved out or deleted, and turns the kernel's events into paths relative to the
// root. It reports what changed, not what to do: the daemon looks at the disk and
// the index when it applies a batch, so the order and the duplicates of events do
// not matter.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace newsdex {

struct FsEvent {
  enum class Kind {
    kFile,      // a file was written, created by a link, moved in or out, or deleted
    kFolder,    // a folder appeared (watched now) or went away: look at all of it
    kOverflow,  // the kernel's queue overflowed: events were lost, rescan everything
    kRootGone,  // the corpus folder itself was deleted or moved away
  };
  Kind kind;
  std::string relative;  // '/'-separated below the root; empty for the root itself
};

class InotifyWatcher {
 public:
  // `skip(relative_folder, name)` tells the folders not to follow (hidden folders,
  // exclude globs, a database). Throws std::system_error when inotify is unavailable.
  using SkipFolder = std::function<bool(const std::string& relative, const std::string& name)>;
  InotifyWatcher(std::string root, SkipFolder skip);
  ~InotifyWatcher();
  InotifyWatcher(const InotifyWatcher&) = delete;
  InotifyWatcher& operator=(const InotifyWatcher&) = delete;

  int fd() const { return fd_; }

  // Watches the folder `relative` and every folder below it; adding a folder already
  // watched is harmless. Folders that cannot be watched go to `report`.
  void watch_tree(const std::string& relative,
                  const std::function<void(const std::string&)>& report);

  // Reads every event available without blocking and appends them to `out`.
  void read_events(std::vector<FsEvent>& out,
                   const std::function<void(const std::string&)>& report);

  std::size_t watched_folders() const { return by_wd_.size(); }

 private:
  void unwatch_tree(const std::string& relative);
  std::string absolute(const std::string& relative) const;

  std::string root_;
  SkipFolder skip_;
  int fd_ = -1;
  std::unordered_map<int, std::string> by_wd_;  // watch descriptor -> folder
  std::map<std::string, int> by_folder_;        // ordered: a subtree is a range
  bool warned_limit_ = false;
};

}  // namespace newsdex
