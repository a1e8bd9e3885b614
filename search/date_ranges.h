// Dates as people write them (issue 16, point 8): a day, a month or a year
// ("2018-04-12", "2018-04", "2018"), or a time before today ("7d", "2w", "3m", "1y",
// "today", "yesterday"), as --since and --until take them and as the query
// language's date ranges do: date:2018-04..2018-05 (April and May), date:7d.. (the last
// seven days and today), date:..2018 (up to the end of 2018).
#pragma once

#include <xapian.h>

#include <functional>
#include <string>

namespace newsdex {

// `text` as YYYYMMDD: the first day it names, or the last when `end` ("2018-04" ->
// 20180401 or 20180430). A time before today counts back from `today` (YYYYMMDD):
// "7d" is seven days before it, "2w" fourteen, "3m" three calendar months (the last
// day of a shorter month), "1y" a year. Empty when `text` is none of these.
std::string resolve_date(const std::string& text, bool end, const std::string& today);

// Today's date in the local time zone, YYYYMMDD.
std::string today_local();

// The articles dated from `lo` to `hi` (YYYYMMDD, inclusive; either may be empty for
// an open end; not both).
Xapian::Query date_range_query(const std::string& lo, const std::string& hi);

// The query language's date ranges, "date:A..B" with either end open. A malformed end
// is reported to `error` (QueryParser must not be thrown through) and matches nothing.
class DateRangeProcessor : public Xapian::RangeProcessor {
 public:
  DateRangeProcessor(std::string prefix, std::function<void(const std::string&)> error);
  Xapian::Query operator()(const std::string& begin, const std::string& end) override;

 private:
  std::function<void(const std::string&)> error_;
};

}  // namespace newsdex
