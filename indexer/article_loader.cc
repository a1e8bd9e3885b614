#include "indexer/article_loader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/fields.h"
#include "core/index_terms.h"
#include "core/language_detector.h"
#include "core/languages.h"
#include "core/layout.h"
#include "core/legacy_charset.h"
#include "core/text_encoding.h"
#include "indexer/corpus_access.h"

namespace newsdex {

ArticleLoader::ArticleLoader(std::string root, const Schema& schema, EntityAnnotator annotate)
    : root_(std::move(root)),
      schema_(schema),
      analyzer_(schema.language),
      schema_language_(language_of_stemmer(schema.language)),
      readers_(schema),
      builder_(schema),
      annotate_(std::move(annotate)),
      schema_hash_(content_hash(schema.source_text)) {
  root_fd_ = ::open(root_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
}

TextAnalyzer& ArticleLoader::analyzer_for(const std::string& code) {
  // A schema that stems nothing ("none") stems no language.
  if (code.empty() || code == schema_language_ || schema_.language == "none") return analyzer_;
  const std::string stemmer = stemmer_for_language(code);
  if (stemmer == schema_.language) return analyzer_;
  auto& slot = analyzers_[stemmer];
  if (!slot) slot = std::make_unique<TextAnalyzer>(stemmer);
  return *slot;
}

ArticleLoader::~ArticleLoader() {
  if (root_fd_ >= 0) ::close(root_fd_);
}

bool ArticleLoader::read_file(const std::string& relative, std::uint64_t max_bytes,
                              std::string& bytes, std::string& error) const {
  if (root_fd_ < 0) {
    error = "cannot read: the corpus folder cannot be opened";
    return false;
  }
  int fd = open_in_corpus(root_fd_, relative, schema_.follow_outside_links);
  if (fd < 0) {
    error =
        errno == EXDEV ? kOutsideLinkMessage : std::string("cannot read: ") + std::strerror(errno);
    return false;
  }
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    error = "not a regular file";
    ::close(fd);
    return false;
  }
  if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
    error = "too large: " + std::to_string(st.st_size) + " bytes, the schema's limit is " +
            std::to_string(max_bytes) + " (files.max_size)";
    ::close(fd);
    return false;
  }
  bytes.resize(static_cast<std::size_t>(st.st_size));
  std::size_t got = 0;
  while (got < bytes.size()) {
    ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = std::string("cannot read: ") + std::strerror(errno);
      ::close(fd);
      return false;
    }
    if (n == 0) break;  // the file shrank while we read it: index what is there
    got += static_cast<std::size_t>(n);
  }
  bytes.resize(got);
  ::close(fd);
  return true;
}

void ArticleLoader::annotate_with_tagger(Article& article) {
  // Fields the schema takes from the data alone keep what the reader gave them; when
  // every name field is taken from the data or left out, the tagger need not run at all.
  const auto& from_data = schema_.fields_from_data;
  const auto& off = schema_.fields_off;
  std::vector<std::pair<NameKind, std::vector<NamedEntity>>> kept;
  bool tagged = false;
  for (const Field& f : fields()) {
    if (!f.names) continue;
    if (std::binary_search(from_data.begin(), from_data.end(), f.name))
      kept.emplace_back(*f.names, name_list(article, *f.names));
    else if (!std::binary_search(off.begin(), off.end(), f.name))
      tagged = true;
  }
  if (!tagged) return;
  annotate_(article, analyzer_);
  for (auto& [kind, names] : kept) name_list(article, kind) = std::move(names);
}

LoadedFile ArticleLoader::load(const CorpusFile& file, const Fingerprint* indexed) {
  LoadedFile out;
  out.file = file;
  std::string bytes;
  if (!read_file(file.relative, schema_.max_file_bytes, bytes, out.error)) return out;
  out.fingerprint = {bytes.size(), file.mtime_ns, content_hash(bytes)};
  // UTF-16 is text whose every other byte may be zero, and Shift_JIS or GB18030 text
  // is mostly invalid UTF-8: converted before it is judged.
  // A binary signature is judged below on the bytes as they are.
  if (auto utf8 = utf16_to_utf8(bytes, &out.repairs.converted_from)) {
    bytes = std::move(*utf8);
  } else if (!has_binary_signature(bytes)) {
    if (auto legacy = legacy_to_utf8(bytes, &out.repairs.converted_from))
      bytes = std::move(*legacy);
  }
  if (looks_binary(bytes)) {
    out.error = "binary file, not text";
    return out;
  }
  if (indexed && indexed->size == out.fingerprint.size &&
      indexed->content_hash == out.fingerprint.content_hash) {
    out.unchanged = true;
    return out;
  }
  if (bytes.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
    // Nothing to search: a document would only be noise in filter-only searches.
    out.empty = true;
    out.error = "empty file, not indexed";
    return out;
  }
  std::string text = repair_text(bytes, out.repairs);
  bytes.clear();
  bytes.shrink_to_fit();
  std::vector<FileArticle> articles = readers_.reader_for(file.relative, text)
                                          .read(text, file.relative, file.mtime_ns / 1000000000);
  // The articles hold their own copies: peak memory for a huge file is a few copies of it.
  text.clear();
  text.shrink_to_fit();
  std::erase_if(articles, [&](FileArticle& a) {
    if (a.error.empty()) return false;
    out.record_errors.push_back((a.line          ? "line " + std::to_string(a.line)
                                 : a.key.empty() ? "a record"
                                                 : "#" + a.key) +
                                ": " + a.error);
    return true;
  });
  if (articles.empty() && !out.record_errors.empty()) {
    out.error = out.record_errors.front();
    if (out.record_errors.size() > 1)
      out.error += " (and " + std::to_string(out.record_errors.size() - 1) + " more record" +
                   (out.record_errors.size() > 2 ? "s)" : ")");
    out.record_errors.clear();
    return out;
  }
  if (articles.empty()) {
    out.empty = true;
    out.error = "no article in the file, not indexed";
    return out;
  }
  out.documents.reserve(articles.size());
  for (auto& record : articles) {
    const std::string& key = record.key;
    Article& article = record.article;
    article.path = article_id(file.relative, key);
    article.language =
        choose_language(article.language, article.title, article.body, schema_language_);
    // The entity tagger is trained on English news (CoNLL-2003): on other languages it
    // tags capitalised words ("Le", "Die") as names. Until a tagger exists for them,
    // they get no person, place or organisation, the dateline's place included.
    if (article.language.empty() || article.language == "en") {
      if (!article.dateline_place.empty())
        article.places.push_back(
            {article.dateline_place, analyzer_.fold_phrase(article.dateline_place)});
      if (annotate_) annotate_with_tagger(article);
    }
    Xapian::Document doc = builder_.build(article, out.fingerprint, analyzer_for(article.language));
    std::size_t oversized = builder_.oversized_term_bytes();
    if (!key.empty()) {
      const std::string term = file_term(file.relative);
      if (oversized == 0 && exceeds_xapian_limit(term)) oversized = term.size();
      doc.add_boolean_term(term);
      doc.add_value(layout::kArticleHashSlot,
                    std::to_string(stored_content_hash(doc) ^ schema_hash_));
    }
    // Every term is bounded where it is made; this check keeps a slip from costing the
    // other articles of the batch (Xapian cancels the whole batch for one long term).
    if (oversized != 0) {
      out.error = "a term longer than Xapian allows (" + std::to_string(oversized) + " bytes)";
      out.documents.clear();
      return out;
    }
    out.documents.push_back({std::move(article.path), std::move(doc)});
    article = Article{};  // analysed: its text need not wait for the file's other articles
  }
  return out;
}

}  // namespace newsdex
