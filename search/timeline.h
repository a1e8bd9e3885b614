// A timeline has no silent gaps: `facets month` and `facets year` (and --facet month,
// year on search) list every period between the first and the last match, those
// without one with count 0, and over the whole --since/--until range when one is given,
// so that a chart or a script's plot shows a quiet month as a quiet month.
#pragma once

#include <string>
#include <vector>

#include "search/query_builder.h"
#include "search/results.h"

namespace newsdex {

// At most this many periods are filled in (8,333 years of months): a corpus with one
// stray date in the year 1 must not print a million empty lines.
inline constexpr long kMaxTimelinePeriods = 100000;

// For `field` "year" ("2018") or "month" ("2018-04"), with `values` in date order:
// inserts the missing periods with count 0, from the first period of `request.since`
// (or of the first value) to that of `request.until` (or of the last value). Values
// of other fields, and values that are no period of the field, are left as they are.
void zero_fill_timeline(const std::string& field, const QueryRequest& request,
                        std::vector<FacetValue>& values);

}  // namespace newsdex
