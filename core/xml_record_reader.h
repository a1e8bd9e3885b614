// The `xml` format: a file of XML or SGML records, each record one article, its
// fields chosen by XPath (xml_record_options.h). A new record format is a schema
// section, not code: schemas/reuters21578.yaml reads Reuters-21578's SGML this way,
// and the feed format (feed_reader.h) is this reader with options of its own.
#pragma once

#include <string>

#include "core/article_reader.h"
#include "core/schema.h"
#include "core/xml_record_options.h"

namespace newsdex {

class XmlRecordReader : public ArticleReader {
 public:
  // Throws UsageError for options that do not compile (parse_xml_record_options has
  // checked a schema's).
  XmlRecordReader(const Schema& schema, XmlRecordOptions options);

  // The reader of the schema's formats.xml section; UsageError when it has none.
  static std::unique_ptr<ArticleReader> from_schema(const Schema& schema);

  // One article per record, keyed by its key XPath (else its position, 1-based); a
  // record whose key an earlier one had fails alone. A record with neither title nor body
  // fails alone, with its line. For the xml parser, a record the first error falls
  // inside (a truncated file) fails alone with that error, the records before it are
  // read, and an error outside any record is reported as a failed record of its
  // own; a file with no record and an error fails whole.
  std::vector<FileArticle> read(std::string_view text, const std::string& relative,
                                std::int64_t mtime) override;

 private:
  Article read_record(XPathScope& scope, _xmlNode* record, const std::string& relative,
                      std::int64_t mtime) const;

  const Schema& schema_;
  CompiledXmlRecord compiled_;
};

// "jo@example.com (Jo Smith)" -> "Jo Smith", as RSS writes an author; other values as
// they are. Exposed for tests.
std::string author_name(std::string_view value);

}  // namespace newsdex
