// The spelling dictionary Xapian's get_spelling_suggestion reads (issue 16, point 3,
// "did you mean"). One rule, whichever way the index was built: a word is in the
// dictionary when at least kMinSpellingArticles articles hold it, and its frequency is
// the number of articles that do, so that the misspelt word ("electon") finds the
// common one ("election"). A word only one article holds is left out: it is as often a
// typing slip of the corpus as a word anyone looks for, and leaving it out halves the
// dictionary a first build writes (Xapian compresses every entry and its fragments).
#pragma once

#include <xapian.h>

#include <map>
#include <string>

namespace newsdex {

inline constexpr Xapian::doccount kMinSpellingArticles = 2;

// Whether an index term is a word worth suggesting: an unprefixed (free-text) term of
// at least three bytes without digits ("2018", "a4", "of" are never misspellings).
bool is_spelling_word(const std::string& term);

// Fills the spelling dictionary of a database that has none from its own terms (a
// first build).
void add_spelling_from_terms(Xapian::WritableDatabase& db);

// The words whose articles change in one update, noted from the documents before they
// are replaced or deleted and from the new ones before they are added, then brought to
// the rule above once the database holds the change. A word's article count is read
// when it is first noted (before any change that touches it: every document that
// holds it is noted before it changes) and again at the end, uncommitted changes
// counted: the dictionary holds the rule for the count before, and is moved to the
// rule for the count after. Xapian's dictionary is never read: reading it would write
// out its buffered changes, each fragment compressed, at every update.
class SpellingChanges {
 public:
  explicit SpellingChanges(const Xapian::Database& db) : db_(db) {}
  void note(const Xapian::Document& doc);
  // The words of the documents holding `term` (an id or file term).
  void note_holders(const std::string& term);
  void apply(Xapian::WritableDatabase& db);

 private:
  const Xapian::Database& db_;
  std::map<std::string, Xapian::doccount> articles_before_;
};

}  // namespace newsdex
