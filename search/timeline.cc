#include "search/timeline.h"

#include <charconv>
#include <cstdio>
#include <optional>

namespace newsdex {
namespace {

// A period counted from year 0: the year itself, or year * 12 + month - 1.
std::optional<long> period_of(const std::string& value, bool months) {
  const std::size_t size = months ? 7 : 4;
  if (value.size() != size || (months && value[4] != '-')) return std::nullopt;
  long year = 0, month = 1;
  auto digits = [&](std::size_t at, std::size_t n, long& out) {
    const char* end = value.data() + at + n;
    const auto r = std::from_chars(value.data() + at, end, out);
    return r.ec == std::errc() && r.ptr == end;
  };
  if (!digits(0, 4, year) || (months && !digits(5, 2, month)) || month < 1 || month > 12)
    return std::nullopt;
  return months ? year * 12 + month - 1 : year;
}

std::string name_of(long period, bool months) {
  char text[48];
  if (months)
    std::snprintf(text, sizeof text, "%04ld-%02ld", period / 12, period % 12 + 1);
  else
    std::snprintf(text, sizeof text, "%04ld", period);
  return text;
}

// The period of a --since or --until date (2018, 2018-04 or 2018-04-12).
std::optional<long> bound_of(const std::string& date, bool months, bool end) {
  if (date.empty()) return std::nullopt;
  const std::string d = normalise_date(date, end);  // YYYYMMDD, or empty when malformed
  if (d.empty()) return std::nullopt;
  return period_of(months ? d.substr(0, 4) + "-" + d.substr(4, 2) : d.substr(0, 4), months);
}

}  // namespace

void zero_fill_timeline(const std::string& field, const QueryRequest& request,
                        std::vector<FacetValue>& values) {
  if (field != "month" && field != "year") return;
  const bool months = field == "month";
  std::optional<long> first = bound_of(request.since, months, false);
  std::optional<long> last = bound_of(request.until, months, true);
  for (const auto& v : values) {
    const auto p = period_of(v.value, months);
    if (!p) return;  // not a timeline this code understands: leave it whole
    if (request.since.empty() && (!first || *p < *first)) first = p;
    if (request.until.empty() && (!last || *p > *last)) last = p;
  }
  if (!first || !last || *last < *first || *last - *first >= kMaxTimelinePeriods) return;
  std::vector<FacetValue> filled;
  filled.reserve(static_cast<std::size_t>(*last - *first + 1));
  std::size_t next = 0;  // values are in date order: walk them along the periods
  for (long p = *first; p <= *last; ++p) {
    const std::string name = name_of(p, months);
    if (next < values.size() && values[next].value == name)
      filled.push_back(values[next++]);
    else
      filled.push_back({name, 0, 0});
  }
  // Values outside the --since/--until range cannot occur (the range filters the
  // matches), but keep any rather than lose a count.
  for (; next < values.size(); ++next) filled.push_back(values[next]);
  values = std::move(filled);
}

}  // namespace newsdex
