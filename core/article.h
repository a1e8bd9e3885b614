// An article as the schema reads it: the fields newsdex indexes, stores and prints.
#pragma once

#include <string>
#include <vector>

namespace newsdex {

struct NamedEntity {
  std::string canonical;  // display name, e.g. "Donald Trump"
  std::string key;        // folded form used for the boolean term, e.g. "donald trump"
  // How central the name is to the article (issue 16, point 5): one per mention, three
  // more when the title names it, two more when the lead does; 0 when unknown.
  unsigned weight = 0;
};

struct Article {
  std::string path;  // relative to the corpus root, '/'-separated: the unique id
  std::string title;
  std::string body;             // the text after the title, dateline included
  std::string dateline_place;   // "UNITED STATES" in "UNITED STATES (OBSERVATORY) –"
  std::string source;           // "OBSERVATORY"
  std::string date;             // YYYYMMDD, or empty when unknown
  bool date_from_text = false;  // false: the file's mtime
  std::string section;          // the folder the file sits in ("" at the root)
  // What the data itself says, where a format carries it (HTML meta, JSON keys, feed
  // elements, front matter): the article's authors, its topics or tags, its canonical
  // URL and its language (an ISO 639-1 code, "de"; else detected, else the schema's).
  std::vector<std::string> authors;
  std::vector<std::string> topics;
  std::string url;
  std::string language;
  std::vector<NamedEntity> people, places, orgs;
  std::vector<NamedEntity> misc;  // events, works, products, awards, nationalities
};

}  // namespace newsdex
