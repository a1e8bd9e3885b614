// Walking the corpus folder: every file the schema's globs select, with the size and
// modification time the reconcile compares against the index.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/schema.h"

namespace newsdex {

struct CorpusFile {
  std::string relative;  // '/'-separated path below the corpus root: the document id
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
};

class CorpusScanner {
 public:
  CorpusScanner(std::string root, const Schema& schema) : root_(std::move(root)), schema_(schema) {}

  // Recurses the root (not following links to folders, which could loop) and returns
  // the selected files sorted by path. Folders that cannot be read are passed to
  // `report` and skipped. Throws UsageError when the root itself is not a folder.
  std::vector<CorpusFile> scan(const std::function<void(const std::string&)>& report) const;

  // Whether the path `relative` below the root is an article file newsdexd may read:
  // selected by the globs, a regular file, or a link to one outside the corpus when
  // the schema allows it (a link to a file inside is skipped: the file itself is
  // indexed, once). Sets `out`; a refused link is passed to `report`.
  bool admit(const std::string& relative, CorpusFile& out,
             const std::function<void(const std::string&)>& report) const;

  // Whether a file name (not a path) is an article by the schema's globs.
  bool selects(const std::string& name) const;
  // Whether a folder name is skipped (hidden folders, by the exclude globs).
  bool skips_folder(const std::string& name) const;

  const std::string& root() const { return root_; }

 private:
  bool admit_entry(const std::string& relative, const std::string& real_root, CorpusFile& out,
                   const std::function<void(const std::string&)>& report) const;

  std::string root_;
  const Schema& schema_;
};

}  // namespace newsdex
