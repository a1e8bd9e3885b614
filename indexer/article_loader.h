// One worker's pipeline for one file: read the bytes, refuse binary or oversized
// files, repair the text, read its articles with the format's reader, settle each
// article's language, find the entities of English ones and build their Xapian
// documents, each stemmed in its own language. Each worker thread owns one loader (the
// analysis and the readers keep state).
#pragma once

#include <xapian.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/article_formats.h"
#include "core/document_builder.h"
#include "core/text_analyzer.h"
#include "core/text_repair.h"
#include "indexer/corpus_scanner.h"
#include "indexer/index_writer.h"

namespace newsdex {

// Adds people, places and organisations to a parsed article; must be thread-safe.
using EntityAnnotator = std::function<void(Article&, TextAnalyzer&)>;

struct LoadedFile {
  CorpusFile file;
  // The file's articles, each with its id; none when the file failed, is unchanged or
  // empty. A file fails as a whole: its articles are indexed all or none, so that its
  // fingerprint in the index always stands for all of them.
  std::vector<ArticleDocument> documents;
  std::string error;  // why it failed: one line, no path
  // Records that failed alone (FileArticle::error), as "line N: why" (or the key when
  // the line is unknown); the file's other articles are in `documents`.
  std::vector<std::string> record_errors;
  bool unchanged = false;  // same bytes as the indexed version
  bool empty = false;      // no text at all: reported, not indexed, not a failure
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
  // Runs the entity tagger on `article`, leaving the schema's fields_from_data as the
  // reader filled them.
  void annotate_with_tagger(Article& article);
  std::string root_;
  int root_fd_ = -1;  // the corpus folder, which every file is opened below
  // The analyzer that stems in the language of ISO 639-1 `code` (the schema's own
  // when the schema stems nothing, or the code is empty), made on first use.
  TextAnalyzer& analyzer_for(const std::string& code);

  const Schema& schema_;
  TextAnalyzer analyzer_;        // the schema's language
  std::string schema_language_;  // its ISO 639-1 code, empty for "none"
  std::map<std::string, std::unique_ptr<TextAnalyzer>> analyzers_;  // by Snowball name
  ArticleReaders readers_;
  DocumentBuilder builder_;
  EntityAnnotator annotate_;
  std::uint64_t schema_hash_;  // mixed into each keyed article's hash
};

}  // namespace newsdex
