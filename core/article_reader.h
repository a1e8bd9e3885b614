// A format is one reader: it turns the text of one file into the articles the file
// holds. Plain text holds one article per file; a JSONL file or a feed holds many, and
// then each carries a key of its own. Nothing else in the indexer knows about formats:
// the loader asks the registry (article_formats.h) for the file's reader, and makes
// ids, documents and index terms of whatever articles it returns.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"

namespace newsdex {

// One article a reader found in a file. `key` is empty when the article is the whole
// file (plain text); a file of many articles gives each one a non-empty key that is
// stable across reads of the file (a record's own id where it has one, not its
// position), so that an edited file updates its articles rather than shuffling them.
//
// A record the reader cannot read (a JSON line that does not parse, a feed item with
// no text) is returned with `error` set and fails alone: the loader reports it with the
// file and `line`, and indexes the file's other articles.
struct FileArticle {
  std::string key;
  Article article;       // its path is set by the loader, from the file's path and the key
  std::size_t line = 0;  // where the record starts in the file (1-based; 0: unknown)
  std::string error;     // non-empty: this record failed, why (one line)
};

class ArticleReader {
 public:
  virtual ~ArticleReader() = default;

  // The articles of the file at `relative` (below the corpus root), modified at
  // `mtime` (seconds since the epoch). `text` is valid UTF-8: the loader has already
  // refused binary files and converted the file's charset (a BOM, a declaration in
  // the first kilobytes such as <meta charset> or <?xml encoding?>, else detection), so
  // a reader must ignore any encoding the text declares. Returns none for a file that holds no
  // article (reported as empty, not as a failure). Throws std::exception for a file it
  // cannot read; the file is then reported as failed and none of its articles indexed.
  // A reader is used by one thread at a time, and may keep state between files.
  virtual std::vector<FileArticle> read(std::string_view text, const std::string& relative,
                                        std::int64_t mtime) = 0;
};

// The id of an article, which its Q term holds and the search CLI prints: the file's
// path for a whole-file article (plain text keeps the id it always had), else
// "<path>#<key>", with '%' and '#' in the key written %25 and %23 so that the file of
// an id is always the part before its last '#'.
std::string article_id(std::string_view relative, std::string_view key);

// The file an id of a keyed article belongs to: the part before its last '#'.
std::string_view file_of_keyed_id(std::string_view id);

}  // namespace newsdex
