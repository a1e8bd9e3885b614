#include "core/document_builder.h"

#include <algorithm>

#include "core/cjk_ngrams.h"
#include "core/fields.h"
#include "core/index_terms.h"
#include "core/layout.h"

namespace newsdex {

Xapian::termpos DocumentBuilder::index_text(TextAnalyzer& analyzer, Xapian::Document& doc,
                                            std::string_view text, std::string_view prefix,
                                            Xapian::termcount wdf, Xapian::termpos pos,
                                            ShingleHasher* shingles) {
  const std::string stem_prefix = std::string(layout::kStemPrefix) + std::string(prefix);
  std::string term;
  // The CJK character just indexed, while the next word may continue its run.
  std::string cjk_before;
  std::size_t cjk_before_end = 0;
  analyzer.for_each_word(text, [&](const std::string& word, std::size_t start, std::size_t end) {
    term.assign(prefix);
    term += word;
    doc.add_posting(checked(term), ++pos, wdf);
    if (shingles) shingles->add_word(word);
    if (is_cjk_char_term(word)) {
      // Neighbours in the text make a bigram at the first one's position, so that
      // the query's phrase of bigrams finds them (cjk_ngrams.h). No stem: CJK terms
      // are searched as they are.
      if (!cjk_before.empty() && cjk_before_end == start) {
        term.assign(prefix);
        term += cjk_before;
        term += word;
        doc.add_posting(checked(term), pos - 1, wdf);
      }
      cjk_before = word;
      cjk_before_end = end;
      return;
    }
    cjk_before.clear();
    // As QueryParser's STEM_SOME expects: "Z" + prefix + stem, without positions.
    const std::string& stem = analyzer.stem(word);
    if (!stem.empty()) {
      term.assign(stem_prefix);
      term += stem;
      doc.add_term(checked(term), wdf);
    }
  });
  return pos;
}

Xapian::Document DocumentBuilder::build(const Article& a, const Fingerprint& fingerprint,
                                        TextAnalyzer& analyzer) {
  Xapian::Document doc;
  oversized_ = 0;
  doc.add_boolean_term(checked(id_term(a.path)));

  // Title twice, as Omega does: prefixed for title: searches, and unprefixed with a
  // higher wdf so that free-text matches in the title rank above the body.
  index_text(analyzer, doc, a.title, layout::kTitlePrefix, 1, 0);
  ShingleHasher shingles;  // the story signature: title and body words, in order
  Xapian::termpos pos = index_text(analyzer, doc, a.title, "", schema_.title_weight, 0, &shingles);
  // A gap so that a phrase cannot span the title and the body.
  index_text(analyzer, doc, a.body, "", schema_.body_weight, pos + 100, &shingles);
  if (const auto signature = shingles.finish()) {
    doc.add_value(layout::kSignatureSlot, encode_signature(*signature));
    for (const auto& band : band_terms(*signature)) doc.add_boolean_term(checked(band));
  }

  if (!a.date.empty()) doc.add_value(layout::kDateSlot, a.date);  // sorting and ranges
  for (const Field& field : fields()) {
    if (std::binary_search(schema_.fields_off.begin(), schema_.fields_off.end(), field.name))
      continue;  // the schema leaves it out (facets.FIELD.from: none)
    std::vector<FieldValue> values = field.values(a);
    if (values.empty()) continue;
    std::vector<NamedEntity> keyed;
    for (auto& v : values) {
      // Dates come with their digits; names are folded, as the query builder folds a
      // typed value. The slot keeps the key as the term has it, so facets and filters meet.
      const std::string key = v.key.empty() ? analyzer.fold_phrase(v.display) : v.key;
      const std::string term = bounded_term(field.prefix, key);
      doc.add_boolean_term(checked(term));
      if (v.weight > 0)
        doc.add_term(checked(bounded_term(
                         std::string(layout::kCentralityPrefix) + std::string(field.prefix), key)),
                     v.weight);
      keyed.push_back({std::move(v.display), term.substr(field.prefix.size())});
    }
    if (!field.slot) continue;
    doc.add_value(*field.slot,
                  field.multi_valued ? encode_name_list(keyed) : keyed.front().canonical);
  }
  doc.add_value(layout::kFingerprintSlot, encode_fingerprint(fingerprint));
  store_article(a, doc);
  return doc;
}

}  // namespace newsdex
