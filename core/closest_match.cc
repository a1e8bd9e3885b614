#include "core/closest_match.h"

#include <algorithm>
#include <numeric>

namespace newsdex {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Three rows of the dynamic programme suffice: a transposition looks two rows back.
  const std::size_t n = b.size();
  std::vector<std::size_t> before(n + 1), previous(n + 1), current(n + 1);
  std::iota(previous.begin(), previous.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= n; ++j) {
      const std::size_t substitution = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        current[j] = std::min(current[j], before[j - 2] + 1);
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[n];
}

std::optional<std::string> closest_match(std::string_view typed,
                                         const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const auto& candidate : candidates) {
    const std::size_t d = edit_distance(typed, candidate);
    if (d == 0) return std::nullopt;  // not a typo: the caller asked about a known name
    const std::size_t longer = std::max(typed.size(), candidate.size());
    const std::size_t allowed = std::max<std::size_t>(1, longer / 3);
    if (d > allowed || d >= longer) continue;
    // On a tie, the name of the typed length: "stauts" swapped two letters of "status"
    // rather than adding one to "stats".
    const auto length_gap = [&](const std::string& name) {
      return name.size() > typed.size() ? name.size() - typed.size() : typed.size() - name.size();
    };
    if (!best || d < best_distance ||
        (d == best_distance && length_gap(candidate) < length_gap(*best))) {
      best = candidate;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace newsdex
