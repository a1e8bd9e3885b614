// BoundedRegex: a schema's regular expression matched with a budget of steps, so a
// pattern that backtracks without end gives up as no match instead of hanging.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/bounded_regex.h"

using newsdex::BoundedRegex;
using Result = BoundedRegex::Result;

namespace {

std::unique_ptr<BoundedRegex> compiled(const std::string& pattern) {
  std::string error;
  auto re = BoundedRegex::compile(pattern, error);
  CAPTURE(error);
  REQUIRE(re);
  return re;
}

}  // namespace

TEST_CASE("bounded regex: a malformed pattern says what and where") {
  std::string error;
  CHECK_FALSE(BoundedRegex::compile("^(\\w+ (unclosed", error));
  CHECK(error.find("invalid regular expression") != std::string::npos);
  CHECK(error.find("U_REGEX_MISMATCHED_PAREN") != std::string::npos);
  CHECK(error.find("offset") != std::string::npos);
}

TEST_CASE("bounded regex: matches at the start and captures its groups") {
  auto re = compiled("^(\\p{Lu}+) \\(([^)]+)\\)");
  CHECK(re->groups() == 2);
  std::vector<std::string> groups;
  re->set_budget(100000);
  CHECK(re->looking_at("PARIS (WIRE) – text", groups) == Result::kMatch);
  CHECK(groups == std::vector<std::string>{"PARIS", "WIRE"});
  CHECK(re->looking_at("text PARIS (WIRE)", groups) == Result::kNoMatch);
  CHECK(groups.empty());
}

TEST_CASE("bounded regex: catastrophic backtracking runs out of budget, not forever") {
  // Exponential in the number of a's for a backtracking matcher: 2^40 paths.
  auto re = compiled("^((a+)+)(b)c");
  std::vector<std::string> groups;
  re->set_budget(500000);
  CHECK(re->looking_at(std::string(40, 'a'), groups) == Result::kOverBudget);
  CHECK(groups.empty());
  // The budget is spent: later tries under it give up at once.
  CHECK(re->looking_at("aaabc", groups) == Result::kOverBudget);
  // A new budget: the same pattern matches what it can match cheaply.
  re->set_budget(500000);
  CHECK(re->looking_at("aaabc", groups) == Result::kMatch);
  CHECK(groups == std::vector<std::string>{"aaa", "aaa", "b"});
}

TEST_CASE("bounded regex: the budget is counted in steps, the same on every run") {
  auto re = compiled("^((a+)+)(b)c");
  std::vector<std::string> groups;
  // 18 a's take about 2^18 steps to fail: within a million, beyond ten thousand.
  const std::string text(18, 'a');
  re->set_budget(1000000);
  CHECK(re->looking_at(text, groups) == Result::kNoMatch);
  re->set_budget(10000);
  CHECK(re->looking_at(text, groups) == Result::kOverBudget);
  re->set_budget(1000000);
  CHECK(re->looking_at(text, groups) == Result::kNoMatch);
}
