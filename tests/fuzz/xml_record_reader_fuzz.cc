// The xml format's reader on any file's (repaired) text, through the lenient sgml
// parser of schemas/reuters21578.yaml and through the xml parser with namespaces,
// fallbacks and an HTML field. Keys, lines and fields keep their invariants
// (record_checks.h); a file the reader cannot read throws std::runtime_error only.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/resources.h"
#include "core/schema.h"
#include "core/text_repair.h"
#include "core/xml_record_reader.h"
#include "tests/fuzz/record_checks.h"

namespace {

const char* kXmlSchema = R"yaml(files:
  format: xml
formats:
  xml:
    namespaces: {n: "urn:example:news"}
    record: "//n:story | //item"
    key: ["@code", "n:slug", "guid"]
    fields:
      title: [n:head, title]
      body: [n:text, description]
      date: ["@date", pubDate]
      author: [n:by, author]
      topic: "n:tags/n:tag | category/@term"
      url: "concat('https://x.example/', @code)"
      language: "ancestor-or-self::*[@xml:lang][1]/@xml:lang"
    html: [body]
)yaml";

void read_with(newsdex::XmlRecordReader& reader, const std::string& text) {
  try {
    newsdex::fuzz::check_records(reader.read(text, "dir/a.xml", 1592222400), text);
  } catch (const std::runtime_error&) {
    // A file with no record and an error: the file fails, as it should.
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const newsdex::Schema reuters =
      newsdex::load_schema_file(newsdex::find_resource("schemas/reuters21578.yaml"));
  static const newsdex::Schema own = newsdex::parse_schema(kXmlSchema, "fuzz.yaml");
  static auto sgml_reader = newsdex::XmlRecordReader::from_schema(reuters);
  static auto xml_reader = newsdex::XmlRecordReader::from_schema(own);
  newsdex::RepairReport report;
  const std::string text =
      newsdex::repair_text(std::string_view(reinterpret_cast<const char*>(data), size), report);
  read_with(static_cast<newsdex::XmlRecordReader&>(*sgml_reader), text);
  read_with(static_cast<newsdex::XmlRecordReader&>(*xml_reader), text);
  return 0;
}
