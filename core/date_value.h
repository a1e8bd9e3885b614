// A date as structured data writes it, in one value: the forms news formats use for a
// publication date. Readers of HTML meta tags, JSON keys, feeds, front matter and
// XML/SGML records share it, so that "2018-04-12T09:30:00Z", "Thu, 12 Apr 2018
// 09:30:00 GMT", "12-APR-2018 09:30:00.00" and 1523525400 all give one day.
#pragma once

#include <string>
#include <string_view>

namespace newsdex {

// YYYYMMDD of `value`, or "" when it is not a date this understands. Accepted:
//  - ISO 8601 and RFC 3339: 2018-04-12, 2018-04-12T09:30:00Z, 2018-04-12 09:30+02:00,
//    20180412 (eight digits);
//  - RFC 822 / 2822 as RSS writes it: "Thu, 12 Apr 2018 09:30:00 GMT", "12 Apr 2018";
//  - day-month-year with a month name: "12-APR-2018 09:30:00.00" (Reuters-21578),
//    "12 April 2018", "April 12, 2018";
//  - Unix time as digits (seconds, or milliseconds when 13 digits).
// The day is the one written, whatever the zone: a publication date means the
// calendar day the publisher printed. Years before 1000 or after 9999 are refused, as
// are impossible days (2018-02-30).
std::string parse_date_value(std::string_view value);

}  // namespace newsdex
