#include "core/xml_record_options.h"

#include <algorithm>

#include "core/errors.h"

namespace newsdex {
namespace {

constexpr const char* kWhere = "formats.xml";

// One XPath or a list of them, each compiled (and run once) to be sure of it.
std::vector<std::string> xpaths(const YAML::Node& node, const std::string& where,
                                const XmlNamespaces& namespaces, const SchemaReader& reader) {
  std::vector<std::string> out = reader.strings(node, where);
  if (out.empty())
    schema_error(reader.file(), node.Mark(), where + ": at least one XPath is needed");
  for (std::size_t i = 0; i < out.size(); ++i) {
    const YAML::Node& at = node.IsSequence() ? node[i] : node;
    if (out[i].empty()) schema_error(reader.file(), at.Mark(), where + ": an empty XPath");
    std::string error;
    if (!XPath::compile(out[i], namespaces, error))
      schema_error(reader.file(), at.Mark(), where + ": XPath '" + out[i] + "': " + error);
  }
  return out;
}

}  // namespace

const std::vector<std::string>& xml_record_fields() {
  static const std::vector<std::string> names = {"title", "body",     "date",   "author",
                                                 "topic", "place",    "person", "org",
                                                 "url",   "language", "source"};
  return names;
}

bool xml_record_field_is_list(const std::string& field) {
  return field == "author" || field == "topic" || field == "place" || field == "person" ||
         field == "org";
}

XmlRecordOptions parse_xml_record_options(const YAML::Node& node, const SchemaReader& reader) {
  const std::string where = kWhere;
  reader.require_map(node, where);
  reader.only_keys(node, where, {"parser", "namespaces", "record", "key", "fields", "html"});
  XmlRecordOptions options;
  if (node["parser"]) {
    const std::string parser = reader.string(node["parser"], where + ".parser");
    if (parser == "xml")
      options.parser = XmlParser::kXml;
    else if (parser == "sgml")
      options.parser = XmlParser::kSgml;
    else
      schema_error(reader.file(), node["parser"].Mark(),
                   where + ".parser: expected xml or sgml, got '" + parser + "'");
  }
  if (const auto ns = node["namespaces"]) {
    reader.require_map(ns, where + ".namespaces");
    for (const auto& entry : ns) {
      const std::string prefix = reader.string(entry.first, where + ".namespaces");
      const std::string uri = reader.string(entry.second, where + ".namespaces." + prefix);
      const bool name_ok =
          !prefix.empty() &&
          (std::isalpha(static_cast<unsigned char>(prefix[0])) || prefix[0] == '_') &&
          std::all_of(prefix.begin(), prefix.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
          });
      if (!name_ok)
        schema_error(reader.file(), entry.first.Mark(),
                     where + ".namespaces: '" + prefix + "' is not a namespace prefix");
      if (uri.empty())
        schema_error(reader.file(), entry.second.Mark(),
                     where + ".namespaces." + prefix + ": an empty namespace URI");
      options.namespaces.emplace_back(prefix, uri);
    }
  }
  if (!node["record"])
    schema_error(reader.file(), node.Mark(),
                 where + ": 'record' is needed, the XPath that selects each record");
  {
    const auto record = xpaths(node["record"], where + ".record", options.namespaces, reader);
    if (record.size() != 1)
      schema_error(reader.file(), node["record"].Mark(), where + ".record: one XPath, not a list");
    options.record = record.front();
  }
  if (node["key"]) options.key = xpaths(node["key"], where + ".key", options.namespaces, reader);
  const auto fields = node["fields"];
  if (!fields)
    schema_error(reader.file(), node.Mark(),
                 where + ": 'fields' is needed, with at least title or body");
  reader.require_map(fields, where + ".fields");
  const auto& names = xml_record_fields();
  reader.only_keys(fields, where + ".fields", std::set<std::string>(names.begin(), names.end()));
  for (const auto& name : names)
    if (fields[name])
      options.fields[name] =
          xpaths(fields[name], where + ".fields." + name, options.namespaces, reader);
  if (!options.fields.count("title") && !options.fields.count("body"))
    schema_error(reader.file(), fields.Mark(), where + ".fields: title or body is needed");
  if (const auto html = node["html"]) {
    const auto list = reader.strings(html, where + ".html");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const YAML::Node& at = html.IsSequence() ? html[i] : html;
      if (!options.fields.count(list[i]))
        schema_error(reader.file(), at.Mark(),
                     where + ".html: '" + list[i] + "' is not one of the fields given");
      options.html.insert(list[i]);
    }
  }
  return options;
}

CompiledXmlRecord compile_xml_record(XmlRecordOptions options) {
  CompiledXmlRecord out;
  auto compile = [&](const std::string& expression) {
    std::string error;
    auto path = XPath::compile(expression, options.namespaces, error);
    if (!path) throw UsageError("XPath '" + expression + "': " + error);
    return path;
  };
  out.record = compile(options.record);
  for (const auto& k : options.key) out.key.push_back(compile(k));
  for (const auto& [field, list] : options.fields)
    for (const auto& expression : list) out.fields[field].push_back(compile(expression));
  out.options = std::move(options);
  return out;
}

}  // namespace newsdex
