// The document schema: how an article file becomes fields, and how those fields are
// weighted, prefixed and stemmed. Loaded from YAML (schemas/news.yaml); the database
// stores the YAML text it was built with so the search CLI reads it the same way.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace newsdex {

struct Bm25Params {
  double k1 = 1.5;  // schemas/news.yaml says why
  double k2 = 0.0;
  double k3 = 1.0;
  double b = 0.5;
  double min_normlen = 0.5;
  // BM25+ (Lv and Zhai): a floor added to every matching term's weight, so that a long
  // article that holds the word is not scored as if it did not. 0: plain BM25.
  double delta = 0.0;
};

struct Schema {
  std::string name = "news";
  std::string language = "english";  // a Xapian::Stem language, or "none"

  // Which files are articles: glob patterns on the file name; hidden files and
  // editor temporaries are excluded by the default exclude list.
  std::vector<std::string> include_globs{"*.txt"};
  std::vector<std::string> exclude_globs;
  // How a selected file is read into articles: files.format forces one format of
  // article_formats.h for every file; "auto" chooses by files.formats (glob: format,
  // first match wins), then by the registry's names and the file's content.
  std::string format = "auto";
  std::vector<std::pair<std::string, std::string>> format_globs;
  // formats.NAME: each format's options, as the YAML text of its section (the format
  // validated it when the schema was parsed; its reader parses it again).
  std::map<std::string, std::string> format_options;
  std::uint64_t max_file_bytes = 64ull << 20;
  // A symbolic link whose target lies outside the corpus folder is not followed
  // unless this is set (files.follow_symlinks, or newsdexd --follow-symlinks): a
  // folder of other people's articles must not be able to index /etc/shadow.
  bool follow_outside_links = false;

  // Field weights: how many times a word counts (wdf) in the unprefixed text.
  unsigned title_weight = 3;
  unsigned body_weight = 1;

  // Dateline "PLACE (SOURCE) –" at the start of the body: an ICU regular expression
  // whose first group is the place and second the source. Empty disables it.
  std::string dateline_pattern;
  // How many characters from the start of the body are searched for a date.
  std::size_t date_search_chars = 400;
  bool date_from_mtime = true;

  // Index the folder an article sits in as the `section` facet.
  bool section_from_folder = true;
  // Fields of core/fields.h left out of the index (facets.FIELD.from: none), sorted.
  std::vector<std::string> fields_off;
  // Entity fields (person, place, org) whose values come from the data alone
  // (facets.FIELD.from: data): a format's own codes, such as Reuters-21578's PLACES;
  // the tagger does not add to them. Sorted.
  std::vector<std::string> fields_from_data;

  Bm25Params bm25;

  // The YAML text this schema was loaded from, stored in the database.
  std::string source_text;
  std::string source_path;
};

// Parses schema YAML. Throws UsageError with "FILE:LINE: what is wrong" on any
// malformed or unknown entry (unknown keys are errors: a typo must not be ignored).
Schema parse_schema(const std::string& yaml_text, const std::string& file_name);
Schema load_schema_file(const std::string& path);

// The built-in `news` schema: schemas/news.yaml from the source tree, found relative
// to the executable or at the compiled-in source path.
std::string default_schema_path();

}  // namespace newsdex
