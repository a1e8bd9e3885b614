// --explain (issue 16, point 7): which of the query's terms each hit holds and what
// each added to its score. Xapian's BM25 adds one part per matching term, and a
// term's part does not depend on the other terms, so each part is the score of the
// term alone on that article (the same weighting scheme); the parts of recency and of
// centrality are shown under their own names, and the rest is what they leave.
#pragma once

#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

#include "search/results.h"

namespace newsdex {

// The parts of `hit`'s score: (term as Xapian names it, weight), largest first.
std::vector<std::pair<std::string, double>> explain_hit(const Xapian::Database& db,
                                                        const Xapian::Query& query,
                                                        const Xapian::Weight& weighting,
                                                        Xapian::docid docid);

}  // namespace newsdex
