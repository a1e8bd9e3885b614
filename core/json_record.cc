#include "core/json_record.h"

#include <cctype>
#include <set>
#include <stdexcept>

#include "core/article_defaults.h"
#include "core/date_value.h"
#include "core/language_code.h"

namespace newsdex {
namespace {

using json = nlohmann::json;

constexpr std::array<const char*, JsonFieldMap::kCount> kNames = {
    "key", "title", "body", "date", "author", "source", "language", "url", "topic"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// A value as one piece of text: a string as it is; a number as JSON writes it (ids and
// Unix times are numbers); an object by its name (an author {"name": ...}, a source
// {"id": ..., "name": ...}); the first element of a list that gives one. Booleans and
// null give nothing.
std::string text_of(const json& v) {
  switch (v.type()) {
    case json::value_t::string:
      return std::string(trim(v.get_ref<const std::string&>()));
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return v.dump();
    case json::value_t::object:
      for (const char* name : {"name", "main", "text", "value", "title", "term", "label"})
        if (auto it = v.find(name); it != v.end() && !it->is_structured())
          if (std::string t = text_of(*it); !t.empty()) return t;
      return {};
    case json::value_t::array:
      for (const auto& item : v)
        if (std::string t = text_of(item); !t.empty()) return t;
      return {};
    default:
      return {};
  }
}

// A value as several pieces of text (authors, topics): each element of a list, or the
// value alone.
std::vector<std::string> texts_of(const json& v) {
  std::vector<std::string> out;
  if (v.is_array()) {
    for (const auto& item : v)
      if (std::string t = text_of(item); !t.empty()) out.push_back(std::move(t));
  } else if (std::string t = text_of(v); !t.empty()) {
    out.push_back(std::move(t));
  }
  return out;
}

// A text: a string, or a list of strings (SciFact gives its abstract as sentences),
// joined as paragraphs.
std::string body_of(const json& v) {
  if (!v.is_array()) return text_of(v);
  std::string out;
  for (const auto& item : v) {
    std::string t = text_of(item);
    if (t.empty()) continue;
    if (!out.empty()) out += "\n\n";
    out += t;
  }
  return out;
}

// The value the first pointer of `pointers` finds that `has_value` accepts.
const json* first_value(const json& record, const std::vector<JsonFieldMap::Pointer>& pointers,
                        bool (*has_value)(const json&)) {
  for (const auto& p : pointers) {
    // contains() is false for a missing key or a pointer through a value of another
    // type; an array index the record cannot have ("/items/01") throws.
    try {
      if (!record.contains(p)) continue;
      const json& v = record.at(p);
      if (has_value(v)) return &v;
    } catch (const json::exception&) {
    }
  }
  return nullptr;
}

bool gives_text(const json& v) {
  return !text_of(v).empty();
}
bool gives_body(const json& v) {
  return !body_of(v).empty();
}

std::vector<JsonFieldMap::Pointer> pointer_list(std::initializer_list<const char*> texts) {
  std::vector<JsonFieldMap::Pointer> out;
  for (const char* t : texts) out.emplace_back(t);
  return out;
}

JsonFieldMap::Pointer parse_pointer(const std::string& text) {
  // json_pointer takes "" as the whole document; no field is the whole record.
  if (text.empty()) throw std::invalid_argument("empty: a pointer starts with '/'");
  return JsonFieldMap::Pointer(text);
}

std::vector<std::string> option_strings(const YAML::Node& node) {
  std::vector<std::string> out;
  if (node.IsScalar())
    out.push_back(node.Scalar());
  else
    for (const auto& item : node) out.push_back(item.Scalar());
  return out;
}

}  // namespace

JsonFieldMap::JsonFieldMap() {
  pointers_[kKey] = pointer_list({"/id", "/_id", "/guid", "/url"});
  pointers_[kTitle] = pointer_list({"/title", "/headline"});
  pointers_[kBody] = pointer_list({"/text", "/body", "/content", "/article", "/content_text",
                                   "/abstract", "/summary", "/description"});
  pointers_[kDate] = pointer_list({"/date", "/published", "/published_at", "/pubDate",
                                   "/datePublished", "/publishedAt", "/date_published"});
  pointers_[kAuthor] = pointer_list({"/author", "/authors"});
  pointers_[kSource] = pointer_list({"/source", "/publisher"});
  pointers_[kLanguage] = pointer_list({"/lang", "/language"});
  pointers_[kUrl] = pointer_list({"/url", "/link"});
  pointers_[kTopic] = pointer_list({"/category", "/categories", "/tags", "/topics", "/keywords"});
}

const char* JsonFieldMap::name(Field f) {
  return kNames[f];
}

JsonFieldMap JsonFieldMap::from_options(const std::string& yaml_text) {
  JsonFieldMap map;
  if (yaml_text.empty()) return map;
  const YAML::Node options = YAML::Load(yaml_text);
  if (!options.IsMap()) return map;
  for (int f = 0; f < kCount; ++f) {
    const YAML::Node node = options[kNames[f]];
    if (!node) continue;
    map.pointers_[f].clear();
    for (const std::string& text : option_strings(node))
      map.pointers_[f].push_back(parse_pointer(text));
  }
  if (const YAML::Node records = options["records"]) map.records_ = parse_pointer(records.Scalar());
  return map;
}

bool JsonFieldMap::reads_title_or_body_from(const std::string& member) const {
  for (Field f : {kTitle, kBody})
    for (const auto& p : pointers_[f]) {
      // The first reference token of the pointer: the top-level member it starts at.
      const std::string& text = p.to_string();
      const auto next = text.find('/', 1);
      if (Pointer(text.substr(0, next)).back() == member) return true;
    }
  return false;
}

void validate_json_options(const YAML::Node& options, const SchemaReader& reader,
                           const std::string& format, bool records_allowed) {
  std::set<std::string> allowed(kNames.begin(), kNames.end());
  if (records_allowed) allowed.insert("records");
  reader.only_keys(options, "formats." + format, allowed);
  for (const auto& entry : options) {
    const std::string field = entry.first.Scalar();
    const std::string where = "formats." + format + "." + field;
    std::vector<YAML::Node> items;
    if (entry.second.IsSequence() && field != "records") {
      for (const auto& item : entry.second) items.push_back(item);
    } else {
      items.push_back(entry.second);
    }
    for (const auto& item : items) {
      const std::string text = reader.string(item, where);  // refuses lists, maps, numbers
      try {
        parse_pointer(text);
      } catch (const std::exception& e) {
        // nlohmann's messages open with "[json.exception.parse_error.107] parse error at
        // byte 1: "; the part after it says what is wrong.
        std::string why = e.what();
        if (const auto colon = why.rfind(": "); colon != std::string::npos)
          why = why.substr(colon + 2);
        schema_error(reader.file(), item.Mark(),
                     where + ": '" + text + "' is not a JSON Pointer (" + why +
                         "; write /key or /outer/inner, ~1 for a '/' and ~0 for a '~' in a key)");
      }
    }
  }
}

JsonRecord json_record(const json& value, const JsonFieldMap& map, const Schema& schema,
                       const std::string& relative, std::int64_t mtime) {
  JsonRecord out;
  if (!value.is_object()) {
    out.error = std::string("not a JSON object but ") + value.type_name();
    return out;
  }
  using F = JsonFieldMap;
  auto text = [&](F::Field f) {
    const json* v = first_value(value, map.pointers(f), gives_text);
    return v ? text_of(*v) : std::string();
  };
  auto texts = [&](F::Field f) {
    const json* v = first_value(value, map.pointers(f), gives_text);
    return v ? texts_of(*v) : std::vector<std::string>();
  };
  Article& a = out.article;
  out.key = text(F::kKey);
  a.title = text(F::kTitle);
  if (const json* body = first_value(value, map.pointers(F::kBody), gives_body))
    a.body = body_of(*body);
  if (a.title.empty() && a.body.empty()) {
    std::string looked;
    for (F::Field f : {F::kTitle, F::kBody})
      for (const auto& p : map.pointers(f)) looked += (looked.empty() ? "" : " ") + p.to_string();
    out.error = "no title and no text (looked at " + (looked.empty() ? "nothing" : looked) + ")";
    return out;
  }
  // The first date the data gives that reads as one: "unknown" or "" does not hide a
  // good date under a later key.
  for (const auto& p : map.pointers(F::kDate)) {
    const json* v = first_value(value, {p}, gives_text);
    if (v) a.date = parse_date_value(text_of(*v));
    if (!a.date.empty()) break;
  }
  apply_date_fallback(a, schema, mtime);
  a.authors = texts(F::kAuthor);
  a.source = text(F::kSource);
  a.language = iso639_1(text(F::kLanguage));
  a.url = text(F::kUrl);
  a.topics = texts(F::kTopic);
  a.section = section_of(schema, relative);
  a.path = relative;
  return out;
}

}  // namespace newsdex
