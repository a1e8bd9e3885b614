// Questions as typed (issue 16, point 1). A query's words AND together, as Xapian's
// QueryParser and grep mean them; but a question typed as it comes ("what similarity
// laws must be obeyed when constructing aeroelastic models") rarely has every one of
// its words in one article. The rule: when requiring every word finds fewer than
// relax_below() articles (ten, fewer in a small collection), the same query is parsed again with OR
// as the default operator and the stop words left out, and BM25 ranks the articles by how many of
// the rarer words they hold and how often. Explicit operators keep their meaning
// (+word still must match, -word must not, phrases stay phrases, field filters stay
// filters); only the words joined by the default operator loosen. A question typed all
// in capitals is the exception: there AND, OR and NOT are words.
#pragma once

#include <xapian.h>

#include "search/query_builder.h"

namespace newsdex {

// Relax when requiring every word finds fewer articles than this: ten, or in a small
// collection 1% of its articles (at least one), so that a folder of a few dozen
// articles keeps grep's every-word meaning unless nothing at all matches. Set on
// ../shared/ir with scripts/eval-ranking: see query_relaxation.cc.
Xapian::doccount relax_below(Xapian::doccount articles);

struct MatchPlan {
  Xapian::Query query;  // the query to run: strict, or relaxed
  bool relaxed = false;
  // How many articles hold every word: exact when relaxed (then it is below
  // relax_below), a lower bound otherwise.
  Xapian::doccount strict_matches = 0;
};

// The query to run for `request`: the strict one, unless `allow_relax` and it finds
// fewer than relax_below() articles while the relaxed one finds more.
MatchPlan plan_match(const Xapian::Database& db, QueryBuilder& queries, QueryRequest request,
                     bool allow_relax);

}  // namespace newsdex
