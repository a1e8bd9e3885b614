// The version of newsdex's JSON output (notmuch's convention): a script asks for the
// version it was written against with --format-version N and reads "format_version"
// in every object. A change that renames or removes a field, or changes what one
// means, makes a new version; adding a field does not.
#pragma once

namespace newsdex {

// Version 1: the first versioned output (search, count, facets, show, similar, stats,
// status, graph, and the --batch lines).
inline constexpr int kFormatVersion = 1;
// The oldest version this newsdex can still write.
inline constexpr int kOldestFormatVersion = 1;

}  // namespace newsdex
