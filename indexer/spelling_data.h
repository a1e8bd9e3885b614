// The spelling dictionary Xapian's get_spelling_suggestion reads (issue 16, point 3,
// "did you mean"): each word of an article counts once per article that holds it, so
// a word's spelling frequency is its document frequency, and the misspelt word
// ("electon") finds the common one ("election"). A replaced or removed article takes
// its words' counts back, so a word gone from the corpus stops being suggested.
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_map>

namespace newsdex {

// Whether an index term is a word worth suggesting: an unprefixed (free-text) term of
// at least three bytes without digits ("2018", "a4", "of" are never misspellings).
bool is_spelling_word(const std::string& term);

// Adds the words of `doc` (not yet in the database) to the spelling dictionary.
void add_spelling_words(Xapian::WritableDatabase& db, const Xapian::Document& doc);

// The words of many documents counted first and added once each (a shard build):
// one call of Xapian's add_spelling per distinct word instead of one per word of
// every article.
class SpellingCounts {
 public:
  void add(const Xapian::Document& doc);
  // Adds the counts to `db` and starts again from none.
  void flush(Xapian::WritableDatabase& db);

 private:
  std::unordered_map<std::string, Xapian::termcount> counts_;
};

// Takes back the words of the documents holding `term` (an id or file term), before
// they are replaced or deleted.
void remove_spelling_words(Xapian::WritableDatabase& db, const std::string& term);

}  // namespace newsdex
