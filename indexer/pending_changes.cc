#include "indexer/pending_changes.h"

#include <algorithm>

namespace newsdex {

void PendingChanges::touched(Clock::time_point now) {
  if (batch_.empty()) first_ = now;
  last_ = now;
}

void PendingChanges::add_file(const std::string& relative, Clock::time_point now) {
  touched(now);
  batch_.files.insert(relative);
}

void PendingChanges::add_folder(const std::string& relative, Clock::time_point now) {
  touched(now);
  batch_.folders.insert(relative);
}

std::optional<PendingChanges::Clock::time_point> PendingChanges::due() const {
  if (batch_.empty()) return std::nullopt;
  if (size() >= max_batch_) return first_;
  return std::min(last_ + quiet_, first_ + max_wait_);
}

ChangeBatch PendingChanges::take() {
  ChangeBatch out = std::move(batch_);
  batch_ = ChangeBatch{};
  return out;
}

}  // namespace newsdex
