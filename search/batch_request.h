// One request of a --batch: a line of stdin, either the query as it would be typed
// after the command, or a JSON object {"query": ..., "filter": [...], "limit": ...}
// whose keys are the command's long flags (underscores for dashes). The flags of the
// command line are every request's defaults; a key replaces its flag's value.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "search/search_options.h"

namespace newsdex {

// Which keys a command takes, beyond query, filter, filter_all, since, until,
// since_rev and id (every batch command takes those): count adds no_collapse, search
// adds it and its page, facet and snippet keys.
enum class RequestKeys { Count, Search, Facets };

// A line of stdin as a request object: a JSON object as it is, anything else (an empty
// line too) as {"query": line}. Throws UsageError for a line that starts with "{" but
// is not a JSON object.
nlohmann::json parse_request_line(std::string_view line);

// Applies the request's keys to `o` (and `field`, for facets). Throws UsageError for a
// key the command does not take (naming the closest one it does) or a value of the
// wrong type or range.
void apply_request(const nlohmann::json& request, RequestKeys keys, SearchOptions& o,
                   std::string* field = nullptr);

}  // namespace newsdex
