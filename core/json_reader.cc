#include "core/json_reader.h"

#include <cstdio>
#include <stdexcept>
#include <unordered_map>

#include "core/json_slices.h"
#include "core/schema_text.h"

namespace newsdex {
namespace {

using json = nlohmann::json;

std::string options_of(const Schema& schema, const char* format) {
  const auto it = schema.format_options.find(format);
  return it == schema.format_options.end() ? std::string() : it->second;
}

// nlohmann quotes the bytes it read last, which may end inside a UTF-8 sequence: a
// message must be text, so those bytes become U+FFFD.
std::string as_utf8(std::string s) {
  for (std::size_t at; (at = invalid_utf8_at(s)) != std::string::npos;)
    s.replace(at, 1, "\xEF\xBF\xBD");
  return s;
}

// nlohmann says "[json.exception.parse_error.101] parse error at line 1, column 12:
// syntax error while parsing object - unexpected end of input; expected '}'"; the
// line it counts is the record's, so it is made the file's.
std::string parse_error_message(const json::exception& e, std::size_t record_line) {
  const std::string what = as_utf8(e.what());
  // Not a syntax error but a value JSON allows and a double cannot hold ("number
  // overflow parsing '22e2222222222'", out_of_range.406): nlohmann's tag goes.
  if (const auto tag = what.find("] "); what.starts_with("[json.exception.") &&
                                        tag != std::string::npos &&
                                        what.find("parse error") == std::string::npos)
    return "invalid JSON: " + what.substr(tag + 2);
  std::size_t line = 0, column = 0;
  const auto at = what.find("parse error at line ");
  const auto colon = what.find(": ", at == std::string::npos ? 0 : at);
  if (at != std::string::npos &&
      std::sscanf(what.c_str() + at, "parse error at line %zu, column %zu", &line, &column) == 2 &&
      colon != std::string::npos) {
    const std::string where = line <= 1 ? "column " + std::to_string(column)
                                        : "line " + std::to_string(record_line + line - 1) +
                                              ", column " + std::to_string(column);
    return "invalid JSON at " + where + ": " + what.substr(colon + 2);
  }
  return "invalid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2));
}

// Collects a file's records as articles: keys from the data or the position, each key
// once.
class RecordSink {
 public:
  RecordSink(const JsonFieldMap& map, const Schema& schema, const std::string& relative,
             std::int64_t mtime)
      : map_(map), schema_(schema), relative_(relative), mtime_(mtime) {}

  // The record whose text is `text`, at `line`, keyed `position` when it names no key
  // of its own.
  void add_text(std::string_view text, std::size_t line, const std::string& position) {
    json value;
    try {
      value = json::parse(text);
    } catch (const json::exception& e) {  // parse_error, and out_of_range for a huge number
      fail(line, parse_error_message(e, line));
      return;
    }
    add_value(value, line, position);
  }

  void add_value(const json& value, std::size_t line, const std::string& position) {
    JsonRecord r = json_record(value, map_, schema_, relative_, mtime_);
    if (!r.error.empty()) {
      fail(line, std::move(r.error));
      return;
    }
    FileArticle a;
    a.key = r.key.empty() ? position : std::move(r.key);
    a.line = line;
    if (!a.key.empty()) {
      const auto [it, fresh] = lines_of_keys_.emplace(a.key, line);
      if (!fresh) {
        // As JSON writes it: a key may hold control characters, and messages go to a
        // terminal.
        fail(line, "the key " + json(a.key).dump() + " again (first at line " +
                       std::to_string(it->second) + "): only the first is indexed");
        return;
      }
    }
    a.article = std::move(r.article);
    out_.push_back(std::move(a));
  }

  void fail(std::size_t line, std::string why) {
    FileArticle a;
    a.line = line;
    a.error = std::move(why);
    out_.push_back(std::move(a));
  }

  std::vector<FileArticle> take() { return std::move(out_); }

 private:
  const JsonFieldMap& map_;
  const Schema& schema_;
  const std::string& relative_;
  std::int64_t mtime_;
  std::vector<FileArticle> out_;
  std::unordered_map<std::string, std::size_t> lines_of_keys_;
};

bool only_space(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v') return false;
  return true;
}

// The reference tokens of a JSON Pointer, unescaped ("/a~1b/0" -> "a/b", "0").
std::vector<std::string> tokens_of(const JsonFieldMap::Pointer& pointer) {
  std::vector<std::string> out;
  JsonFieldMap::Pointer p = pointer;
  while (!p.empty()) {
    out.insert(out.begin(), p.back());
    p.pop_back();
  }
  return out;
}

// The array `records` points at inside the one top-level value.
JsonSlice find_records(std::string_view text, const std::vector<JsonSlice>& top,
                       const JsonFieldMap::Pointer& records) {
  const std::string where = "formats.json.records " + records.to_string();
  if (top.size() != 1) throw std::runtime_error(where + ": the file holds more than one value");
  JsonSlice at = top.front();
  for (const std::string& token : tokens_of(records)) {
    const char c = text[at.begin];
    if (c != '{' && c != '[') throw std::runtime_error(where + ": no such array in the file");
    const auto children = json_children(text, at);
    const JsonSlice* next = nullptr;
    if (c == '{') {
      for (const auto& child : children)
        if (child.key == token) next = &child;  // the last of a repeated key, as parsers do
    } else if (!token.empty() && token.find_first_not_of("0123456789") == std::string::npos &&
               (token == "0" || token[0] != '0') && token.size() < 10) {
      const std::size_t index = std::stoul(token);
      if (index < children.size()) next = &children[index];
    }
    if (!next) throw std::runtime_error(where + ": no such array in the file");
    at = *next;
  }
  if (text[at.begin] != '[') throw std::runtime_error(where + ": not an array");
  return at;
}

// A lone object that wraps the articles: {"status": "ok", "articles": [...]} (NewsAPI),
// {"title": "My feed", "items": [...]} (JSON Feed). Its one array member holds objects
// with a title or a text of their own, and is no field the map reads (an article's
// "authors": [{"name": ...}] is no list of articles).
const JsonSlice* wrapped_array(std::string_view text, const std::vector<JsonSlice>& members,
                               const JsonFieldMap& map) {
  const JsonSlice* array = nullptr;
  for (const auto& m : members) {
    if (text[m.begin] != '[') continue;
    if (array) return nullptr;
    array = &m;
  }
  if (!array || map.reads_field_from(array->key)) return nullptr;
  const auto elements = json_children(text, *array);
  if (elements.empty() || text[elements.front().begin] != '{') return nullptr;
  for (const auto& member : json_children(text, elements.front()))
    if (map.reads_title_or_body_from(member.key)) return array;
  return nullptr;
}

}  // namespace

JsonLinesReader::JsonLinesReader(const Schema& schema)
    : schema_(schema), map_(JsonFieldMap::from_options(options_of(schema, "jsonl"))) {}

std::vector<FileArticle> JsonLinesReader::read(std::string_view text, const std::string& relative,
                                               std::int64_t mtime) {
  RecordSink sink(map_, schema_, relative, mtime);
  std::size_t line = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view record = text.substr(pos, nl - pos);
    ++line;
    pos = nl + 1;
    if (only_space(record)) continue;
    sink.add_text(record, line, std::to_string(line));
  }
  return sink.take();
}

JsonReader::JsonReader(const Schema& schema)
    : schema_(schema), map_(JsonFieldMap::from_options(options_of(schema, "json"))) {}

std::vector<FileArticle> JsonReader::read(std::string_view text, const std::string& relative,
                                          std::int64_t mtime) {
  RecordSink sink(map_, schema_, relative, mtime);
  const std::vector<JsonSlice> top = json_top_values(text);
  std::vector<JsonSlice> records;
  bool lone_object = false;
  if (map_.records()) {
    records = json_children(text, find_records(text, top, *map_.records()));
  } else if (top.size() == 1 && text[top.front().begin] == '{' && !top.front().truncated) {
    const auto members = json_children(text, top.front());
    if (const JsonSlice* array = wrapped_array(text, members, map_)) {
      records = json_children(text, *array);
    } else {
      records = top;
      lone_object = true;
    }
  } else {
    for (const auto& value : top) {
      if (text[value.begin] == '[') {
        const auto elements = json_children(text, value);
        records.insert(records.end(), elements.begin(), elements.end());
        if (value.truncated && elements.empty()) records.push_back(value);
      } else {
        records.push_back(value);
      }
    }
  }
  std::size_t line = 1, counted_to = 0, index = 0;
  for (const auto& r : records) {
    line = line_at(text, r.begin, counted_to, line);
    counted_to = r.begin;
    // A lone object is the whole file: keyed by its id if it has one, else by nothing.
    const std::string position = lone_object ? std::string() : std::to_string(index);
    ++index;
    if (r.truncated) {
      sink.fail(line, "the file ends inside this record (truncated)");
      continue;
    }
    sink.add_text(text.substr(r.begin, r.end - r.begin), line, position);
  }
  return sink.take();
}

bool sniff_json_lines(std::string_view head) {
  std::size_t pos = head.find_first_not_of(" \t\r\n");
  if (pos == std::string_view::npos || head[pos] != '{') return false;
  const std::size_t nl = head.find('\n', pos);
  if (nl == std::string_view::npos) return false;  // one line, or longer than the head
  const std::string_view first = head.substr(0, nl);
  bool truncated = false;
  const std::size_t end = json_value_end(first, pos, truncated);
  return !truncated && only_space(first.substr(end));
}

bool sniff_json(std::string_view head) {
  std::size_t pos = head.find_first_not_of(" \t\r\n");
  if (pos == std::string_view::npos) return false;
  const std::size_t next = head.find_first_not_of(" \t\r\n", pos + 1);
  if (next == std::string_view::npos) return false;
  if (head[pos] == '[') return head[next] == '{' || head[next] == ']';
  return head[pos] == '{' && head[next] == '"';
}

}  // namespace newsdex
