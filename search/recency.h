// --recency HALF-LIFE (issue 16, point 5): BM25 blended with age. Each match gains
// `boost * 2^(-age / half-life)`, age in days from its date to today, where `boost`
// is the best BM25 score the query attains on its own: an article of today gains as
// much as the best match scores, one a half-life old half of that, and undated
// articles nothing. Relevance still counts: an old article that matches much better
// stays above a new one that barely matches.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>

namespace newsdex {

// "30d", "2w", "6m", "1y" (and "12h" for the impatient) in days; nothing when
// malformed or not positive.
std::optional<double> parse_half_life(const std::string& text);

// `query`, its matches gaining their recency (see above); `today` is YYYYMMDD.
Xapian::Query with_recency(const Xapian::Query& query, double boost, double half_life_days,
                           const std::string& today);

}  // namespace newsdex
