#include "core/xml_record_reader.h"

#include <libxml/tree.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <stdexcept>

#include "core/article_parser.h"
#include "core/date_value.h"
#include "core/errors.h"
#include "core/html_text.h"
#include "core/language_code.h"
#include "core/schema_reader.h"

namespace newsdex {
namespace {

// Whether the record starting at `node` is closed before `offset` in the text: its end
// tag comes first. A record the parser was inside when it met the error is the broken
// one; one closed before it is whole.
bool closed_before(const XmlDocument& doc, const _xmlNode* node, std::size_t offset) {
  if (!node->children) return true;  // <item/>: nothing to lose
  const std::size_t start = doc.offset_of(xml_line(node), 1);
  if (start >= offset) return false;
  const std::string_view text = doc.text().substr(start, offset - start);
  const std::string end_tag = "</" + xml_qualified_name(node);
  for (std::size_t at = text.find(end_tag); at != std::string_view::npos;
       at = text.find(end_tag, at + 1)) {
    std::size_t after = at + end_tag.size();
    while (after < text.size() && (text[after] == ' ' || text[after] == '\t' ||
                                   text[after] == '\n' || text[after] == '\r'))
      ++after;
    if (after < text.size() && text[after] == '>') return true;
  }
  return false;
}

std::string section_of(const std::string& relative) {
  const auto slash = relative.rfind('/');
  if (slash == std::string::npos) return {};
  const std::string parent = relative.substr(0, slash);
  const auto up = parent.rfind('/');
  return up == std::string::npos ? parent : parent.substr(up + 1);
}

}  // namespace

std::string author_name(std::string_view value) {
  const auto open = value.find('(');
  if (open == std::string_view::npos || value.back() != ')') return std::string(value);
  const std::string_view address = value.substr(0, open);
  if (address.find('@') == std::string_view::npos) return std::string(value);
  std::string name(value.substr(open + 1, value.size() - open - 2));
  return squeeze_space(name, false).empty() ? std::string(value) : squeeze_space(name, false);
}

XmlRecordReader::XmlRecordReader(const Schema& schema, XmlRecordOptions options)
    : schema_(schema), compiled_(compile_xml_record(std::move(options))) {}

std::unique_ptr<ArticleReader> XmlRecordReader::from_schema(const Schema& schema) {
  const auto it = schema.format_options.find("xml");
  if (it == schema.format_options.end())
    throw UsageError(schema.source_path +
                     ": format xml needs a formats.xml section (record: and fields:)");
  const YAML::Node node = YAML::Load(it->second);
  return std::make_unique<XmlRecordReader>(
      schema, parse_xml_record_options(node, SchemaReader(schema.source_path)));
}

Article XmlRecordReader::read_record(XPathScope& scope, _xmlNode* record,
                                     const std::string& relative, std::int64_t mtime) const {
  const XmlRecordOptions& options = compiled_.options;
  // The texts of a field: those of the first of its XPaths that yields any.
  auto texts = [&](const std::string& field) -> std::vector<std::string> {
    const auto it = compiled_.fields.find(field);
    if (it == compiled_.fields.end()) return {};
    for (const auto& path : it->second) {
      auto found = path->texts(scope, record);
      if (found.empty()) continue;
      if (options.html.count(field)) {
        for (auto& text : found) text = squeeze_space(html_fragment_text(text), true);
        std::erase_if(found, [](const std::string& t) { return t.empty(); });
        if (found.empty()) continue;
      }
      return found;
    }
    return {};
  };
  auto first = [&](const std::string& field) {
    auto found = texts(field);
    return found.empty() ? std::string() : std::move(found.front());
  };

  Article a;
  if (schema_.section_from_folder) a.section = section_of(relative);
  a.title = squeeze_space(first("title"), false);
  for (auto& part : texts("body")) {
    if (!a.body.empty()) a.body += "\n\n";
    a.body += part;
  }
  // The first of the date's texts that is a date: an unreadable pubDate gives way to
  // a dc:date.
  for (const auto& text : texts("date")) {
    a.date = parse_date_value(text);
    if (!a.date.empty()) break;
  }
  a.date_from_text = !a.date.empty();
  if (a.date.empty() && schema_.date_from_mtime) a.date = date_of_mtime(mtime);
  for (auto& author : texts("author")) {
    std::string name = author_name(author);
    if (std::find(a.authors.begin(), a.authors.end(), name) == a.authors.end())
      a.authors.push_back(std::move(name));
  }
  for (auto& topic : texts("topic"))
    if (std::find(a.topics.begin(), a.topics.end(), topic) == a.topics.end())
      a.topics.push_back(std::move(topic));
  // The codes or names the data gives, as they are; the builder folds their keys.
  auto names = [&](const std::string& field, std::vector<NamedEntity>& list) {
    for (auto& name : texts(field)) {
      const bool seen = std::any_of(list.begin(), list.end(),
                                    [&](const NamedEntity& e) { return e.canonical == name; });
      if (!seen) list.push_back({std::move(name), {}});
    }
  };
  names("place", a.places);
  names("person", a.people);
  names("org", a.orgs);
  a.url = first("url");
  a.language = iso639_1(first("language"));
  a.source = squeeze_space(first("source"), false);
  return a;
}

std::vector<FileArticle> XmlRecordReader::read(std::string_view text, const std::string& relative,
                                               std::int64_t mtime) {
  XmlDocument doc(text, compiled_.options.parser);
  const auto& error = doc.first_error();
  auto where = [](const XmlError& e) {
    return "line " + std::to_string(e.line) + ": " + e.message;
  };
  if (!doc.root()) throw std::runtime_error(where(error ? *error : XmlError{1, 0, "not XML"}));
  XPathScope scope(doc, compiled_.options.namespaces);
  const std::vector<_xmlNode*> records = compiled_.record->nodes(scope, doc.root());
  if (records.empty()) {
    if (error) throw std::runtime_error(where(*error));
    return {};
  }

  // The record the first error falls in, if any: the last one starting at or before
  // it, unless that one was closed first.
  std::size_t broken = records.size();
  bool error_outside = false;
  if (error) {
    const std::size_t offset = doc.offset_of(error->line, error->column);
    for (std::size_t i = records.size(); i-- > 0;) {
      if (xml_line(records[i]) > error->line) continue;
      if (!closed_before(doc, records[i], offset)) broken = i;
      break;
    }
    error_outside = broken == records.size();
  }

  std::vector<FileArticle> out;
  out.reserve(records.size() + 1);
  std::map<std::string, std::size_t> lines_of_keys;
  for (std::size_t i = 0; i < records.size(); ++i) {
    FileArticle fa;
    fa.line = xml_line(records[i]);
    for (const auto& path : compiled_.key) {
      auto found = path->texts(scope, records[i]);
      if (!found.empty()) {
        fa.key = squeeze_space(found.front(), false);
        break;
      }
    }
    if (fa.key.empty()) fa.key = std::to_string(i + 1);
    // As the JSON readers do: one key, one article; the first keeps it.
    if (const auto [first, fresh] = lines_of_keys.emplace(fa.key, fa.line); !fresh) {
      fa.error = "the key '" + fa.key + "' again (first at line " + std::to_string(first->second) +
                 "): only the first is indexed";
      fa.key.clear();
    } else if (i == broken) {
      fa.error = error->message;
    } else {
      fa.article = read_record(scope, records[i], relative, mtime);
      if (fa.article.title.empty() && fa.article.body.empty())
        fa.error = "a record with neither title nor text";
    }
    out.push_back(std::move(fa));
  }
  if (error_outside) {
    FileArticle fa;
    fa.line = error->line;
    fa.error = error->message;
    out.push_back(std::move(fa));
  }
  return out;
}

}  // namespace newsdex
