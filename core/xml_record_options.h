// What the schema's `formats: {xml: {...}}` says: how a file of XML or SGML records
// becomes articles, by XPath, with no code for any one format. Reuters-21578 is such
// a section (schemas/reuters21578.yaml); feeds are one built into newsdex.
//
//   formats:
//     xml:
//       parser: sgml                      # xml (the default) or sgml
//       namespaces: {dc: "http://purl.org/dc/elements/1.1/"}
//       record: //REUTERS                 # each node it selects is one article
//       key: "@NEWID"                     # or a list of fallbacks; else the position
//       fields:
//         title: TEXT/TITLE               # one XPath, or a list tried in turn
//         body: [TEXT/BODY, TEXT]
//         date: DATE
//         topic: TOPICS/D                 # author topic place person org: every node's text
//       html: [body]                      # fields whose text is HTML
#pragma once

#include <yaml-cpp/yaml.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/schema_reader.h"
#include "core/xml_document.h"

namespace newsdex {

struct XmlRecordOptions {
  XmlParser parser = XmlParser::kXml;
  XmlNamespaces namespaces;
  std::string record;
  std::vector<std::string> key;
  // Field name (kXmlRecordFields) -> XPath expressions, tried in turn until one
  // yields text.
  std::map<std::string, std::vector<std::string>> fields;
  std::set<std::string> html;
};

// The fields a record may fill: title body date author topic place person org url
// language source.
const std::vector<std::string>& xml_record_fields();
// Those that take every node's text rather than the first.
bool xml_record_field_is_list(const std::string& field);

// Reads and checks `options` (the YAML of formats.xml): unknown keys, wrong types,
// XPath that does not compile or names an undeclared prefix, a record without title
// and body fields are UsageErrors "FILE:LINE: formats.xml...: what" through `reader`.
XmlRecordOptions parse_xml_record_options(const YAML::Node& options, const SchemaReader& reader);

// The options' expressions, compiled once per reader.
struct CompiledXmlRecord {
  XmlRecordOptions options;
  std::unique_ptr<XPath> record;
  std::vector<std::unique_ptr<XPath>> key;
  std::map<std::string, std::vector<std::unique_ptr<XPath>>> fields;
};
// Throws UsageError for an expression that does not compile (parse_xml_record_options
// has checked them all, so only for options that did not come through it).
CompiledXmlRecord compile_xml_record(XmlRecordOptions options);

}  // namespace newsdex
