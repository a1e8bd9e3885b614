#include "search/date_ranges.h"

#include <chrono>
#include <cstdio>
#include <ctime>

#include "core/layout.h"
#include "search/query_builder.h"

namespace newsdex {
namespace {

using namespace std::chrono;

std::string yyyymmdd(const year_month_day& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02u%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

// "7d", "2w", "3m", "1y", "today", "yesterday" counted back from `today`.
std::string before_today(const std::string& text, const std::string& today) {
  if (today.size() != 8) return {};
  const year_month_day now{year{std::stoi(today.substr(0, 4))},
                           month{static_cast<unsigned>(std::stoi(today.substr(4, 2)))},
                           day{static_cast<unsigned>(std::stoi(today.substr(6, 2)))}};
  if (text == "today") return today;
  if (text == "yesterday") return yyyymmdd(year_month_day{sys_days{now} - days{1}});
  if (text.size() < 2 || text.size() > 7) return {};
  long n = 0;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return {};
    n = n * 10 + (text[i] - '0');
  }
  year_month_day d = now;
  switch (text.back()) {
    case 'd':
      d = year_month_day{sys_days{now} - days{n}};
      break;
    case 'w':
      d = year_month_day{sys_days{now} - days{7 * n}};
      break;
    case 'm':
    case 'y':
      d = text.back() == 'm' ? now - months{n} : now - years{n};
      // 31 March minus one month: the last day of February.
      if (!d.ok()) d = year_month_day{year_month_day_last{d.year(), month_day_last{d.month()}}};
      break;
    default:
      return {};
  }
  if (static_cast<int>(d.year()) < 1) return {};
  return yyyymmdd(d);
}

}  // namespace

std::string resolve_date(const std::string& text, bool end, const std::string& today) {
  if (text.empty()) return {};
  const std::string relative = before_today(text, today);
  if (!relative.empty()) return relative;
  return normalise_date(text, end);
}

std::string today_local() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y%m%d", &tm);
  return buf;
}

Xapian::Query date_range_query(const std::string& lo, const std::string& hi) {
  if (hi.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, layout::kDateSlot, lo);
  if (lo.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, layout::kDateSlot, hi);
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, layout::kDateSlot, lo, hi);
}

DateRangeProcessor::DateRangeProcessor(std::string prefix,
                                       std::function<void(const std::string&)> error)
    : Xapian::RangeProcessor(layout::kDateSlot, std::move(prefix)), error_(std::move(error)) {}

Xapian::Query DateRangeProcessor::operator()(const std::string& begin, const std::string& end) {
  const std::string today = today_local();
  const std::string lo = resolve_date(begin, false, today);
  const std::string hi = resolve_date(end, true, today);
  const bool bad_lo = !begin.empty() && lo.empty(), bad_hi = !end.empty() && hi.empty();
  if (bad_lo || bad_hi || (lo.empty() && hi.empty())) {
    error_("malformed date range 'date:" + begin + ".." + end +
           "' (expected dates like 2018-04-12, 2018-04, 2018 or 7d, 2w, 3m, 1y: "
           "date:2018-04..2018-05, date:7d..)");
    return Xapian::Query::MatchNothing;
  }
  return date_range_query(lo, hi);
}

}  // namespace newsdex
