// Stop words: the function words a question is made of ("what", "of", "the"), which
// say nothing about which article is meant. Only a relaxed query (query_relaxation.h)
// leaves them out: a query that asks for every word keeps every word, as typed.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>

namespace newsdex {

// The stop words of a Snowball language name ("english"), folded as the query text is
// (lower case, no diacritics); null for a language we have no list for, which then
// keeps every word.
std::unique_ptr<Xapian::Stopper> make_stopper(const std::string& language);
// The same stop words, made once for the process (a --batch spells every query).
const Xapian::Stopper* shared_stopper(const std::string& language);

}  // namespace newsdex
