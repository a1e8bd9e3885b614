// Shared helpers of the indexer's unit tests: a corpus folder of their own, removed
// afterwards, the shipped schema, and a scan of the folder as newsdexd makes it.
#pragma once

#include <doctest/doctest.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/schema.h"
#include "indexer/corpus_scanner.h"

namespace newsdex::testing {

inline const Schema& news_schema() {
  static const Schema schema =
      load_schema_file(std::string(NEWSDEX_SOURCE_DIR) + "/schemas/news.yaml");
  return schema;
}

class TempCorpus {
 public:
  TempCorpus() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "newsdex-indexer-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    root_ = tmpl;
  }
  ~TempCorpus() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  TempCorpus(const TempCorpus&) = delete;
  TempCorpus& operator=(const TempCorpus&) = delete;

  // Writes `bytes` to `relative` (folders created), with modification time `mtime`
  // seconds when given, so that tests need not sleep to change a file's time.
  void write(const std::string& relative, const std::string& bytes, long mtime = 0) const {
    const auto path = std::filesystem::path(root_) / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
    if (mtime) {
      const timespec times[2] = {{mtime, 0}, {mtime, 0}};
      REQUIRE(utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
    }
  }
  void remove(const std::string& relative) const {
    std::filesystem::remove(std::filesystem::path(root_) / relative);
  }

  std::vector<CorpusFile> scan() const {
    return CorpusScanner(root_, news_schema()).scan([](const std::string&) {});
  }

  const std::string& root() const { return root_; }

 private:
  std::string root_;
};

// A plain-text article of the shipped schema: a title line, then the body.
inline std::string article_text(const std::string& title, const std::string& body) {
  return title + "\n\n" + body + "\n";
}

}  // namespace newsdex::testing
