// The JSON text search writes without nlohmann objects (search/json_text.h) is byte for
// byte what nlohmann's dump wrote: strings with every kind of escape and bad UTF-8,
// numbers, and a whole page through the json and jsonl printers.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

#include "search/json_text.h"
#include "search/printer.h"

using namespace newsdex;

namespace {

using ojson = nlohmann::ordered_json;

std::string dumped(const ojson& j) {
  return j.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

// The strings that exercise the escaper: every control character, quotes, backslashes,
// DEL, multi-byte text, and bytes that are not UTF-8 in several places.
std::vector<std::string> hard_strings() {
  std::vector<std::string> out = {
      "",
      "plain ascii",
      "quote \" and backslash \\ and slash /",
      "tab\there\nnewline\rreturn\bback\fform",
      std::string("nul\0inside", 10),
      "\x7f del",
      "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x93\xB0",
      "caf\xE9.txt",
      "\xFF",
      "end \xC3",
      "overlong \xC0\xAF and surrogate \xED\xA0\x80 and \xF4\x90\x80\x80",
      "\xE2\x80 cut \xE2\x80\x9C"};
  for (int c = 0; c < 0x20; ++c) out.push_back(std::string("<") + char(c) + ">");
  return out;
}

template <typename F>
std::string output_of(PrintOptions options, F print) {
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

// The hit and the page as the printer built them with nlohmann before json_text.h:
// the reference the text must equal.
ojson reference_hit(const Hit& h) {
  ojson j = {{"rank", h.rank}};
  j["id"] = h.id;
  j["path"] = h.path;
  if (h.id.find('\xE9') != std::string::npos) j["id_bytes"] = "Y2Fm6S50eHQ=";  // caf\xE9.txt
  if (h.path.find('\xE9') != std::string::npos)
    j["path_bytes"] = "L2MvY2Fm6S50eHQ=";  // /c/caf\xE9.txt
  j["title"] = h.title;
  j["date"] = h.date;
  j["source"] = h.source;
  j["score"] = h.score;
  j["copies"] = h.copies;
  if (h.snippet) {
    j["snippet"] = *h.snippet;
    auto hl = ojson::array();
    for (const auto& [a, b] : h.highlights) hl.push_back({a, b});
    j["highlights"] = hl;
  } else {
    j["snippet"] = nullptr;
  }
  j["entities"] = {{"person", h.entities.person},
                   {"place", h.entities.place},
                   {"org", h.entities.org},
                   {"misc", h.entities.misc}};
  if (h.explanation) {
    auto parts = ojson::array();
    for (const auto& [term, weight] : *h.explanation)
      parts.push_back({{"term", term}, {"weight", weight}});
    j["explain"] = parts;
  }
  return j;
}

ojson reference_page(const SearchPage& p) {
  ojson j = {{"format_version", 1},      {"query", p.query},
             {"total", p.total},         {"total_is_exact", p.total_is_exact},
             {"total_min", p.total_min}, {"total_max", p.total_max},
             {"collapsed", p.collapsed}, {"total_articles", p.total_articles},
             {"offset", p.offset}};
  auto results = ojson::array();
  for (const auto& h : p.hits) results.push_back(reference_hit(h));
  j["results"] = results;
  auto facets = ojson::object();
  for (const auto& f : p.facets) {
    auto arr = ojson::array();
    for (const auto& v : f.values) {
      ojson e = {{"value", v.value}, {"count", v.count}};
      if (v.score != 0) e["score"] = v.score;
      arr.push_back(e);
    }
    facets[f.field] = arr;
  }
  j["facets"] = facets;
  j["facet_counts"] = "articles";
  j["suggestion"] = p.suggestion ? ojson(*p.suggestion) : nullptr;
  j["relaxed"] = p.relaxed;
  j["auto_corrected"] = p.auto_corrected;
  if (p.parsed_query) j["parsed_query"] = *p.parsed_query;
  return j;
}

SearchPage hard_page() {
  SearchPage p;
  p.query = "trade \"war\"\t\\";
  p.total = 12;
  p.total_min = 10;
  p.total_max = 14;
  p.total_is_exact = false;
  p.collapsed = true;
  p.total_articles = 15;
  p.offset = 3;
  p.relaxed = true;
  p.auto_corrected = true;
  p.suggestion = "trade wars \x01";
  p.parsed_query = "Query((Ztrade@1 AND Zwar@2))";
  Hit a;
  a.rank = 4;
  a.id = "caf\xE9.txt";
  a.path = "/c/caf\xE9.txt";
  a.title = "Caf\xC3\xA9 \"quoted\"\nline";
  a.date = "2018-04-04";
  a.source = "WIRE";
  a.score = 3.0;
  a.copies = 2;
  a.snippet = "\xE2\x80\xA6the trade war\xE2\x80\xA6 \x7f";
  a.highlights = {{7, 12}, {13, 16}};
  a.entities.person = {"Donald Trump", "A \"B\""};
  a.entities.place = {"Des Moines"};
  a.entities.misc = {"Oscar"};
  a.explanation = std::vector<std::pair<std::string, double>>{{"Ztrade", 1.25}, {"Zwar", 1e-9}};
  Hit b;
  b.rank = 5;
  b.id = "b.txt";
  b.path = "/c/b.txt";
  b.score = 0.1;
  p.hits = {a, b};
  p.facets = {{"source", {{"WIRE", 3, 0}, {"OBS", 1, 2.5}}, 0},
              {"place", {}, 0},
              {"source", {{"WIRE", 4, 0}}, 0}};  // asked for twice: the last values win
  return p;
}

}  // namespace

TEST_CASE("json text: strings are escaped as nlohmann escapes them, bad UTF-8 included") {
  for (const auto& s : hard_strings()) {
    std::string mine;
    append_json_string(mine, s);
    CHECK_MESSAGE(mine == dumped(ojson(s)), "string of ", s.size(), " bytes: ", dumped(ojson(s)));
  }
}

TEST_CASE("json text: numbers are written as nlohmann writes them") {
  for (const std::uint64_t n : {std::uint64_t{0}, std::uint64_t{7}, std::uint64_t{1234567890123},
                                std::numeric_limits<std::uint64_t>::max()}) {
    std::string mine;
    append_json_number(mine, n);
    CHECK(mine == dumped(ojson(n)));
  }
  for (const double x : {0.0, -0.0, 2.0, 0.1, 3.25, 1e-7, 1e21, 123456.789, 12.345678901234567,
                         -5.5e-300, std::numeric_limits<double>::max(),
                         std::numeric_limits<double>::infinity(), std::nan("")}) {
    std::string mine;
    append_json_number(mine, x);
    CHECK_MESSAGE(mine == dumped(ojson(x)), x);
  }
}

TEST_CASE("json text: a search page is the object nlohmann wrote, byte for byte") {
  const SearchPage page = hard_page();
  PrintOptions json;
  json.format = OutputFormat::Json;
  CHECK(output_of(json, [&](Printer& p) { p.search(page); }) ==
        dumped(reference_page(page)) + "\n");
  SearchPage empty;
  empty.query = "nothing";
  CHECK(output_of(json, [&](Printer& p) { p.search(empty); }) ==
        dumped(reference_page(empty)) + "\n");

  PrintOptions lines;
  lines.format = OutputFormat::Jsonl;
  std::string expected;
  for (const auto& h : page.hits) {
    ojson j = {{"format_version", 1}};
    const ojson hit = reference_hit(h);
    for (const auto& [k, v] : hit.items()) j[k] = v;
    expected += dumped(j) + "\n";
  }
  CHECK(output_of(lines, [&](Printer& p) { p.search(page); }) == expected);
}
