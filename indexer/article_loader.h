// One worker's pipeline for one file: read the bytes, refuse binary or oversized
// files, repair the text, parse it with the schema, find its entities and build the
// Xapian document. Each worker thread owns one loader (the analysis keeps state).
#pragma once

#include <xapian.h>

#include <functional>
#include <optional>
#include <string>

#include "article_parser.h"
#include "corpus_scanner.h"
#include "document_builder.h"
#include "text_analyzer.h"
#include "text_repair.h"

namespace newsdex {

// Adds people, places and organisations to a parsed article; must be thread-safe.
using EntityAnnotator = std::function<void(Article&, TextAnalyzer&)>;

struct LoadedFile {
  CorpusFile file;
  std::optional<Xapian::Document> document;  // empty when the file failed
  std::string error;                         // why it failed: one line, no path
  bool unchanged = false;                    // same bytes as the indexed version
  bool empty = false;                        // no text at all: reported, not indexed, not a failure
  RepairReport repairs;
  Fingerprint fingerprint;
};

class ArticleLoader {
 public:
  ArticleLoader(std::string root, const Schema& schema, EntityAnnotator annotate);
  ~ArticleLoader();
  ArticleLoader(const ArticleLoader&) = delete;
  ArticleLoader& operator=(const ArticleLoader&) = delete;

  // `indexed`: the fingerprint the index holds for this path, if any; a file whose
  // bytes hash the same is reported unchanged without being analysed.
  LoadedFile load(const CorpusFile& file, const Fingerprint* indexed = nullptr);

  // Reads the whole regular file `relative` (below the root, never leaving it unless
  // the schema follows outside links) of at most `max_bytes`; on failure sets `error`.
  bool read_file(const std::string& relative, std::uint64_t max_bytes, std::string& bytes,
                 std::string& error) const;

 private:
  std::string root_;
  int root_fd_ = -1;  // the corpus folder, which every file is opened below
  const Schema& schema_;
  TextAnalyzer analyzer_;
  ArticleParser parser_;
  DocumentBuilder builder_;
  EntityAnnotator annotate_;
};

}  // namespace newsdex
