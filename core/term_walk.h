// Walking the terms of one prefix (the values of a facet) with their frequencies.
//
// Glass keeps a term's posting list as chunks whose keys sort right after the term, and
// ++ on an all-terms iterator visits every chunk key: a database merged from thousands
// of shards holds a common name in thousands of chunks, and stepping through them was
// nearly all the time of facets over a large corpus. Seeking past the term's own keys
// ("term\1" sorts after "term\0<docid>") lands on the next term in one B-tree search.
#pragma once

#include <xapian.h>

#include <string>

namespace newsdex {

// Calls fn(term, termfreq) for every term that starts with `prefix`, in sorted order.
template <typename Fn>
void for_each_term(const Xapian::Database& db, const std::string& prefix, Fn&& fn) {
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix);) {
    const std::string term = *t;
    fn(term, t.get_termfreq());
    t.skip_to(term + '\x01');
  }
}

}  // namespace newsdex
