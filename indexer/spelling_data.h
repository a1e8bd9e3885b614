// The spelling dictionary Xapian's get_spelling_suggestion reads (issue 16, point 3,
// "did you mean"): each word of an article counts once per article that holds it, so
// a word's spelling frequency is its document frequency, and the misspelt word
// ("electon") finds the common one ("election"). A replaced or removed article takes
// its words' counts back, so a word gone from the corpus stops being suggested.
#pragma once

#include <xapian.h>

#include <string>

namespace newsdex {

// Whether an index term is a word worth suggesting: an unprefixed (free-text) term of
// at least three bytes without digits ("2018", "a4", "of" are never misspellings).
bool is_spelling_word(const std::string& term);

// Adds the words of `doc` (not yet in the database) to the spelling dictionary.
void add_spelling_words(Xapian::WritableDatabase& db, const Xapian::Document& doc);

// Fills the spelling dictionary of a database that has none from its own terms: each
// word once, counted by the number of documents holding it (a first build).
void add_spelling_from_terms(Xapian::WritableDatabase& db);

// Takes back the words of the documents holding `term` (an id or file term), before
// they are replaced or deleted.
void remove_spelling_words(Xapian::WritableDatabase& db, const std::string& term);

}  // namespace newsdex
