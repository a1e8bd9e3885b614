// The registry of readers: which reader reads a file, and how a file's format is chosen
// when the schema does not force one. A new format is a reader (its .h/.cc), one entry
// in the registry of article_formats.cc and one in format_catalogue.cc (its name and
// options, which the schema parser checks without linking any reader); the loader and
// the pipeline need no change.
#pragma once

#include <yaml-cpp/yaml.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/article_reader.h"
#include "core/format_catalogue.h"
#include "core/schema.h"
#include "core/schema_reader.h"

namespace newsdex {

using ReaderFactory = std::function<std::unique_ptr<ArticleReader>(const Schema&)>;

struct FormatInfo {
  ReaderFactory make;
  // File names read in this format when the schema does not say ("*.html")...
  std::vector<std::string> globs;
  // ... and those read in it only when the content agrees (sniff): "*.xml" is a feed
  // only when its root element is <rss>, <feed> or <rdf:RDF>.
  std::vector<std::string> globs_if_sniffed;
  // Whether the start of a file's text (its first 4 KiB, UTF-8) is of this format:
  // how a file whose name says nothing (or says .xml) is placed. Null: never by content.
  std::function<bool(std::string_view head)> sniff;
};

// Adds a format to this process's registry (and its name to the catalogue), beside the
// built-in ones: how the tests drive the many-articles path with a reader of their own.
// Call it before any schema names the format; a name already taken is replaced.
void register_format(std::string name, ReaderFactory make, FormatOptions options = {});
void register_format(std::string name, FormatInfo info, FormatOptions options = {});

// The names of the formats that have a reader, in the registry's order: the same list
// as the catalogue's format_names() (a unit test keeps them equal).
std::string reader_format_names();

// The format of the file at `relative` whose text starts with `head`: the schema's
// files.format when it forces one; else the first of its files.formats globs that
// matches; else the registry's globs; else the content (sniff); else plain text.
std::string choose_format(const Schema& schema, const std::string& relative, std::string_view head);

// The readers of one thread (a reader may keep state, such as compiled patterns):
// each is made the first time a file of its format comes.
class ArticleReaders {
 public:
  explicit ArticleReaders(const Schema& schema) : schema_(schema) {}

  // The reader of the file at `relative` whose text is `text`, as choose_format picks
  // it. Throws UsageError for a format the registry does not have.
  ArticleReader& reader_for(const std::string& relative, std::string_view text);

  // The reader of format `name` (made on first use).
  ArticleReader& reader_named(const std::string& name);

 private:
  const Schema& schema_;
  std::map<std::string, std::unique_ptr<ArticleReader>, std::less<>> readers_;
};

}  // namespace newsdex
