#include "core/article_formats.h"

#include <mutex>

#include "core/errors.h"
#include "core/plain_text_reader.h"

namespace newsdex {
namespace {

template <typename Reader>
std::unique_ptr<ArticleReader> make(const Schema& schema) {
  return std::make_unique<Reader>(schema);
}

// Every format newsdex reads, by the name a schema gives it. Guarded: worker threads
// make their readers while a test may have registered a format of its own.
struct Registry {
  std::mutex mutex;
  std::map<std::string, ReaderFactory, std::less<>> formats{
      {"text", make<PlainTextReader>},
  };
};

Registry& registry() {
  static Registry r;
  return r;
}

}  // namespace

void register_format(std::string name, ReaderFactory make_reader) {
  std::lock_guard lock(registry().mutex);
  registry().formats[std::move(name)] = std::move(make_reader);
}

bool is_format(std::string_view name) {
  std::lock_guard lock(registry().mutex);
  return registry().formats.find(name) != registry().formats.end();
}

std::string format_names() {
  std::lock_guard lock(registry().mutex);
  std::string names;
  for (const auto& [name, make_reader] : registry().formats) {
    if (!names.empty()) names += ", ";
    names += name;
  }
  return names;
}

ArticleReader& ArticleReaders::reader_for(const std::string& /*relative*/) {
  // One format per schema for now; choosing by the file's name (globs per format) is
  // a change here alone.
  const std::string& name = schema_.format;
  if (auto it = readers_.find(name); it != readers_.end()) return *it->second;
  ReaderFactory make_reader;
  {
    std::lock_guard lock(registry().mutex);
    const auto format = registry().formats.find(name);
    if (format == registry().formats.end()) throw UsageError("unknown file format '" + name + "'");
    make_reader = format->second;
  }
  return *readers_.emplace(name, make_reader(schema_)).first->second;
}

}  // namespace newsdex
