// What a reconcile, an applied batch of changes or a first build counted, and how the
// caller hears about each file as it goes: the contract between the indexing pipeline
// and newsdexd's front ends (the --once summary, the log, the status file).
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace newsdex {

struct ReconcileSummary {
  std::size_t added = 0, updated = 0, removed = 0, unchanged = 0, failed = 0;
  std::size_t repaired = 0;   // files whose text needed UTF-8 or mojibake repair
  std::size_t converted = 0;  // files read from another charset (UTF-16, Latin-1, ...)
  // Records of many-article files (a JSON line, a feed item) that failed alone, the
  // file's other articles indexed.
  std::size_t failed_records = 0;
  // Articles read from the files added or updated: one a plain-text file, every record
  // of a JSONL file or feed. The summary's rate counts these, not files.
  std::size_t documents = 0;
  double seconds = 0;
  bool cancelled = false;  // stopped early by ReconcileOptions::should_stop
  std::size_t changed() const { return added + updated + removed; }
};

struct ReconcileOptions {
  unsigned workers = 1;
  // Called on the writer thread for every file that failed (path, reason) and every
  // warning (path, what was repaired).
  std::function<void(const std::string&, const std::string&)> on_failure;
  std::function<void(const std::string&, const std::string&)> on_warning;
  // Called on the writer thread for every document written (path, whether it is new)
  // and every one removed: --verbose reports them.
  std::function<void(const std::string&, bool)> on_indexed;
  std::function<void(const std::string&)> on_removed;
  // Called on the writer thread with one line about a stage of the work: how long a
  // first build's shards took to write and to merge (the log, and --verbose).
  std::function<void(const std::string&)> on_note;
  // Called on the writer thread after each file: done, total.
  std::function<void(std::size_t, std::size_t)> on_progress;
  // Polled on the writer thread between files; once it returns true the workers take
  // no new file, what they already analysed is still written, and the call returns
  // early (summary.cancelled) so that a signal never waits for a whole reconcile.
  std::function<bool()> should_stop;
  // Unless set, run() refuses (UsageError) to remove every document because the
  // folder holds no article: an unmounted or emptied folder must not empty the index.
  bool allow_empty_corpus = false;
};

}  // namespace newsdex
