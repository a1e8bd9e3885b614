#include "core/bounded_regex.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

namespace newsdex {
namespace {

// Called by ICU every kStepsPerTick steps of a match with the ticks left of the
// budget; false stops the match.
UBool U_CALLCONV on_tick(const void* ticks_left, int32_t /*ticks*/) {
  auto* left = static_cast<std::int64_t*>(const_cast<void*>(ticks_left));
  return --*left >= 0;
}

}  // namespace

std::unique_ptr<BoundedRegex> BoundedRegex::compile(std::string_view pattern, std::string& error) {
  std::unique_ptr<BoundedRegex> re(new BoundedRegex);
  UErrorCode status = U_ZERO_ERROR;
  UParseError where{};
  re->pattern_.reset(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(icu::StringPiece(
                                     pattern.data(), static_cast<int32_t>(pattern.size()))),
                                 where, status));
  if (U_FAILURE(status)) {
    // ICU counts lines from 1 and offsets in UTF-16 units; a one-line pattern has line 1
    // or -1 (unknown), where only the offset says anything.
    error = std::string("invalid regular expression");
    if (where.offset >= 0) error += " at offset " + std::to_string(where.offset);
    error += std::string(" (") + u_errorName(status) + ")";
    return nullptr;
  }
  re->matcher_.reset(re->pattern_->matcher(status));
  if (U_FAILURE(status)) {
    error = std::string("cannot build a matcher (") + u_errorName(status) + ")";
    return nullptr;
  }
  re->matcher_->setMatchCallback(&on_tick, &re->ticks_left_, status);
  // ICU keeps its backtracking stack on the heap: bound it too (the default is 8 MB),
  // so that a pattern cannot make one match take memory in proportion to its work.
  re->matcher_->setStackLimit(1 << 20, status);
  if (U_FAILURE(status)) {
    error = std::string("cannot limit the matcher (") + u_errorName(status) + ")";
    return nullptr;
  }
  re->set_budget(0);
  return re;
}

BoundedRegex::~BoundedRegex() = default;

int BoundedRegex::groups() const {
  return matcher_->groupCount();
}

void BoundedRegex::set_budget(std::int64_t steps) {
  ticks_left_ = steps / kStepsPerTick;
}

BoundedRegex::Result BoundedRegex::looking_at(std::string_view text,
                                              std::vector<std::string>& groups) {
  groups.clear();
  if (ticks_left_ < 0) return Result::kOverBudget;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  UErrorCode status = U_ZERO_ERROR;
  matcher_->reset(u);
  const bool matched = matcher_->lookingAt(status);
  if (status == U_REGEX_STOPPED_BY_CALLER || status == U_REGEX_TIME_OUT ||
      status == U_REGEX_STACK_OVERFLOW) {
    ticks_left_ = -1;  // the rest of this budget's tries would run over it too
    return Result::kOverBudget;
  }
  if (U_FAILURE(status) || !matched) return Result::kNoMatch;
  for (int g = 1; g <= matcher_->groupCount(); ++g) {
    std::string out;
    matcher_->group(g, status).toUTF8String(out);
    groups.push_back(std::move(out));
  }
  if (U_FAILURE(status)) {
    groups.clear();
    return Result::kNoMatch;
  }
  return Result::kMatch;
}

}  // namespace newsdex
