#include "indexer/progress_line.h"

namespace newsdex {

void ProgressLine::update(std::size_t done, std::size_t total) {
  const auto now = Clock::now();
  if (done != total && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double rate = elapsed > 0 ? done / elapsed : 0;
  const double left = rate > 0 ? (total - done) / rate : 0;
  std::fprintf(out_, "\r\033[K%zu/%zu files, %.0f docs/s, %.0f s left", done, total, rate, left);
  std::fflush(out_);
  drawn_ = true;
}

void ProgressLine::finish() {
  if (!drawn_) return;
  std::fprintf(out_, "\r\033[K");
  std::fflush(out_);
  drawn_ = false;
}

}  // namespace newsdex
