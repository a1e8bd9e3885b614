// Dates as structured data writes them: each form a reader meets gives the day written.
#include <doctest/doctest.h>

#include "core/date_value.h"

using newsdex::parse_date_value;

TEST_CASE("date values: ISO 8601 and RFC 3339 give the day written, whatever the zone") {
  CHECK(parse_date_value("2018-04-12") == "20180412");
  CHECK(parse_date_value("2018-04-12T23:30:00-05:00") == "20180412");
  CHECK(parse_date_value(" 2018-04-12 09:30:00Z ") == "20180412");
  CHECK(parse_date_value("2018/04/12") == "20180412");
  CHECK(parse_date_value("20180412") == "20180412");
}

TEST_CASE("date values: RSS, Reuters and prose forms with a month name") {
  CHECK(parse_date_value("Thu, 12 Apr 2018 09:30:00 GMT") == "20180412");
  CHECK(parse_date_value("12 Apr 2018") == "20180412");
  CHECK(parse_date_value("26-FEB-1987 15:01:01.79") == "19870226");
  CHECK(parse_date_value("April 12, 2018") == "20180412");
  CHECK(parse_date_value("12 September 2018") == "20180912");
  CHECK(parse_date_value("Sept 3, 2018") == "20180903");
}

TEST_CASE("date values: Unix seconds and milliseconds") {
  CHECK(parse_date_value("1523525400") == "20180412");
  CHECK(parse_date_value("1523525400000") == "20180412");
}

TEST_CASE("date values: what is not a date gives nothing") {
  CHECK(parse_date_value("").empty());
  CHECK(parse_date_value("yesterday").empty());
  CHECK(parse_date_value("2018-02-30").empty());
  CHECK(parse_date_value("2018-13-01").empty());
  CHECK(parse_date_value("0999-01-01").empty());
  CHECK(parse_date_value("12 Foo 2018").empty());
  CHECK(parse_date_value("2018-04-123").empty());
  CHECK(parse_date_value(std::string(500, '1')).empty());
}

TEST_CASE("date values: numeric day, month and year in the order the values allow") {
  CHECK(parse_date_value("24/9/2017") == "20170924");
  CHECK(parse_date_value("9/24/2017") == "20170924");
  CHECK(parse_date_value("1/2/2018") == "20180201");  // day first when both could be a month
  CHECK(parse_date_value("12.04.2018") == "20180412");
  CHECK(parse_date_value("05/07/2017 10h32") == "20170705");
  CHECK(parse_date_value("21/8/17") == "20170821");
  CHECK(parse_date_value("13/13/2018").empty());
  CHECK(parse_date_value("1/2/3/2018").empty());
  CHECK(parse_date_value("1/2.2018").empty());
}

TEST_CASE("date values: month names of the languages news comes in") {
  CHECK(parse_date_value("12 de agosto de 2017") == "20170812");
  CHECK(parse_date_value("3. M\xC3\xA4rz 2018") == "20180303");
  CHECK(parse_date_value("5 f\xC3\xA9vrier 2019") == "20190205");
  CHECK(parse_date_value("1 d\xC3\xA9"
                         "cembre 2019") == "20191201");
  CHECK(parse_date_value("7 maggio 2020") == "20200507");
  CHECK(parse_date_value("14 maart 2016") == "20160314");
  CHECK(parse_date_value("12 of May 2018") == "20180512");
}
