// Character-level normalisation shared by the tokenizer, the features and the canonicaliser.
//
// The CoNLL training text is plain ASCII, while articles carry curly quotes, dashes,
// no-break spaces and diacritics; mapping both to one form lets the model see "Trump’s"
// and "Trump's", or "Müller" and "Muller", as the same word.
#pragma once

#include <string>
#include <string_view>

namespace newsdex::ner {

// Curly quotes -> ASCII quotes, dashes -> '-', exotic spaces -> ' ', diacritics removed,
// a few letters without decomposition spelled out (ß -> ss, ø -> o). ASCII input is returned
// unchanged (the fast path the CoNLL data takes).
std::string ascii_fold(std::string_view utf8);

// Lower case (full Unicode, ASCII fast path).
std::string lower_case(std::string_view utf8);

// ascii_fold + lower_case + whitespace collapsed + possessive ('s, s') and surrounding quotes
// removed. The gazetteer holds the alias list under these keys, so the model depends on them.
std::string join_key(std::string_view utf8);

// join_key without a middle initial's full stop ("george w bush" for "George W. Bush"): the
// key under which mentions of one name are joined, in an article and through the aliases.
std::string name_key(std::string_view utf8);

// Word shape: upper -> X, lower -> x, digit -> d, other characters kept (non-ASCII -> '~').
// With `collapse`, runs of the same class are written once ("Xx", "d-d").
std::string word_shape(std::string_view word, bool collapse);

bool has_upper_initial(std::string_view word);
// At least one letter and no lower-case letter ("NATO", "U.S.", "1996-AUG").
bool is_all_caps(std::string_view word);
bool has_letter(std::string_view word);
bool has_digit(std::string_view word);

// "UNITED STATES" -> "United States"; words of up to three letters ("US", "UN", "EU") and
// words with dots ("U.S.") are kept as they are because they are usually acronyms.
std::string title_case_words(std::string_view utf8);

// True for a code point of whitespace, including no-break and zero-width spaces.
bool is_space_code_point(int c);

}  // namespace newsdex::ner
