// Opening the input named on the command line ("-" or nothing: standard input).
#pragma once

#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "ner/commands.h"

namespace newsdex::ner::cli {

class Input {
 public:
  explicit Input(const std::string& path) {
    if (path.empty() || path == "-") {
      stream_ = &std::cin;
      return;
    }
    file_ = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*file_) throw UsageError(path + ": cannot open");
    stream_ = file_.get();
  }
  std::istream& stream() { return *stream_; }

 private:
  std::unique_ptr<std::ifstream> file_;
  std::istream* stream_ = nullptr;
};

}  // namespace newsdex::ner::cli
