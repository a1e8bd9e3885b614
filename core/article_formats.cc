#include "core/article_formats.h"

#include <fnmatch.h>

#include <mutex>

#include "core/errors.h"
#include "core/feed_reader.h"
#include "core/html_reader.h"
#include "core/json_reader.h"
#include "core/markdown_reader.h"
#include "core/plain_text_reader.h"
#include "core/xml_record_reader.h"

namespace newsdex {
namespace {

template <typename Reader>
std::unique_ptr<ArticleReader> make(const Schema& schema) {
  return std::make_unique<Reader>(schema);
}

// Every format's reader, by the name a schema gives it (format_catalogue.cc lists the
// same names, with their options), in the order content sniffing tries them. Guarded: worker
// threads make their readers while a test may have registered a format of its own.
struct Registry {
  std::mutex mutex;
  std::vector<std::pair<std::string, FormatInfo>> formats{
      {"text", {make<PlainTextReader>, {"*.txt"}, {}, nullptr}},
      // Every .xml goes to the feed reader, which reads no article from one whose root
      // is not a feed's: XML is never indexed as text, markup and all.
      {"feed", {make_feed_reader, {"*.rss", "*.atom", "*.xml"}, {}, sniff_feed}},
      {"xml", {XmlRecordReader::from_schema, {}, {}, nullptr}},
      {"html", {make<HtmlReader>, {"*.html", "*.htm", "*.xhtml"}, {}, looks_like_html}},
      {"markdown", {make<MarkdownReader>, {"*.md", "*.markdown"}, {}, sniff_markdown}},
      {"jsonl", {make<JsonLinesReader>, {"*.jsonl", "*.ndjson"}, {}, sniff_json_lines}},
      {"json", {make<JsonReader>, {"*.json"}, {}, sniff_json}},
  };

  FormatInfo* find(std::string_view name) {
    for (auto& [n, info] : formats)
      if (n == name) return &info;
    return nullptr;
  }
};

Registry& registry() {
  static Registry r;
  return r;
}

std::string_view file_name(std::string_view relative) {
  const auto slash = relative.rfind('/');
  return slash == std::string_view::npos ? relative : relative.substr(slash + 1);
}

bool glob_matches(const std::string& glob, const std::string& name) {
  return fnmatch(glob.c_str(), name.c_str(), FNM_CASEFOLD) == 0;
}

}  // namespace

void register_format(std::string name, ReaderFactory make_reader, FormatOptions options) {
  register_format(std::move(name), FormatInfo{std::move(make_reader), {}, {}, nullptr},
                  std::move(options));
}

void register_format(std::string name, FormatInfo info, FormatOptions options) {
  add_format_options(name, std::move(options));
  std::lock_guard lock(registry().mutex);
  if (FormatInfo* known = registry().find(name))
    *known = std::move(info);
  else
    registry().formats.emplace_back(std::move(name), std::move(info));
}

std::string reader_format_names() {
  std::lock_guard lock(registry().mutex);
  std::string names;
  for (const auto& [name, info] : registry().formats) {
    if (!names.empty()) names += ", ";
    names += name;
  }
  return names;
}

std::string choose_format(const Schema& schema, const std::string& relative,
                          std::string_view head) {
  if (!schema.format.empty() && schema.format != "auto") return schema.format;
  const std::string name(file_name(relative));
  for (const auto& [glob, format] : schema.format_globs)
    if (glob_matches(glob, name)) return format;
  std::lock_guard lock(registry().mutex);
  // A name that says its format decides; an .xml file may be a feed or not, and only
  // its content can tell.
  for (const auto& [format, info] : registry().formats)
    for (const auto& glob : info.globs)
      if (glob_matches(glob, name)) return format;
  for (const auto& [format, info] : registry().formats)
    for (const auto& glob : info.globs_if_sniffed)
      if (glob_matches(glob, name) && info.sniff && info.sniff(head)) return format;
  for (const auto& [format, info] : registry().formats)
    if (info.sniff && info.sniff(head)) return format;
  return "text";
}

ArticleReader& ArticleReaders::reader_for(const std::string& relative, std::string_view text) {
  constexpr std::size_t kHead = 4096;
  return reader_named(choose_format(schema_, relative, text.substr(0, kHead)));
}

ArticleReader& ArticleReaders::reader_named(const std::string& name) {
  if (auto it = readers_.find(name); it != readers_.end()) return *it->second;
  ReaderFactory make_reader;
  {
    std::lock_guard lock(registry().mutex);
    const FormatInfo* info = registry().find(name);
    if (!info) throw UsageError("unknown file format '" + name + "'");
    make_reader = info->make;
  }
  return *readers_.emplace(name, make_reader(schema_)).first->second;
}

}  // namespace newsdex
