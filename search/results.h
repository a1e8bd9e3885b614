// What the commands produce, before any printing: the printers (printer.h) turn
// these into text, json, jsonl, tsv or paths.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace newsdex {

struct Entities {
  std::vector<std::string> person, place, org;
  std::vector<std::string> misc;  // events, works, products, awards, nationalities
};

struct Hit {
  std::uint64_t rank = 0;  // 1-based, counting from the first match (offset included)
  std::string id;          // path relative to the corpus root: the document's unique id
  std::string path;        // the file, as a script can open it
  std::string title;
  std::string date;  // YYYY-MM-DD or empty
  std::string source;
  double score = 0;
  // The other articles of its story in the index (story_signature.h): 0 for an
  // article that is a story alone. Collapsed search shows the story once, as this hit.
  std::uint64_t copies = 0;
  std::optional<std::string> snippet;                           // absent with --no-snippet
  std::vector<std::pair<std::size_t, std::size_t>> highlights;  // byte ranges in snippet
  Entities entities;
  // --explain: the query's terms the article holds and what each added to the score.
  std::optional<std::vector<std::pair<std::string, double>>> explanation;
};

struct FacetValue {
  std::string value;
  std::uint64_t count = 0;
  double score = 0;  // --significant only
};

struct Facet {
  std::string field;
  std::vector<FacetValue> values;
  std::uint64_t matches = 0;  // the matches the values were counted over (newsdex facets)
};

struct SearchPage {
  std::string query;
  std::uint64_t total = 0;
  bool total_is_exact = true;
  // Xapian's bounds on the total: equal to it when it is exact.
  std::uint64_t total_min = 0, total_max = 0;
  std::uint64_t offset = 0;
  // Copies of one story shown once (the default; --no-collapse: every article). total
  // then counts stories, total_articles the articles they hold, as exactly as total.
  bool collapsed = false;
  std::uint64_t total_articles = 0;
  bool total_articles_is_exact = true;
  std::vector<Hit> hits;
  std::vector<Facet> facets;
  std::optional<std::string> suggestion;  // a corrected query, when one would match more
  // Every word together found too little, so any of them matched (query_relaxation.h).
  bool relaxed = false;
  // Nothing matched the query; the hits are those of the suggestion (--auto-correct).
  bool auto_corrected = false;
  std::optional<std::string> parsed_query;  // --explain: the query Xapian ran
};

// `show`: one stored document.
struct DocumentView {
  Hit hit;            // id, path, title, date, source, entities
  std::string place;  // dateline place
  std::string section;
  bool date_from_text = false;
  std::string body;
  // What the data gave beside the text (HTML meta, JSON keys, feeds, front matter).
  std::vector<std::string> authors, topics;
  std::string url, language;
  std::vector<std::string> boolean_terms;  // the filter terms it carries
  std::uint64_t word_count = 0;
};

// `stats`, `status`: an ordered record of named values.
using Record = nlohmann::ordered_json;

}  // namespace newsdex
