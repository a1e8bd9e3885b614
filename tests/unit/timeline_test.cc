// Timelines without silent gaps: zero_fill_timeline.
#include "search/timeline.h"

#include <doctest/doctest.h>

using newsdex::FacetValue;
using newsdex::QueryRequest;
using newsdex::zero_fill_timeline;

namespace {

std::vector<std::string> names(const std::vector<FacetValue>& values) {
  std::vector<std::string> out;
  for (const auto& v : values) out.push_back(v.value + "=" + std::to_string(v.count));
  return out;
}

}  // namespace

TEST_CASE("months between the first and the last are filled in with 0, across a year") {
  std::vector<FacetValue> v = {{"2018-11", 2, 0}, {"2019-02", 1, 0}};
  zero_fill_timeline("month", {}, v);
  CHECK(names(v) == std::vector<std::string>{"2018-11=2", "2018-12=0", "2019-01=0", "2019-02=1"});
}

TEST_CASE("years are filled in too; a timeline without gaps is unchanged") {
  std::vector<FacetValue> v = {{"2015", 3, 0}, {"2018", 1, 0}};
  zero_fill_timeline("year", {}, v);
  CHECK(names(v) == std::vector<std::string>{"2015=3", "2016=0", "2017=0", "2018=1"});
  std::vector<FacetValue> whole = {{"2018-01", 1, 0}, {"2018-02", 1, 0}};
  zero_fill_timeline("month", {}, whole);
  CHECK(names(whole) == std::vector<std::string>{"2018-01=1", "2018-02=1"});
}

TEST_CASE("--since and --until widen the timeline to their periods") {
  QueryRequest r;
  r.since = "2018-02-15";
  r.until = "2018-05";
  std::vector<FacetValue> v = {{"2018-03", 4, 0}};
  zero_fill_timeline("month", r, v);
  CHECK(names(v) == std::vector<std::string>{"2018-02=0", "2018-03=4", "2018-04=0", "2018-05=0"});
  QueryRequest years;
  years.until = "2020";
  std::vector<FacetValue> y = {{"2018", 1, 0}};
  zero_fill_timeline("year", years, y);
  CHECK(names(y) == std::vector<std::string>{"2018=1", "2019=0", "2020=0"});
}

TEST_CASE("other fields, odd values and huge spans are left alone") {
  std::vector<FacetValue> people = {{"Angela Merkel", 2, 0}};
  zero_fill_timeline("person", {}, people);
  CHECK(people.size() == 1);
  std::vector<FacetValue> odd = {{"2018-4", 1, 0}, {"2019-01", 1, 0}};
  zero_fill_timeline("month", {}, odd);
  CHECK(odd.size() == 2);
  std::vector<FacetValue> far = {{"0001-01", 1, 0}, {"9999-12", 1, 0}};
  zero_fill_timeline("month", {}, far);
  CHECK(far.size() == 2);
  std::vector<FacetValue> none;
  zero_fill_timeline("month", {}, none);
  CHECK(none.empty());
}
