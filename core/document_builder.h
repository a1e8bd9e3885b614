// Turns an analysed article into the Xapian document of the index layout (layout.h):
// positional word terms, stemmed Z terms, CJK bigrams, boolean filter terms, sort and facet values.
#pragma once

#include <xapian.h>

#include "core/article.h"
#include "core/index_terms.h"
#include "core/schema.h"
#include "core/stored_article.h"
#include "core/story_signature.h"
#include "core/text_analyzer.h"

namespace newsdex {

class DocumentBuilder {
 public:
  explicit DocumentBuilder(const Schema& schema) : schema_(schema) {}

  // `analyzer` stems with the article's own language (ArticleLoader picks it).
  Xapian::Document build(const Article& article, const Fingerprint& fingerprint,
                         TextAnalyzer& analyzer);

  // The length of the first term of the last build that Xapian would refuse, or 0.
  // Every term is bounded by construction; this is the safety net that keeps a slip
  // from costing the other articles of a batch (Xapian cancels the whole batch for one
  // long term). Checked as terms are made: walking the document's term list again was
  // 1.6% of a plain-text build.
  std::size_t oversized_term_bytes() const { return oversized_; }

 private:
  // Indexes `text` with positions from `pos` on; returns the next free position.
  // CJK characters also give their bigrams (core/cjk_ngrams.h). Each word also goes
  // to `shingles` when given (the story signature, hashed from the words as they are
  // indexed rather than from a second pass over the text).
  Xapian::termpos index_text(TextAnalyzer& analyzer, Xapian::Document& doc, std::string_view text,
                             std::string_view prefix, Xapian::termcount wdf, Xapian::termpos pos,
                             ShingleHasher* shingles = nullptr);
  // Notes `term` for oversized_term_bytes(); returns it.
  const std::string& checked(const std::string& term) {
    if (oversized_ == 0 && exceeds_xapian_limit(term)) oversized_ = term.size();
    return term;
  }
  const Schema& schema_;
  std::size_t oversized_ = 0;
};

}  // namespace newsdex
