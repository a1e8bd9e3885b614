#include "indexer/corpus_scanner.h"

#include <dirent.h>
#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/errors.h"
#include "indexer/corpus_access.h"

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

bool CorpusScanner::admit(const std::string& relative, CorpusFile& out,
                          const std::function<void(const std::string&)>& report) const {
  return admit_entry(relative, real_root(root_), out, report);
}

bool CorpusScanner::admit_entry(const std::string& relative, const std::string& real_root,
                                CorpusFile& out,
                                const std::function<void(const std::string&)>& report) const {
  const std::size_t slash = relative.rfind('/');
  if (!selects(slash == std::string::npos ? relative : relative.substr(slash + 1))) return false;
  const std::string abs = root_ + "/" + relative;
  struct stat st {};
  if (lstat(abs.c_str(), &st) != 0) return false;
  if (S_ISLNK(st.st_mode)) {
    switch (classify_link(real_root, abs)) {
      case LinkTarget::kFolder:  // never followed: it could loop
      case LinkTarget::kInside:  // the file itself is indexed
        return false;
      case LinkTarget::kNowhere:
        report(abs + ": symbolic link that leads nowhere (broken, or a loop), skipped");
        return false;
      case LinkTarget::kOutside:
        if (!schema_.follow_outside_links) {
          report(abs + ": " + kOutsideLinkMessage);
          return false;
        }
        if (stat(abs.c_str(), &st) != 0) return false;
    }
  }
  if (S_ISDIR(st.st_mode)) return false;
  if (!S_ISREG(st.st_mode)) {
    report(abs + ": not a regular file (" +
           (S_ISFIFO(st.st_mode)   ? "a FIFO"
            : S_ISSOCK(st.st_mode) ? "a socket"
                                   : "a device") +
           "), skipped");
    return false;
  }
  out.relative = relative;
  out.size = static_cast<std::uint64_t>(st.st_size);
  out.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return true;
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

  const std::string resolved_root = real_root(root_);
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
      // d_type saves a stat per file where the file system fills it in.
      const bool folder = e->d_type == DT_DIR || (e->d_type == DT_UNKNOWN && [&] {
                            struct stat fst {};
                            return lstat(abs.c_str(), &fst) == 0 && S_ISDIR(fst.st_mode);
                          }());
      if (folder) {
        // A Xapian database inside the corpus (iamglass) is never an article folder.
        struct stat probe {};
        if (!skips_folder(name) && stat((abs + "/iamglass").c_str(), &probe) != 0)
          pending.push_back(rel);
      } else if (CorpusFile f; admit_entry(rel, resolved_root, f, report)) {
        files.push_back(std::move(f));
      }
    }
    closedir(dir);
  }
  std::sort(files.begin(), files.end(),
            [](const CorpusFile& a, const CorpusFile& b) { return a.relative < b.relative; });
  return files;
}

}  // namespace newsdex
