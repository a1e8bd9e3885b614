// The feed reader on any file's (repaired) text: RSS 2.0, RSS 1.0/RDF, Atom or
// anything else. Keys, lines and fields keep their invariants (record_checks.h); the
// sniffer never reads past the text; a file the reader cannot read throws
// std::runtime_error only.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/feed_reader.h"
#include "core/schema.h"
#include "core/text_repair.h"
#include "tests/fuzz/record_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const newsdex::Schema news = newsdex::load_schema_file(newsdex::default_schema_path());
  static auto reader = newsdex::make_feed_reader(news);
  newsdex::RepairReport report;
  const std::string text =
      newsdex::repair_text(std::string_view(reinterpret_cast<const char*>(data), size), report);
  newsdex::sniff_feed(text);
  try {
    newsdex::fuzz::check_records(reader->read(text, "feeds/a.rss", 1592222400), text);
  } catch (const std::runtime_error&) {
    // A broken file with no item before the break: the file fails, as it should.
  }
  return 0;
}
