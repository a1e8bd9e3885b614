// The output formats of the contract: json has every field, jsonl one result per line,
// tsv five columns, paths one per line or NUL-terminated with -0, text readable.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "search/printer.h"

using namespace newsdex;

namespace {

SearchPage sample_page() {
  SearchPage p;
  p.query = "trade war";
  p.total = 42;
  p.total_is_exact = true;
  p.offset = 5;
  Hit a;
  a.rank = 6;
  a.id = "business/soy.txt";
  a.path = "/corpus/business/soy.txt";
  a.title = "China targets U.S. soybeans as trade war escalates";
  a.date = "2018-04-04";
  a.source = "WIRE SERVICE";
  a.score = 3.25;
  a.snippet = "…the trade war…";
  a.highlights = {{7, 12}, {13, 16}};  // "trade", "war" after the 3-byte "…"
  a.entities.person = {"Donald Trump"};
  a.entities.place = {"Des Moines", "China"};
  a.entities.org = {};
  Hit b;
  b.rank = 7;
  b.id = "world/odd.txt";
  b.path = "/corpus/world/odd\tname.txt";
  b.title = "A title\twith a tab";
  b.date = "";
  b.source = "";
  b.score = 1.5;
  b.snippet = std::nullopt;
  p.hits = {a, b};
  p.facets = {{"source", {{"WIRE SERVICE", 3, 0}, {"OBSERVATORY", 1, 0}}}};
  return p;
}

// Runs `print` on a printer of `options` and returns what it wrote.
template <typename F>
std::string output_of(const PrintOptions& options, F print) {
  char* buffer = nullptr;
  std::size_t size = 0;
  std::FILE* mem = open_memstream(&buffer, &size);
  REQUIRE(mem != nullptr);
  {
    auto printer = make_printer(options, mem);
    print(*printer);
  }
  std::fclose(mem);
  std::string out(buffer, size);
  std::free(buffer);
  return out;
}

PrintOptions format(OutputFormat f) {
  PrintOptions o;
  o.format = f;
  return o;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

void check_result_object(const nlohmann::json& r) {
  for (const char* key :
       {"rank", "id", "path", "title", "date", "source", "score", "snippet", "entities"})
    CHECK_MESSAGE(r.contains(key), key);
  REQUIRE(r["entities"].is_object());
  for (const char* key : {"person", "place", "org"}) {
    CHECK_MESSAGE(r["entities"].contains(key), key);
    CHECK(r["entities"][key].is_array());
  }
}

}  // namespace

TEST_CASE("parse_format: the five names") {
  OutputFormat f;
  CHECK(parse_format("text", f));
  CHECK(f == OutputFormat::Text);
  CHECK(parse_format("json", f));
  CHECK(f == OutputFormat::Json);
  CHECK(parse_format("jsonl", f));
  CHECK(f == OutputFormat::Jsonl);
  CHECK(parse_format("tsv", f));
  CHECK(f == OutputFormat::Tsv);
  CHECK(parse_format("paths", f));
  CHECK(f == OutputFormat::Paths);
  CHECK_FALSE(parse_format("xml", f));
}

TEST_CASE("json: one object with every contract field") {
  const std::string out =
      output_of(format(OutputFormat::Json), [](Printer& p) { p.search(sample_page()); });
  REQUIRE(!out.empty());
  CHECK(out.back() == '\n');
  CHECK(out.find('\n') == out.size() - 1);  // one line
  const auto j = nlohmann::json::parse(out);
  for (const char* key :
       {"query", "total", "total_is_exact", "offset", "results", "facets", "suggestion"})
    CHECK_MESSAGE(j.contains(key), key);
  CHECK(j["query"] == "trade war");
  CHECK(j["total"] == 42);
  CHECK(j["total_is_exact"] == true);
  CHECK(j["offset"] == 5);
  CHECK(j["suggestion"].is_null());
  REQUIRE(j["results"].size() == 2);
  for (const auto& r : j["results"]) check_result_object(r);
  const auto& r = j["results"][0];
  CHECK(r["rank"] == 6);
  CHECK(r["id"] == "business/soy.txt");
  CHECK(r["path"] == "/corpus/business/soy.txt");
  CHECK(r["title"] == "China targets U.S. soybeans as trade war escalates");
  CHECK(r["date"] == "2018-04-04");
  CHECK(r["source"] == "WIRE SERVICE");
  CHECK(r["score"].get<double>() == doctest::Approx(3.25));
  CHECK(r["snippet"] == "…the trade war…");
  CHECK(r["entities"]["person"] == nlohmann::json::array({"Donald Trump"}));
  CHECK(r["entities"]["place"] == nlohmann::json::array({"Des Moines", "China"}));
  CHECK(r["entities"]["org"] == nlohmann::json::array());
  // --no-snippet: the field is there, null.
  CHECK(j["results"][1]["snippet"].is_null());
  // Facets: field -> [{value, count}].
  REQUIRE(j["facets"].contains("source"));
  CHECK(j["facets"]["source"][0]["value"] == "WIRE SERVICE");
  CHECK(j["facets"]["source"][0]["count"] == 3);
  CHECK(j["facets"]["source"][1]["value"] == "OBSERVATORY");
  CHECK(j["facets"]["source"][1]["count"] == 1);
}

TEST_CASE("json: a suggestion is a string when there is one") {
  SearchPage p = sample_page();
  p.suggestion = "trade wars";
  const auto j = nlohmann::json::parse(
      output_of(format(OutputFormat::Json), [&](Printer& pr) { pr.search(p); }));
  CHECK(j["suggestion"] == "trade wars");
}

TEST_CASE("jsonl: one result object per line and nothing else") {
  const std::string out =
      output_of(format(OutputFormat::Jsonl), [](Printer& p) { p.search(sample_page()); });
  const auto lines = split(out, '\n');
  REQUIRE(lines.size() == 2);
  CHECK(out.back() == '\n');
  const auto first = nlohmann::json::parse(lines[0]);
  const auto second = nlohmann::json::parse(lines[1]);
  check_result_object(first);
  check_result_object(second);
  CHECK(first["rank"] == 6);
  CHECK(second["rank"] == 7);
  CHECK_FALSE(first.contains("results"));
}

TEST_CASE("tsv: five tab-separated columns, tabs in fields replaced") {
  const std::string out =
      output_of(format(OutputFormat::Tsv), [](Printer& p) { p.search(sample_page()); });
  const auto lines = split(out, '\n');
  REQUIRE(lines.size() == 2);
  for (const auto& line : lines) {
    CAPTURE(line);
    CHECK(split(line + "\t", '\t').size() == 5);
  }
  const auto cols = split(lines[0] + "\t", '\t');
  CHECK(cols[0] == "6");
  CHECK(std::stod(cols[1]) == doctest::Approx(3.25));
  CHECK(cols[2] == "2018-04-04");
  CHECK(cols[3] == "/corpus/business/soy.txt");
  CHECK(cols[4] == "China targets U.S. soybeans as trade war escalates");
  // The second row: empty date column kept, tabs inside fields became spaces.
  CHECK(lines[1] == "7\t1.5000\t\t/corpus/world/odd name.txt\tA title with a tab");
}

TEST_CASE("tsv: --header adds one header line") {
  PrintOptions o = format(OutputFormat::Tsv);
  o.header = true;
  const auto lines = split(output_of(o, [](Printer& p) { p.search(sample_page()); }), '\n');
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "rank\tscore\tdate\tpath\ttitle");
}

TEST_CASE("paths: one per line, or NUL-terminated with -0") {
  std::string out =
      output_of(format(OutputFormat::Paths), [](Printer& p) { p.search(sample_page()); });
  CHECK(out == "/corpus/business/soy.txt\n/corpus/world/odd\tname.txt\n");

  PrintOptions o = format(OutputFormat::Paths);
  o.null_separated = true;
  out = output_of(o, [](Printer& p) { p.search(sample_page()); });
  CHECK(out ==
        std::string("/corpus/business/soy.txt") + '\0' + "/corpus/world/odd\tname.txt" + '\0');
  CHECK(out.find('\n') == std::string::npos);
}

TEST_CASE("text: titles, paths, bracketed highlights and the match count") {
  const std::string out =
      output_of(format(OutputFormat::Text), [](Printer& p) { p.search(sample_page()); });
  CHECK(out.find("6. China targets U.S. soybeans as trade war escalates") != std::string::npos);
  CHECK(out.find("/corpus/business/soy.txt  2018-04-04  WIRE SERVICE") != std::string::npos);
  CHECK(out.find("…the [trade] [war]…") != std::string::npos);
  CHECK(out.find("42 matches, showing 6-7") != std::string::npos);
  CHECK(out.find("WIRE SERVICE") != std::string::npos);
  CHECK(out.find("\033[") == std::string::npos);  // no colour unless asked

  PrintOptions color = format(OutputFormat::Text);
  color.color = true;
  const std::string bold = output_of(color, [](Printer& p) { p.search(sample_page()); });
  CHECK(bold.find("\033[1mtrade\033[0m") != std::string::npos);
}

TEST_CASE("count: the number alone on a line in text and tsv, an object in json") {
  CHECK(output_of(format(OutputFormat::Text), [](Printer& p) { p.count(17); }) == "17\n");
  CHECK(output_of(format(OutputFormat::Tsv), [](Printer& p) { p.count(17); }) == "17\n");
  const auto j =
      nlohmann::json::parse(output_of(format(OutputFormat::Json), [](Printer& p) { p.count(17); }));
  CHECK(j["count"] == 17);
}
