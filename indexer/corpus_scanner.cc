#include "corpus_scanner.h"

#include <dirent.h>
#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "errors.h"

namespace newsdex {
namespace {

bool matches_any(const std::vector<std::string>& globs, const std::string& name) {
  for (const auto& g : globs)
    if (fnmatch(g.c_str(), name.c_str(), 0) == 0) return true;
  return false;
}

}  // namespace

bool CorpusScanner::selects(const std::string& name) const {
  return matches_any(schema_.include_globs, name) && !matches_any(schema_.exclude_globs, name);
}

bool CorpusScanner::skips_folder(const std::string& name) const {
  return name.empty() || name[0] == '.' || matches_any(schema_.exclude_globs, name);
}

std::vector<CorpusFile> CorpusScanner::scan(
    const std::function<void(const std::string&)>& report) const {
  struct stat st {};
  if (stat(root_.c_str(), &st) != 0)
    throw UsageError(root_ + ": corpus folder: " + std::strerror(errno));
  if (!S_ISDIR(st.st_mode)) throw UsageError(root_ + ": corpus is not a folder");

  std::vector<CorpusFile> files;
  std::vector<std::string> pending{""};  // relative folder paths still to read
  while (!pending.empty()) {
    const std::string rel_dir = std::move(pending.back());
    pending.pop_back();
    const std::string abs_dir = rel_dir.empty() ? root_ : root_ + "/" + rel_dir;
    DIR* dir = opendir(abs_dir.c_str());
    if (!dir) {
      report(abs_dir + ": cannot read folder: " + std::strerror(errno));
      continue;
    }
    while (dirent* e = readdir(dir)) {
      const std::string name = e->d_name;
      if (name == "." || name == "..") continue;
      const std::string rel = rel_dir.empty() ? name : rel_dir + "/" + name;
      const std::string abs = root_ + "/" + rel;
      struct stat fst {};
      // lstat first: a link to a folder is not followed, a link to a file is.
      if (lstat(abs.c_str(), &fst) != 0) continue;
      if (S_ISLNK(fst.st_mode)) {
        if (stat(abs.c_str(), &fst) != 0 || S_ISDIR(fst.st_mode)) continue;
      }
      if (S_ISDIR(fst.st_mode)) {
        // A Xapian database inside the corpus (iamglass) is never an article folder.
        struct stat probe {};
        if (!skips_folder(name) && stat((abs + "/iamglass").c_str(), &probe) != 0)
          pending.push_back(rel);
      } else if (S_ISREG(fst.st_mode) && selects(name)) {
        files.push_back(
            {rel, static_cast<std::uint64_t>(fst.st_size),
             static_cast<std::int64_t>(fst.st_mtim.tv_sec) * 1000000000 + fst.st_mtim.tv_nsec});
      }
    }
    closedir(dir);
  }
  std::sort(files.begin(), files.end(),
            [](const CorpusFile& a, const CorpusFile& b) { return a.relative < b.relative; });
  return files;
}

}  // namespace newsdex
