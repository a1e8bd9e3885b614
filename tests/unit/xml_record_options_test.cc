// The xml format's options (formats.xml) are checked whole as the schema loads: every
// mistake a UsageError "FILE:LINE: formats.xml...: what", before any file is read.
#include <doctest/doctest.h>

#include <string>

#include "core/errors.h"
#include "core/feed_reader.h"
#include "core/schema.h"
#include "core/xml_record_reader.h"
#include "tests/unit/test_index.h"

using newsdex::parse_schema;
using newsdex::UsageError;

namespace {

const std::string kHead = "files:\n  format: xml\nformats:\n  xml:\n";

// The message of the UsageError that parsing the schema throws ("" if none).
std::string error_of(const std::string& xml_section) {
  try {
    parse_schema(kHead + xml_section, "x.yaml");
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("xml options: a complete section loads and keeps its text for the reader") {
  const auto schema = parse_schema(kHead +
                                       "    parser: sgml\n"
                                       "    namespaces: {dc: 'http://purl.org/dc/elements/1.1/'}\n"
                                       "    record: //REUTERS\n"
                                       "    key: ['@NEWID', '@OLDID']\n"
                                       "    fields:\n"
                                       "      title: TEXT/TITLE\n"
                                       "      body: [TEXT/BODY, TEXT]\n"
                                       "      author: dc:creator\n"
                                       "    html: [body]\n",
                                   "x.yaml");
  REQUIRE(schema.format_options.count("xml"));
  CHECK(contains(schema.format_options.at("xml"), "//REUTERS"));
}

TEST_CASE("xml options: each mistake names the file, the line and what is wrong") {
  // The line is the schema's (the section starts on line 5).
  CHECK(error_of("    record: //a\n    fields: {title: t}\n    parser: html\n") ==
        "x.yaml:7: formats.xml.parser: expected xml or sgml, got 'html'");
  CHECK(error_of("    fields: {title: t}\n") ==
        "x.yaml:5: formats.xml: 'record' is needed, the XPath that selects each record");
  CHECK(error_of("    record: //a\n") ==
        "x.yaml:5: formats.xml: 'fields' is needed, with at least title or body");
  CHECK(error_of("    record: //a\n    fields: {date: d}\n") ==
        "x.yaml:6: formats.xml.fields: title or body is needed");
  CHECK(contains(error_of("    record: //a\n    fields: {headline: h}\n"),
                 "x.yaml:6: unknown key 'formats.xml.fields.headline'"));
  CHECK(contains(error_of("    record: //a\n    fields: {title: t}\n    recrod: x\n"),
                 "x.yaml:7: unknown key 'formats.xml.recrod'"));
  // XPath that does not compile, or names a prefix the section does not declare.
  CHECK(contains(error_of("    record: //a[\n    fields: {title: t}\n"),
                 "x.yaml:5: formats.xml.record: XPath '//a[': "));
  CHECK(contains(error_of("    record: //a\n    fields:\n      title: [t, 'dc:title']\n"),
                 "x.yaml:7: formats.xml.fields.title: XPath 'dc:title': "));
  CHECK(contains(error_of("    record: //a\n    fields: {title: t}\n    key: 'nosuch(1)'\n"),
                 "x.yaml:7: formats.xml.key: XPath 'nosuch(1)': "));
  CHECK(error_of("    record: [//a, //b]\n    fields: {title: t}\n") ==
        "x.yaml:5: formats.xml.record: one XPath, not a list");
  CHECK(error_of("    record: //a\n    fields: {title: ''}\n") ==
        "x.yaml:6: formats.xml.fields.title: an empty XPath");
  CHECK(contains(error_of("    record: //a\n    fields: {title: 5}\n"), "x.yaml:6: "));
  CHECK(error_of("    record: //a\n    fields: {title: t}\n    html: [body]\n") ==
        "x.yaml:7: formats.xml.html: 'body' is not one of the fields given");
  CHECK(error_of("    record: //a\n    fields: {title: t}\n    namespaces: {'1x': 'urn:x'}\n") ==
        "x.yaml:7: formats.xml.namespaces: '1x' is not a namespace prefix");
  CHECK(error_of("    record: //a\n    fields: {title: t}\n    namespaces: {x: ''}\n") ==
        "x.yaml:7: formats.xml.namespaces.x: an empty namespace URI");
  CHECK(error_of("    - record\n") == "x.yaml:5: formats.xml: expected a mapping");
}

TEST_CASE("xml options: a schema that uses the xml format needs its section") {
  std::string msg;
  try {
    parse_schema("files:\n  format: xml\n", "y.yaml");
  } catch (const UsageError& e) {
    msg = e.what();
  }
  CHECK(msg == "y.yaml:2: format xml needs a formats.xml section");
  try {
    msg.clear();
    parse_schema("files:\n  formats: {'*.sgm': xml}\n", "y.yaml");
  } catch (const UsageError& e) {
    msg = e.what();
  }
  CHECK(msg == "y.yaml:2: format xml needs a formats.xml section");
  // The feed format takes no options.
  try {
    msg.clear();
    parse_schema("formats:\n  feed: {record: x}\n", "y.yaml");
  } catch (const UsageError& e) {
    msg = e.what();
  }
  CHECK(msg == "y.yaml:2: formats.feed: this format takes no options");
}

TEST_CASE("feed sniffing: the root element after declarations, comments and doctype") {
  using newsdex::sniff_feed;
  CHECK(sniff_feed("<rss version=\"2.0\"><channel/></rss>"));
  CHECK(
      sniff_feed("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- c -->\n<?xml-stylesheet x?>\n"
                 "<!DOCTYPE rss [<!ENTITY a \"b\">]>\n<rss>"));
  CHECK(sniff_feed("<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
  CHECK(sniff_feed("<rdf:RDF xmlns:rdf=\"x\">"));
  CHECK(sniff_feed("<RDF>"));
  CHECK_FALSE(sniff_feed("<?xml version=\"1.0\"?><config><rss/></config>"));
  CHECK_FALSE(sniff_feed("<rssfeed>"));
  CHECK_FALSE(sniff_feed("<!-- never closed <rss>"));
  CHECK_FALSE(sniff_feed("plain text about rss"));
  CHECK_FALSE(sniff_feed(""));
}

TEST_CASE("record values: RSS authors") {
  CHECK(newsdex::author_name("jo@example.com (Jo Smith)") == "Jo Smith");
  CHECK(newsdex::author_name("Jo Smith") == "Jo Smith");
  CHECK(newsdex::author_name("Smith (editor)") == "Smith (editor)");
  CHECK(newsdex::author_name("jo@example.com") == "jo@example.com");
}
