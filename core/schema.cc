#include "core/schema.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "core/bounded_regex.h"
#include "core/errors.h"
#include "core/fields.h"
#include "core/format_catalogue.h"
#include "core/resources.h"
#include "core/schema_reader.h"
#include "core/schema_text.h"
#include "core/yaml_structure.h"

namespace newsdex {
namespace {

// Constant data, not a std::set: nothing to build at start-up, which every newsdex call
// pays for (docs/performance.md, "Start-up").
constexpr std::string_view kStemLanguages[] = {
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
  if (!re) schema_error(file, node.Mark(), "dateline.pattern: " + error);
  if (re->groups() < 2)
    schema_error(file, node.Mark(), "dateline.pattern: needs two groups, the place and the source");
}

}  // namespace

Schema parse_schema(const std::string& yaml_text, const std::string& file_name) {
  Schema schema;
  schema.source_text = yaml_text;
  schema.source_path = file_name;
  SchemaReader r(file_name);
  check_schema_text(yaml_text, file_name);
  check_yaml_structure(yaml_text, file_name);
  YAML::Node root;
  try {
    root = YAML::Load(yaml_text);
  } catch (const YAML::ParserException& e) {
    schema_error(file_name, e.mark, e.msg);
  }
  if (!root || root.IsNull())
    schema_error(file_name, YAML::Mark::null_mark(), "the schema is empty");
  r.only_keys(
      root, "",
      {"name", "language", "files", "formats", "fields", "dateline", "date", "facets", "ranking"});

  if (root["name"]) schema.name = r.string(root["name"], "name");
  if (root["language"]) {
    schema.language = r.string(root["language"], "language");
    if (std::find(std::begin(kStemLanguages), std::end(kStemLanguages), schema.language) ==
        std::end(kStemLanguages))
      schema_error(file_name, root["language"].Mark(),
                   "language: no Snowball stemmer for '" + schema.language + "'");
  }

  if (const auto files = root["files"]) {
    r.only_keys(files, "files",
                {"include", "exclude", "format", "formats", "max_size", "follow_symlinks"});
    if (files["include"]) schema.include_globs = r.strings(files["include"], "files.include");
    if (files["exclude"]) schema.exclude_globs = r.strings(files["exclude"], "files.exclude");
    if (files["format"]) {
      schema.format = r.string(files["format"], "files.format");
      if (schema.format != "auto" && !is_format(schema.format))
        schema_error(file_name, files["format"].Mark(),
                     "files.format: unknown format '" + schema.format +
                         "' (expected auto or one of: " + format_names() + ")");
    }
    if (const auto globs = files["formats"]) {
      if (!globs.IsMap())
        schema_error(file_name, globs.Mark(), "files.formats: expected a map of glob: format");
      for (const auto& entry : globs) {
        const std::string glob = r.string(entry.first, "files.formats");
        const std::string format = r.string(entry.second, "files.formats." + glob);
        if (glob.empty()) schema_error(file_name, entry.first.Mark(), "files.formats: empty glob");
        if (!is_format(format))
          schema_error(file_name, entry.second.Mark(),
                       "files.formats." + glob + ": unknown format '" + format +
                           "' (expected one of: " + format_names() + ")");
        schema.format_globs.emplace_back(glob, format);
      }
    }
    if (files["max_size"]) schema.max_file_bytes = r.bytes(files["max_size"], "files.max_size");
    if (files["follow_symlinks"])
      schema.follow_outside_links = r.boolean(files["follow_symlinks"], "files.follow_symlinks");
    if (schema.include_globs.empty())
      schema_error(file_name, files.Mark(), "files.include: at least one glob is needed");
    for (const char* key : {"include", "exclude"})
      for (const auto& glob : key[0] == 'i' ? schema.include_globs : schema.exclude_globs)
        if (glob.empty())
          schema_error(file_name, files[key].Mark(),
                       std::string("files.") + key + ": an empty glob matches no file");
  }

  if (const auto formats = root["formats"]) {
    r.require_map(formats, "formats");
    for (const auto& entry : formats) {
      const std::string name = r.string(entry.first, "formats");
      validate_format_options(name, entry.second, r);
      YAML::Emitter out;
      out << entry.second;
      schema.format_options[name] = out.c_str();
    }
  }

  // A format that reads nothing without its options (xml) is refused without them.
  if (const auto files = root["files"]) {
    auto check = [&](const std::string& format, const YAML::Node& at) {
      if (format_needs_options(format) && !schema.format_options.count(format))
        schema_error(file_name, at.Mark(),
                     "format " + format + " needs a formats." + format + " section");
    };
    if (files["format"]) check(schema.format, files["format"]);
    if (files["formats"])
      for (const auto& entry : files["formats"])
        check(entry.second.as<std::string>(), entry.second);
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
          schema_error(file_name, field["from"].Mark(),
                       where + ".from: only '" + expected + "' is supported, got '" + from + "'");
      }
      if (field["weight"]) {
        auto w = static_cast<unsigned>(r.integer(field["weight"], where + ".weight", 1, 100));
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
      schema.date_search_chars = static_cast<std::size_t>(
          r.integer(date["search_chars"], "date.search_chars", 0, 1000000));
    if (date["fallback"]) {
      const std::string fb = r.string(date["fallback"], "date.fallback");
      if (fb != "mtime" && fb != "none")
        schema_error(file_name, date["fallback"].Mark(), "date.fallback: expected mtime or none");
      schema.date_from_mtime = fb == "mtime";
    }
  }

  if (const auto facets = root["facets"]) {
    // One entry per field of the field table (core/fields.h): where its values come
    // from, its own source or none.
    std::set<std::string> names;
    for (const auto& f : fields()) names.insert(std::string(f.name));
    r.only_keys(facets, "facets", names);
    for (const auto& f : fields()) {
      const std::string name(f.name);
      if (!facets[name]) continue;
      const std::string where = "facets." + name;
      r.only_keys(facets[name], where, {"from"});
      const auto from = facets[name]["from"];
      if (!from) continue;
      const std::string value = r.string(from, where + ".from");
      // An entity field may also take its values from the data alone (a format's own
      // codes), without the tagger.
      const bool entities = std::string(f.source) == "entities";
      if (value != f.source && value != "none" && !(entities && value == "data"))
        schema_error(file_name, from.Mark(),
                     where + ".from: expected " + std::string(f.source) +
                         (entities ? ", data" : "") + " or none");
      if (value == "none") schema.fields_off.push_back(name);
      if (entities && value == "data") schema.fields_from_data.push_back(name);
    }
    std::sort(schema.fields_off.begin(), schema.fields_off.end());
    std::sort(schema.fields_from_data.begin(), schema.fields_from_data.end());
    schema.section_from_folder =
        !std::binary_search(schema.fields_off.begin(), schema.fields_off.end(), "section");
  }

  if (const auto ranking = root["ranking"]) {
    r.only_keys(ranking, "ranking", {"bm25"});
    if (const auto bm = ranking["bm25"]) {
      r.only_keys(bm, "ranking.bm25", {"k1", "k2", "k3", "b", "min_normlen", "delta"});
      if (bm["k1"]) schema.bm25.k1 = r.number(bm["k1"], "ranking.bm25.k1", 0, 100);
      if (bm["k2"]) schema.bm25.k2 = r.number(bm["k2"], "ranking.bm25.k2", 0, 100);
      if (bm["k3"]) schema.bm25.k3 = r.number(bm["k3"], "ranking.bm25.k3", 0, 100);
      if (bm["b"]) schema.bm25.b = r.number(bm["b"], "ranking.bm25.b", 0, 1);
      if (bm["min_normlen"])
        schema.bm25.min_normlen = r.number(bm["min_normlen"], "ranking.bm25.min_normlen", 0, 100);
      if (bm["delta"]) schema.bm25.delta = r.number(bm["delta"], "ranking.bm25.delta", 0, 10);
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
