// A regular expression from a schema, matched with a bounded amount of work. The
// pattern is the user's: a nested quantifier such as ^((a+)+)(b)c backtracks for
// longer than the universe exists on forty a's, so every match draws on a budget of
// matcher steps and gives up, as no match, when the budget is spent.
//
// ICU's matcher (already linked for the text analysis) is used rather than RE2: the
// schema language documents ICU syntax (\p{Lu}, lazy counted repeats), and ICU counts
// the work of a match in steps, deterministic whatever the machine's load, and stops
// through a callback when told to.
#pragma once

#include <unicode/uversion.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

U_NAMESPACE_BEGIN
class RegexPattern;
class RegexMatcher;
U_NAMESPACE_END

namespace newsdex {

class BoundedRegex {
 public:
  // ICU calls the budget's callback once every this many steps of a match.
  static constexpr std::int64_t kStepsPerTick = 10000;

  // Compiles `pattern` (UTF-8, ICU syntax). On failure returns nullptr and sets
  // `error` to what is wrong and where in the pattern.
  static std::unique_ptr<BoundedRegex> compile(std::string_view pattern, std::string& error);

  ~BoundedRegex();
  BoundedRegex(const BoundedRegex&) = delete;
  BoundedRegex& operator=(const BoundedRegex&) = delete;

  // The number of capturing groups.
  int groups() const;

  // Starts a new budget of about `steps` matcher steps, shared by the matches that
  // follow until the next call: a caller that tries many starts in one text bounds
  // the whole, not each try.
  void set_budget(std::int64_t steps);

  enum class Result { kMatch, kNoMatch, kOverBudget };

  // Matches at the start of `text` (valid UTF-8). On kMatch, `groups` holds groups
  // 1..groups() (empty strings for groups that did not take part).
  Result looking_at(std::string_view text, std::vector<std::string>& groups);

 private:
  BoundedRegex() = default;
  std::unique_ptr<icu::RegexPattern> pattern_;
  std::unique_ptr<icu::RegexMatcher> matcher_;
  std::int64_t ticks_left_ = 0;
};

}  // namespace newsdex
