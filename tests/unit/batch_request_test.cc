// --batch requests: a line as a query or a JSON object, and its keys applied.
#include "search/batch_request.h"

#include <doctest/doctest.h>

#include "core/errors.h"

using newsdex::apply_request;
using newsdex::parse_request_line;
using newsdex::RequestKeys;
using newsdex::SearchOptions;
using newsdex::UsageError;

TEST_CASE("a line that is no JSON object is the query, as typed") {
  CHECK(parse_request_line("trade war") == nlohmann::json{{"query", "trade war"}});
  CHECK(parse_request_line("") == nlohmann::json{{"query", ""}});
  CHECK(parse_request_line("brexit\r") == nlohmann::json{{"query", "brexit"}});  // CRLF
  CHECK(parse_request_line("[1, 2]") == nlohmann::json{{"query", "[1, 2]"}});
  CHECK(parse_request_line("  {\"query\": \"x\"}")["query"] == "x");
  CHECK_THROWS_AS(parse_request_line("{not json"), UsageError);
  CHECK_THROWS_AS(parse_request_line("{\"query\": \"x\"} trailing"), UsageError);
  CHECK_THROWS_AS(parse_request_line("{\"query\": \"caf\xe9\"}"), UsageError);  // not UTF-8
}

TEST_CASE("a request's keys replace the command line's values") {
  SearchOptions o;
  o.limit = 3;
  o.query.filters = {"place:us"};
  apply_request(nlohmann::json::parse(R"({"query": ["trade", "war"], "limit": 7, "offset": 2,
      "facet": "person,place", "facet_limit": 0, "sort": "-date", "no_snippet": true,
      "since": "2018", "until": "2019-06", "since_rev": 4, "filter_all": true, "id": [1]})"),
                RequestKeys::Search, o);
  CHECK(o.query.text == "trade war");
  CHECK(o.limit == 7);
  CHECK(o.offset == 2);
  CHECK(o.facets == std::vector<std::string>{"person", "place"});
  CHECK(o.facet_limit == 0);
  CHECK(o.sort == "-date");
  CHECK_FALSE(o.snippets);
  CHECK(o.query.since == "2018");
  CHECK(o.query.until == "2019-06");
  CHECK(o.query.since_revision == 4);
  CHECK(o.query.filter_all);
  CHECK(o.query.filters == std::vector<std::string>{"place:us"});  // not given: kept
}

TEST_CASE("facets: limit is the facet limit, field and significant are taken") {
  SearchOptions o;
  std::string field = "person";
  apply_request(nlohmann::json::parse(R"({"field": "month", "limit": 5, "significant": true,
      "filter": "place:syria"})"),
                RequestKeys::Facets, o, &field);
  CHECK(field == "month");
  CHECK(o.facet_limit == 5);
  CHECK(o.significant);
  CHECK(o.query.filters == std::vector<std::string>{"place:syria"});
}

TEST_CASE("unknown keys, wrong types and out-of-range values are usage errors") {
  SearchOptions o;
  auto bad = [&](const char* json, RequestKeys keys) {
    std::string field;
    CHECK_THROWS_AS(apply_request(nlohmann::json::parse(json), keys, o, &field), UsageError);
  };
  bad(R"({"limit": 2})", RequestKeys::Count);  // count has no limit
  bad(R"({"facet": "person"})", RequestKeys::Facets);
  bad(R"({"limt": 2})", RequestKeys::Search);
  bad(R"({"limit": -1})", RequestKeys::Search);
  bad(R"({"limit": 1.5})", RequestKeys::Search);
  bad(R"({"limit": 4294967296})", RequestKeys::Search);
  bad(R"({"limit": "10"})", RequestKeys::Search);
  bad(R"({"query": 5})", RequestKeys::Search);
  bad(R"({"query": ["a", 1]})", RequestKeys::Search);
  bad(R"({"filter": {"place": "us"}})", RequestKeys::Search);
  bad(R"({"sort": "sideways"})", RequestKeys::Search);
  bad(R"({"snippet_chars": 5})", RequestKeys::Search);
  bad(R"({"no_snippet": "yes"})", RequestKeys::Search);
  try {
    apply_request(nlohmann::json::parse(R"({"limt": 2})"), RequestKeys::Search, o);
  } catch (const UsageError& e) {
    CHECK(std::string(e.what()) == "unknown request key 'limt'; did you mean 'limit'?");
  }
}
