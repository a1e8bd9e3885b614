// The changes seen but not yet applied, and when to apply them. Events are
// coalesced per path (a file saved ten times is analysed once) and debounced: a batch
// is due once the folder has been quiet for a moment, or when its oldest change has
// waited the commit interval, or when it holds a commit's worth of paths. A single
// saved file is thus searchable a fraction of a second later, and a copy of
// thousands of files is indexed in large batches rather than one commit per file.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <set>
#include <string>

namespace newsdex {

struct ChangeBatch {
  std::set<std::string> files;    // relative paths of files that may have changed
  std::set<std::string> folders;  // relative folders to compare as a whole
  bool empty() const { return files.empty() && folders.empty(); }
};

class PendingChanges {
 public:
  using Clock = std::chrono::steady_clock;

  // `max_wait`: the commit interval; `quiet`: how long without events ends a burst.
  PendingChanges(Clock::duration quiet, Clock::duration max_wait, std::size_t max_batch)
      : quiet_(quiet), max_wait_(max_wait), max_batch_(max_batch) {}

  void add_file(const std::string& relative, Clock::time_point now);
  void add_folder(const std::string& relative, Clock::time_point now);

  // When the batch should be applied; nothing when there is no change.
  std::optional<Clock::time_point> due() const;
  std::size_t size() const { return batch_.files.size() + batch_.folders.size(); }

  // Hands the batch over and starts a new one.
  ChangeBatch take();
  void clear() { take(); }

 private:
  void touched(Clock::time_point now);

  Clock::duration quiet_, max_wait_;
  std::size_t max_batch_;
  ChangeBatch batch_;
  Clock::time_point first_{}, last_{};
};

}  // namespace newsdex
