#include "core/format_catalogue.h"

#include <mutex>
#include <utility>
#include <vector>

#include "core/json_record.h"
#include "core/xml_record_options.h"

namespace newsdex {
namespace {

// Every format, by the name a schema gives it, in the order content sniffing tries
// them (the reader registry in article_formats.cc has the same names, and a unit test
// keeps the two lists equal). Guarded: a test may add a format while threads read.
struct Catalogue {
  std::mutex mutex;
  std::vector<std::pair<std::string, FormatOptions>> formats{
      {"text", {}},
      {"feed", {}},
      {"xml",
       {[](const YAML::Node& options, const SchemaReader& reader) {
          parse_xml_record_options(options, reader);
        },
        true}},
      {"html", {}},
      {"markdown", {}},
      {"jsonl", {[](const YAML::Node& o, const SchemaReader& r) {
         validate_json_options(o, r, "jsonl", false);
       }}},
      {"json", {[](const YAML::Node& o, const SchemaReader& r) {
         validate_json_options(o, r, "json", true);
       }}},
  };

  const FormatOptions* find(std::string_view name) const {
    for (const auto& [n, options] : formats)
      if (n == name) return &options;
    return nullptr;
  }

  std::string names() const {
    std::string all;
    for (const auto& [name, options] : formats) {
      if (!all.empty()) all += ", ";
      all += name;
    }
    return all;
  }
};

Catalogue& catalogue() {
  static Catalogue c;
  return c;
}

}  // namespace

bool is_format(std::string_view name) {
  std::lock_guard lock(catalogue().mutex);
  return catalogue().find(name) != nullptr;
}

bool format_needs_options(std::string_view name) {
  std::lock_guard lock(catalogue().mutex);
  const FormatOptions* options = catalogue().find(name);
  return options && options->needs_options;
}

std::string format_names() {
  std::lock_guard lock(catalogue().mutex);
  return catalogue().names();
}

void validate_format_options(const std::string& name, const YAML::Node& options,
                             const SchemaReader& reader) {
  std::function<void(const YAML::Node&, const SchemaReader&)> validate;
  {
    std::lock_guard lock(catalogue().mutex);
    const FormatOptions* known = catalogue().find(name);
    if (!known)
      schema_error(
          reader.file(), options.Mark(),
          "formats: unknown format '" + name + "' (expected one of: " + catalogue().names() + ")");
    validate = known->validate;
  }
  if (!validate)
    schema_error(reader.file(), options.Mark(),
                 "formats." + name + ": this format takes no options");
  validate(options, reader);
}

void add_format_options(std::string name, FormatOptions options) {
  std::lock_guard lock(catalogue().mutex);
  auto& formats = catalogue().formats;
  for (auto& [n, known] : formats)
    if (n == name) {
      known = std::move(options);
      return;
    }
  formats.emplace_back(std::move(name), std::move(options));
}

}  // namespace newsdex
