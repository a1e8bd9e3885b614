#include "schema.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <set>
#include <sstream>

#include "bounded_regex.h"
#include "errors.h"
#include "resources.h"
#include "schema_text.h"

namespace newsdex {
namespace {

// Builds "file:line: message" from a node's position (yaml-cpp counts from 0).
[[noreturn]] void fail(const std::string& file, const YAML::Mark& mark, const std::string& what) {
  std::ostringstream out;
  out << file;
  if (!mark.is_null()) out << ":" << (mark.line + 1);
  out << ": " << what;
  throw UsageError(out.str());
}

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  void require_map(const YAML::Node& node, const std::string& where) const {
    if (!node.IsMap()) fail(file_, node.Mark(), where + ": expected a mapping");
  }

  // Unknown keys are errors: a misspelt "wieght" must not silently fall back.
  void only_keys(const YAML::Node& node, const std::string& where,
                 const std::set<std::string>& allowed) const {
    require_map(node, where);
    for (const auto& kv : node) {
      const auto key = kv.first.as<std::string>();
      if (!allowed.count(key)) {
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
        fail(file_, kv.first.Mark(),
             "unknown key '" + where + (where.empty() ? "" : ".") + key +
                 "' (expected one of: " + list + ")");
      }
    }
  }

  template <typename T>
  T scalar(const YAML::Node& node, const std::string& where, const char* kind) const {
    if (!node.IsScalar()) fail(file_, node.Mark(), where + ": expected " + kind);
    try {
      return node.as<T>();
    } catch (const YAML::Exception&) {
      fail(file_, node.Mark(), where + ": expected " + kind + ", got '" + node.Scalar() + "'");
    }
  }

  std::string string(const YAML::Node& node, const std::string& where) const {
    return scalar<std::string>(node, where, "a string");
  }

  double number(const YAML::Node& node, const std::string& where, double lo, double hi) const {
    double v = scalar<double>(node, where, "a number");
    if (v < lo || v > hi) {
      std::ostringstream msg;
      msg << where << ": " << v << " is out of range [" << lo << ", " << hi << "]";
      fail(file_, node.Mark(), msg.str());
    }
    return v;
  }

  bool boolean(const YAML::Node& node, const std::string& where) const {
    return scalar<bool>(node, where, "true or false");
  }

  std::vector<std::string> strings(const YAML::Node& node, const std::string& where) const {
    if (node.IsScalar()) return {string(node, where)};
    if (!node.IsSequence()) fail(file_, node.Mark(), where + ": expected a list of strings");
    std::vector<std::string> out;
    for (const auto& item : node) out.push_back(string(item, where));
    return out;
  }

  // "64MiB", "500k", "1048576".
  std::uint64_t bytes(const YAML::Node& node, const std::string& where) const {
    std::string text = string(node, where);
    std::size_t pos = 0;
    double number = 0;
    try {
      number = std::stod(text, &pos);
    } catch (const std::exception&) {
      fail(file_, node.Mark(), where + ": expected a size like 64MiB, got '" + text + "'");
    }
    std::string unit = text.substr(pos);
    while (!unit.empty() && unit.front() == ' ') unit.erase(0, 1);
    double scale = 1;
    if (unit == "" || unit == "B")
      scale = 1;
    else if (unit == "k" || unit == "K" || unit == "KiB" || unit == "kB")
      scale = 1024.0;
    else if (unit == "M" || unit == "MiB" || unit == "MB")
      scale = 1024.0 * 1024;
    else if (unit == "G" || unit == "GiB" || unit == "GB")
      scale = 1024.0 * 1024 * 1024;
    else
      fail(file_, node.Mark(), where + ": unknown size unit '" + unit + "'");
    if (number <= 0) fail(file_, node.Mark(), where + ": size must be positive");
    return static_cast<std::uint64_t>(number * scale);
  }

  const std::string& file() const { return file_; }

 private:
  std::string file_;
};

const std::set<std::string> kStemLanguages = {
    "none",       "arabic",  "armenian", "basque",     "catalan", "danish",    "dutch",
    "english",    "finnish", "french",   "german",     "greek",   "hindi",     "hungarian",
    "indonesian", "irish",   "italian",  "lithuanian", "nepali",  "norwegian", "portuguese",
    "romanian",   "russian", "spanish",  "swedish",    "tamil",   "turkish"};

// The dateline pattern compiles and has the place and source groups: checked as the
// schema loads, so a bad one is refused even before any article is read.
void check_dateline_pattern(const std::string& pattern, const YAML::Node& node,
                            const std::string& file) {
  if (pattern.empty()) return;
  std::string error;
  const auto re = BoundedRegex::compile(pattern, error);
  if (!re) fail(file, node.Mark(), "dateline.pattern: " + error);
  if (re->groups() < 2)
    fail(file, node.Mark(), "dateline.pattern: needs two groups, the place and the source");
}

}  // namespace

Schema parse_schema(const std::string& yaml_text, const std::string& file_name) {
  Schema schema;
  schema.source_text = yaml_text;
  schema.source_path = file_name;
  Reader r(file_name);
  check_schema_text(yaml_text, file_name);
  YAML::Node root;
  try {
    root = YAML::Load(yaml_text);
  } catch (const YAML::ParserException& e) {
    fail(file_name, e.mark, e.msg);
  }
  if (!root || root.IsNull()) fail(file_name, YAML::Mark::null_mark(), "the schema is empty");
  r.only_keys(root, "",
              {"name", "language", "files", "fields", "dateline", "date", "facets", "ranking"});

  if (root["name"]) schema.name = r.string(root["name"], "name");
  if (root["language"]) {
    schema.language = r.string(root["language"], "language");
    if (!kStemLanguages.count(schema.language))
      fail(file_name, root["language"].Mark(),
           "language: no Snowball stemmer for '" + schema.language + "'");
  }

  if (const auto files = root["files"]) {
    r.only_keys(files, "files", {"include", "exclude", "max_size"});
    if (files["include"]) schema.include_globs = r.strings(files["include"], "files.include");
    if (files["exclude"]) schema.exclude_globs = r.strings(files["exclude"], "files.exclude");
    if (files["max_size"]) schema.max_file_bytes = r.bytes(files["max_size"], "files.max_size");
    if (schema.include_globs.empty())
      fail(file_name, files.Mark(), "files.include: at least one glob is needed");
  }

  if (const auto fields = root["fields"]) {
    r.only_keys(fields, "fields", {"title", "body"});
    for (const char* name : {"title", "body"}) {
      const auto field = fields[name];
      if (!field) continue;
      const std::string where = std::string("fields.") + name;
      r.only_keys(field, where, {"from", "weight"});
      if (field["from"]) {
        const std::string from = r.string(field["from"], where + ".from");
        const std::string expected = std::string(name) == "title" ? "first_line" : "rest";
        if (from != expected)
          fail(file_name, field["from"].Mark(),
               where + ".from: only '" + expected + "' is supported, got '" + from + "'");
      }
      if (field["weight"]) {
        auto w = static_cast<unsigned>(r.number(field["weight"], where + ".weight", 1, 100));
        (std::string(name) == "title" ? schema.title_weight : schema.body_weight) = w;
      }
    }
  }

  if (const auto dateline = root["dateline"]) {
    r.only_keys(dateline, "dateline", {"pattern"});
    if (dateline["pattern"]) {
      schema.dateline_pattern = r.string(dateline["pattern"], "dateline.pattern");
      check_dateline_pattern(schema.dateline_pattern, dateline["pattern"], file_name);
    }
  }

  if (const auto date = root["date"]) {
    r.only_keys(date, "date", {"search_chars", "fallback"});
    if (date["search_chars"])
      schema.date_search_chars =
          static_cast<std::size_t>(r.number(date["search_chars"], "date.search_chars", 0, 1e6));
    if (date["fallback"]) {
      const std::string fb = r.string(date["fallback"], "date.fallback");
      if (fb != "mtime" && fb != "none")
        fail(file_name, date["fallback"].Mark(), "date.fallback: expected mtime or none");
      schema.date_from_mtime = fb == "mtime";
    }
  }

  if (const auto facets = root["facets"]) {
    r.only_keys(facets, "facets", {"section"});
    if (facets["section"]) {
      r.only_keys(facets["section"], "facets.section", {"from"});
      const auto from = facets["section"]["from"];
      if (from) {
        const std::string f = r.string(from, "facets.section.from");
        if (f != "folder" && f != "none")
          fail(file_name, from.Mark(), "facets.section.from: expected folder or none");
        schema.section_from_folder = f == "folder";
      }
    }
  }

  if (const auto ranking = root["ranking"]) {
    r.only_keys(ranking, "ranking", {"bm25"});
    if (const auto bm = ranking["bm25"]) {
      r.only_keys(bm, "ranking.bm25", {"k1", "k2", "k3", "b", "min_normlen"});
      if (bm["k1"]) schema.bm25.k1 = r.number(bm["k1"], "ranking.bm25.k1", 0, 100);
      if (bm["k2"]) schema.bm25.k2 = r.number(bm["k2"], "ranking.bm25.k2", 0, 100);
      if (bm["k3"]) schema.bm25.k3 = r.number(bm["k3"], "ranking.bm25.k3", 0, 100);
      if (bm["b"]) schema.bm25.b = r.number(bm["b"], "ranking.bm25.b", 0, 1);
      if (bm["min_normlen"])
        schema.bm25.min_normlen = r.number(bm["min_normlen"], "ranking.bm25.min_normlen", 0, 100);
    }
  }
  return schema;
}

Schema load_schema_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError(path + ": cannot read schema file");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_schema(text.str(), path);
}

std::string default_schema_path() {
  return find_resource("schemas/news.yaml");
}

}  // namespace newsdex
