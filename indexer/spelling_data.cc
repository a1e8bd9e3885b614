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

void add_spelling_words(Xapian::WritableDatabase& db, const Xapian::Document& doc) {
  if_supported([&] {
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      const std::string term = *t;
      if (is_spelling_word(term)) db.add_spelling(term, 1);
    }
  });
}

void add_spelling_from_terms(Xapian::WritableDatabase& db) {
  if_supported([&] {
    // Words are folded to lower case; prefixes are ASCII capitals, which sort before
    // 'a': every term from "a" on is a word.
    auto t = db.allterms_begin();
    t.skip_to("a");
    for (; t != db.allterms_end(); ++t) {
      const std::string term = *t;
      if (is_spelling_word(term)) db.add_spelling(term, t.get_termfreq());
    }
  });
}

void remove_spelling_words(Xapian::WritableDatabase& db, const std::string& term) {
  if_supported([&] {
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
      for (auto t = db.termlist_begin(*p); t != db.termlist_end(*p); ++t) {
        const std::string word = *t;
        if (is_spelling_word(word)) db.remove_spelling(word, 1);
      }
    }
  });
}

}  // namespace newsdex
