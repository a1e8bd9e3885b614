// The query builder on any query text (first line) and --filter values (further
// lines), against a small in-memory index laid out as newsdexd lays it out. Refusing
// a query is a newsdex::Error (exit 2); any other exception or a crash is a finding.
#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/article.h"
#include "core/document_builder.h"
#include "core/errors.h"
#include "core/languages.h"
#include "core/layout.h"
#include "core/schema.h"
#include "core/text_analyzer.h"
#include "search/name_resolver.h"
#include "search/query_builder.h"

namespace {

struct Fixture {
  newsdex::Schema schema = newsdex::load_schema_file(newsdex::default_schema_path());
  newsdex::TextAnalyzer analyzer{schema.language};
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
  newsdex::NameResolver names;

  Fixture() {
    db.set_metadata(std::string(newsdex::layout::kLayoutVersionKey),
                    std::to_string(newsdex::layout::kVersion));
    add("world/summit.txt", "Trump and Putin meet in Helsinki",
        "HELSINKI (WIRE) - The summit on 16 July 2018 ended without a trade deal.", "20180716",
        "WIRE", "world", "Donald Trump", "Helsinki", "NATO");
    add("business/cafe.txt", "Paris café owners squeezed",
        "Terrace rents soar; negotiations with the city stall.", "20181009", "CONTINENTAL PRESS",
        "business", "Anne Hidalgo", "Paris", "European Union");
    // Other languages, so that queries are parsed once per stemmer (language_queries.h),
    // and CJK text, indexed as character n-grams.
    add("de/haus.txt", "Neue Häuser am Stadtrand", "Die Stadt baut dreihundert neue Häuser.",
        "20180801", "STANDARD", "de", "", "", "", "de");
    add("zh/trade.txt", "中美贸易战", "经济学家认为全球经济增长放缓。気象庁は発表した。",
        "20180802", "XINHUA", "zh", "", "", "", "zh");
  }

  void add(const std::string& path, const std::string& title, const std::string& body,
           const std::string& date, const std::string& source, const std::string& section,
           const std::string& person, const std::string& place, const std::string& org,
           const std::string& language = "en") {
    newsdex::Article a;
    a.path = path;
    a.title = title;
    a.body = body;
    a.date = date;
    a.date_from_text = true;
    a.source = source;
    a.section = section;
    a.language = language;
    if (!person.empty()) a.people.push_back({person, analyzer.fold_phrase(person)});
    if (!place.empty()) a.places.push_back({place, analyzer.fold_phrase(place)});
    if (!org.empty()) a.orgs.push_back({org, analyzer.fold_phrase(org)});
    newsdex::TextAnalyzer own(newsdex::stemmer_for_language(language));
    newsdex::DocumentBuilder builder(schema);
    db.replace_document(std::string(newsdex::layout::kIdPrefix) + path,
                        builder.build(a, newsdex::Fingerprint{}, own));
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Built once; deliberately never destroyed (libFuzzer exits without unwinding).
  static Fixture* fixture = new Fixture;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  newsdex::QueryRequest request;
  std::size_t start = 0;
  for (bool first = true;; first = false) {
    const std::size_t end = input.find('\n', start);
    const std::string line(input.substr(start, end == std::string_view::npos ? end : end - start));
    if (first)
      request.text = line;
    else
      request.filters.push_back(line);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  try {
    newsdex::QueryBuilder builder(fixture->db, fixture->schema, fixture->analyzer, fixture->names);
    builder.build(request);
  } catch (const newsdex::Error&) {
    // A query or filter refused with a message: exit 2, as it should be.
  }
  return 0;
}
