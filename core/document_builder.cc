#include "document_builder.h"

#include "index_terms.h"
#include "layout.h"

namespace newsdex {

Xapian::termpos DocumentBuilder::index_text(Xapian::Document& doc, std::string_view text,
                                            std::string_view prefix, Xapian::termcount wdf,
                                            Xapian::termpos pos) {
  const std::string stem_prefix = std::string(layout::kStemPrefix) + std::string(prefix);
  std::string term;
  analyzer_.for_each_word(text, [&](const std::string& word, std::size_t, std::size_t) {
    term.assign(prefix);
    term += word;
    doc.add_posting(term, ++pos, wdf);
    // As QueryParser's STEM_SOME expects: "Z" + prefix + stem, without positions.
    const std::string& stem = analyzer_.stem(word);
    if (!stem.empty()) {
      term.assign(stem_prefix);
      term += stem;
      doc.add_term(term, wdf);
    }
  });
  return pos;
}

std::string DocumentBuilder::name_term(std::string_view prefix, const std::string& display_name) {
  return bounded_term(prefix, analyzer_.fold_phrase(display_name));
}

Xapian::Document DocumentBuilder::build(const Article& a, const Fingerprint& fingerprint) {
  Xapian::Document doc;
  doc.add_boolean_term(id_term(a.path));

  // Title twice, as Omega does: prefixed for title: searches, and unprefixed with a
  // higher wdf so that free-text matches in the title rank above the body.
  index_text(doc, a.title, layout::kTitlePrefix, 1, 0);
  Xapian::termpos pos = index_text(doc, a.title, "", schema_.title_weight, 0);
  // A gap so that a phrase cannot span the title and the body.
  index_text(doc, a.body, "", schema_.body_weight, pos + 100);

  if (!a.date.empty()) {
    doc.add_value(layout::kDateSlot, a.date);
    doc.add_value(layout::kYearSlot, a.date.substr(0, 4));
    doc.add_value(layout::kMonthSlot, a.date.substr(0, 4) + "-" + a.date.substr(4, 2));
    doc.add_boolean_term(std::string(layout::kDayPrefix) + a.date);
    doc.add_boolean_term(std::string(layout::kMonthPrefix) + a.date.substr(0, 6));
    doc.add_boolean_term(std::string(layout::kYearPrefix) + a.date.substr(0, 4));
  }
  if (!a.source.empty()) {
    doc.add_value(layout::kSourceSlot, a.source);
    doc.add_boolean_term(name_term(layout::kSourcePrefix, a.source));
  }
  if (!a.section.empty()) {
    doc.add_value(layout::kSectionSlot, a.section);
    doc.add_boolean_term(name_term(layout::kSectionPrefix, a.section));
  }
  const std::pair<Xapian::valueno, std::pair<std::string_view, const std::vector<NamedEntity>*>>
      entity_fields[] = {{layout::kPersonSlot, {layout::kPersonPrefix, &a.people}},
                         {layout::kPlaceSlot, {layout::kPlacePrefix, &a.places}},
                         {layout::kOrgSlot, {layout::kOrgPrefix, &a.orgs}}};
  for (const auto& [slot, field] : entity_fields) {
    const auto& [prefix, names] = field;
    if (names->empty()) continue;
    std::vector<NamedEntity> keyed = *names;
    for (auto& n : keyed) {
      // The slot keeps the key as the term has it, so facet counts and filters meet.
      n.key = bounded_term(prefix, n.key.empty() ? analyzer_.fold_phrase(n.canonical) : n.key)
                  .substr(prefix.size());
      doc.add_boolean_term(std::string(prefix) + n.key);
    }
    doc.add_value(slot, encode_name_list(keyed));
  }
  doc.add_value(layout::kFingerprintSlot, encode_fingerprint(fingerprint));
  doc.set_data(encode_document_data(a));
  return doc;
}

}  // namespace newsdex
