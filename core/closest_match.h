// "Did you mean": the known name closest to a mistyped one (git's and cargo's help for
// a mistyped subcommand), by Damerau-Levenshtein distance: "serch" -> "search",
// "--limt" -> "--limit", and nothing when no name is close.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

// The number of single-character insertions, deletions, substitutions and transpositions
// of two adjacent characters that turn `a` into `b` (the optimal string alignment form:
// no substring is edited twice). Counts bytes: the names compared are ASCII.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `typed`, if it is close enough to be what was meant: at most
// one edit for names up to 5 characters, two up to 8, three beyond (a third of the
// longer name, as cargo and git allow), and never for an exact match. On a tie the
// candidate as long as `typed` wins (a swap or a wrong letter rather than one more or
// one fewer), then the first, so callers list the names in the order they prefer.
std::optional<std::string> closest_match(std::string_view typed,
                                         const std::vector<std::string>& candidates);

}  // namespace newsdex
