// --expand (issue 16, point 2): pseudo-relevance feedback in the manner of RM3, with
// Xapian's ESet. The best `docs` matches of the query are taken as relevant,
// Xapian picks the `terms` stems that best tell them from the rest of the
// collection, and those are added to the query as optional (AND_MAYBE) at `weight`
// times their weight: the matches stay those of the query, their order takes in the words
// the query did not say ("aircraft" finds "wing", "flutter").
#pragma once

#include <xapian.h>

#include <string>

namespace newsdex {

// How much feedback: the best `docs` matches, the `terms` stems that best mark them,
// added at `weight` times their own weight (RM3's interpolation).
struct ExpansionParams {
  Xapian::doccount docs = 10;
  Xapian::termcount terms = 20;
  double weight = 0.2;
};

// `enquire` holds the query and its weighting; returns the expanded query (the query
// itself when it has no match).
Xapian::Query expand_query(Xapian::Enquire& enquire, const std::string& language,
                           const ExpansionParams& params = {});

}  // namespace newsdex
