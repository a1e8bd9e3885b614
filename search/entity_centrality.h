// Entity relevance (issue 16, point 5): a query for a name (person:"Tony Blair", or
// --filter place:Brazil) is a boolean filter, which gives every match the same score
// and leaves them in index order. newsdexd stores how central each name is to each
// article (layout.h kCentralityPrefix: mentions, title, lead, as a term's wdf); this
// adds those terms to the query as optional (AND_MAYBE), so BM25 ranks the matches by
// them — the story about Tony Blair before the one that names him once — without
// changing which articles match.
#pragma once

#include <xapian.h>

namespace newsdex {

Xapian::Query rank_by_centrality(const Xapian::Query& query);

}  // namespace newsdex
