// Turns an analysed article into the Xapian document of the index layout (layout.h):
// positional word terms, stemmed Z terms, boolean filter terms, sort and facet values.
#pragma once

#include <xapian.h>

#include "core/article.h"
#include "core/schema.h"
#include "core/stored_article.h"
#include "core/text_analyzer.h"

namespace newsdex {

class DocumentBuilder {
 public:
  DocumentBuilder(const Schema& schema, TextAnalyzer& analyzer)
      : schema_(schema), analyzer_(analyzer) {}

  Xapian::Document build(const Article& article, const Fingerprint& fingerprint);

 private:
  // Indexes `text` with positions from `pos` on; returns the next free position.
  Xapian::termpos index_text(Xapian::Document& doc, std::string_view text, std::string_view prefix,
                             Xapian::termcount wdf, Xapian::termpos pos);
  const Schema& schema_;
  TextAnalyzer& analyzer_;
};

}  // namespace newsdex
