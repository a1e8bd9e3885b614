// The one registry of formats: which formats a schema may name (files.format) and
// which reader reads a file. A new format is a reader (its .h/.cc) and one line in the
// registry of article_formats.cc; the schema, the loader and the pipeline need no change.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "core/article_reader.h"
#include "core/schema.h"

namespace newsdex {

using ReaderFactory = std::function<std::unique_ptr<ArticleReader>(const Schema&)>;

// Adds a format to this process's registry, beside the built-in ones: how the tests
// drive the many-articles path with a reader of their own. Call it before any schema
// names the format; a name already taken is replaced.
void register_format(std::string name, ReaderFactory make);

// Whether `name` is a format newsdex reads; all the names, comma-separated, for an
// error message.
bool is_format(std::string_view name);
std::string format_names();

// The readers of one thread (a reader may keep state, such as compiled patterns):
// each is made the first time a file of its format comes.
class ArticleReaders {
 public:
  explicit ArticleReaders(const Schema& schema) : schema_(schema) {}

  // The reader of the file at `relative`, as the schema chooses it. Throws UsageError
  // for a format the registry does not have (the schema's parser refuses those first).
  ArticleReader& reader_for(const std::string& relative);

 private:
  const Schema& schema_;
  std::map<std::string, std::unique_ptr<ArticleReader>, std::less<>> readers_;
};

}  // namespace newsdex
