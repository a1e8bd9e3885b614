// One JSON object as an article: which keys (JSON Pointers) give its key, title, text,
// date, authors, source, language, URL and topics, by default and as a schema's
// formats.jsonl / formats.json section maps them. Shared by the JSON Lines and the JSON
// readers, which differ only in how they find the objects in a file.
#pragma once

#include <yaml-cpp/yaml.h>

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/schema.h"
#include "core/schema_reader.h"

namespace newsdex {

// Where each field of an article is read from: a list of JSON Pointers tried in order,
// the first that holds a value winning (a fallback list). An empty list: never read.
class JsonFieldMap {
 public:
  enum Field { kKey, kTitle, kBody, kDate, kAuthor, kSource, kLanguage, kUrl, kTopic, kCount };
  using Pointer = nlohmann::json::json_pointer;

  // The keys news dumps use (README, "JSON Lines / JSON"): id/_id/guid/url for the
  // key, title/headline, text/body/content/article (abstract, summary, description last),
  // date/published/published_at/pubDate/datePublished, author/authors,
  // source/publisher, lang/language, url/link, category/categories/tags/topics/keywords.
  JsonFieldMap();

  // The defaults with the fields the schema's section (its YAML text, already
  // validated by validate_json_options) maps replaced; `records` is read when given.
  static JsonFieldMap from_options(const std::string& yaml_text);

  const std::vector<Pointer>& pointers(Field f) const { return pointers_[f]; }
  // formats.json's `records`: the array holding the articles, when the schema says.
  const std::optional<Pointer>& records() const { return records_; }
  // The option name of a field ("title"), and the field of an option name.
  static const char* name(Field f);
  // Whether `member` (a top-level key) is where this map reads a title or a text from.
  bool reads_title_or_body_from(const std::string& member) const;

 private:
  std::array<std::vector<Pointer>, kCount> pointers_;
  std::optional<Pointer> records_;
};

// Checks formats.FORMAT (`records` only with `records_allowed`): a map from field
// names to one JSON Pointer or a list of them; an invalid or empty pointer, an unknown
// field or a value of another type is a UsageError "FILE:LINE: ...".
void validate_json_options(const YAML::Node& options, const SchemaReader& reader,
                           const std::string& format, bool records_allowed);

// What one JSON value gives: an article, with the key the record names (empty: none) or
// an error (the value is not an object; it has neither title nor text).
struct JsonRecord {
  std::string key;
  Article article;
  std::string error;
};

// Reads one parsed value as an article. `relative` and `mtime` are the file's: the
// section comes from its folder, and the date from its mtime when the record has none
// the schema's date.fallback allows.
JsonRecord json_record(const nlohmann::json& value, const JsonFieldMap& map, const Schema& schema,
                       const std::string& relative, std::int64_t mtime);

}  // namespace newsdex
