// What newsdexd may read of a corpus folder: the files below it, and a file that a
// symbolic link leads to outside it only when the user asked for that. A folder of
// other people's articles is hostile input: `ln -s /etc/shadow x.txt` must not put the
// file into a searchable index.
#pragma once

#include <string>

namespace newsdex {

// The canonical absolute form of the corpus root (symbolic links resolved), or the
// path as given when it cannot be resolved.
std::string real_root(const std::string& root);

// Where a symbolic link at `abs` (inside the corpus) leads.
enum class LinkTarget {
  kInside,   // a file inside the corpus: indexed under its own path, not the link's
  kOutside,  // a file outside the corpus
  kFolder,   // a folder (never followed: it could loop) or something else not a file
  kNowhere,  // nothing: a broken link, or a loop of links
};
LinkTarget classify_link(const std::string& real_root, const std::string& abs);

// Opens `relative` below `root_fd` read-only. Unless `follow_outside`, no step of the
// resolution may leave the folder (openat2's RESOLVE_BENEATH), so a file swapped for
// a link between the scan and the read is refused too. Returns the fd, or -1 with
// errno set (EXDEV: the path leads outside the corpus).
int open_in_corpus(int root_fd, const std::string& relative, bool follow_outside);

// The message for a file refused because its path leads outside the corpus.
inline constexpr const char* kOutsideLinkMessage =
    "symbolic link to a file outside the corpus, not followed (files.follow_symlinks in the "
    "schema, or newsdexd --follow-symlinks, follows it)";

}  // namespace newsdex
