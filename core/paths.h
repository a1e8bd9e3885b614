// Folder paths as newsdex stores and shows them: without a trailing "/", so that a
// file's path is always folder + "/" + id, however the folder was typed ("corpus/",
// ".", "./").
#pragma once

#include <filesystem>
#include <string>

namespace newsdex {

// `path` without trailing slashes; "/" stays "/".
inline std::string without_trailing_slash(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

// The absolute, lexically normal form of folder `path` ("." -> "/home/me/news").
inline std::string absolute_folder(const std::string& path) {
  return without_trailing_slash(std::filesystem::absolute(path).lexically_normal().string());
}

}  // namespace newsdex
