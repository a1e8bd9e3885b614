#include <doctest/doctest.h>

#include "search/date_ranges.h"

using newsdex::resolve_date;

TEST_CASE("resolve_date: days, months and years, first or last day") {
  const std::string today = "20261201";
  CHECK(resolve_date("2018-04", false, today) == "20180401");
  CHECK(resolve_date("2018-04", true, today) == "20180430");
  CHECK(resolve_date("2016-02", true, today) == "20160229");
  CHECK(resolve_date("2018", true, today) == "20181231");
  CHECK(resolve_date("2018-04-12", true, today) == "20180412");
  CHECK(resolve_date("2018-13", false, today).empty());
  CHECK(resolve_date("", false, today).empty());
}

TEST_CASE("resolve_date: times before today") {
  const std::string today = "20260331";
  CHECK(resolve_date("today", false, today) == "20260331");
  CHECK(resolve_date("yesterday", false, today) == "20260330");
  CHECK(resolve_date("0d", false, today) == "20260331");
  CHECK(resolve_date("7d", false, today) == "20260324");
  CHECK(resolve_date("31d", false, today) == "20260228");
  CHECK(resolve_date("2w", false, today) == "20260317");
  // A month before 31 March is the last day of February.
  CHECK(resolve_date("1m", false, today) == "20260228");
  CHECK(resolve_date("13m", false, today) == "20250228");
  CHECK(resolve_date("1y", false, "20240229") == "20230228");
  CHECK(resolve_date("7x", false, today).empty());
  CHECK(resolve_date("d", false, today).empty());
  CHECK(resolve_date("-7d", false, today).empty());
  CHECK(resolve_date("99999999d", false, today).empty());
  CHECK(resolve_date("5000y", false, today).empty());
}
