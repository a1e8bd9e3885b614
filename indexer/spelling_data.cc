#include "indexer/spelling_data.h"

namespace newsdex {

bool is_spelling_word(const std::string& term) {
  if (term.size() < 3) return false;
  // Prefixed terms (titles, stems, filters) start with an ASCII capital; words are
  // folded to lower case.
  if (term[0] >= 'A' && term[0] <= 'Z') return false;
  for (char c : term)
    if (c >= '0' && c <= '9') return false;
  return true;
}

namespace {

// A backend without a spelling table (Xapian's in-memory one, which the tests use)
// has no suggestions to give: its writes are skipped.
template <typename Write>
void if_supported(Write write) {
  try {
    write();
  } catch (const Xapian::UnimplementedError&) {
  }
}

}  // namespace

void add_spelling_from_terms(Xapian::WritableDatabase& db) {
  if_supported([&] {
    // Words are folded to lower case; prefixes are ASCII capitals, which sort before
    // 'a': every term from "a" on is a word.
    auto t = db.allterms_begin();
    t.skip_to("a");
    for (; t != db.allterms_end(); ++t) {
      const Xapian::doccount articles = t.get_termfreq();
      if (articles < kMinSpellingArticles) continue;
      const std::string term = *t;
      if (is_spelling_word(term)) db.add_spelling(term, articles);
    }
  });
}

namespace {

// The dictionary frequency the rule gives a word that `articles` articles hold.
Xapian::doccount spelling_frequency(Xapian::doccount articles) {
  return articles >= kMinSpellingArticles ? articles : 0;
}

}  // namespace

void SpellingChanges::note(const Xapian::Document& doc) {
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    std::string term = *t;
    if (!is_spelling_word(term) || articles_before_.count(term)) continue;
    const Xapian::doccount articles = db_.get_termfreq(term);
    articles_before_.emplace(std::move(term), articles);
  }
}

void SpellingChanges::note_holders(const std::string& term) {
  for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p)
    note(db_.get_document(*p, Xapian::DOC_ASSUME_VALID));
}

void SpellingChanges::apply(Xapian::WritableDatabase& db) {
  if_supported([&] {
    for (const auto& [word, before] : articles_before_) {
      const Xapian::doccount want = spelling_frequency(db.get_termfreq(word));
      const Xapian::doccount have = spelling_frequency(before);
      if (want > have) db.add_spelling(word, want - have);
      if (want < have) db.remove_spelling(word, have - want);
    }
  });
  articles_before_.clear();
}

}  // namespace newsdex
