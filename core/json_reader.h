// JSON Lines (NDJSON) and JSON files of articles: one article per object. A .jsonl
// file holds an object per line; a .json file an array of objects, one object, several
// objects one after another, or an object wrapping the articles in its one array member
// ({"articles": [...]}, JSON Feed's {"title": ..., "items": [...]}). Which keys give which field is
// JsonFieldMap's (json_record.h).
//
// An article's key is its record's own id (the first of id, _id, guid, url, or the
// schema's `key` pointers); a record without one is keyed by its position: its line
// number (1-based, as `sed -n 42p` counts) in a JSON Lines file, its index in the
// array (0-based, as jq's .[41] and JSON Pointer count) in a JSON file. A file of a
// single object without an id is one whole-file article, keyed by nothing.
//
// A record fails alone, with its line: a line that is not JSON (a truncated last line
// too), a value that is not an object, an object with neither title nor text, a key
// given twice. Huge files are read a record at a time: no tree of the whole file.
#pragma once

#include <string>
#include <string_view>

#include "core/article_reader.h"
#include "core/json_record.h"
#include "core/schema.h"

namespace newsdex {

class JsonLinesReader : public ArticleReader {
 public:
  explicit JsonLinesReader(const Schema& schema);
  std::vector<FileArticle> read(std::string_view text, const std::string& relative,
                                std::int64_t mtime) override;

 private:
  const Schema& schema_;
  JsonFieldMap map_;
};

class JsonReader : public ArticleReader {
 public:
  explicit JsonReader(const Schema& schema);
  std::vector<FileArticle> read(std::string_view text, const std::string& relative,
                                std::int64_t mtime) override;

 private:
  const Schema& schema_;
  JsonFieldMap map_;
};

// Content sniffing for files whose name does not say: JSON Lines when the first
// non-space character is '{' and the first line is a whole object; JSON when it is
// '[' (an array of objects) or a '{' the first line does not close.
bool sniff_json_lines(std::string_view head);
bool sniff_json(std::string_view head);

}  // namespace newsdex
