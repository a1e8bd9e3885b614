#include "core/json_slices.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace newsdex {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::size_t skip_space(std::string_view text, std::size_t pos, std::size_t limit) {
  while (pos < limit && is_space(text[pos])) ++pos;
  return pos;
}

// The end of the string whose opening quote is at `pos`; text.size() when unterminated.
std::size_t string_end(std::string_view text, std::size_t pos, bool& truncated) {
  for (std::size_t i = pos + 1; i < text.size(); ++i) {
    if (text[i] == '\\')
      ++i;
    else if (text[i] == '"')
      return i + 1;
  }
  truncated = true;
  return text.size();
}

}  // namespace

std::size_t json_value_end(std::string_view text, std::size_t pos, bool& truncated) {
  const char c = text[pos];
  if (c == '"') return string_end(text, pos, truncated);
  if (c == '[' || c == '{') {
    std::size_t depth = 0;
    for (std::size_t i = pos; i < text.size();) {
      const char d = text[i];
      if (d == '"') {
        i = string_end(text, i, truncated);
        continue;
      }
      if (d == '[' || d == '{') {
        ++depth;
      } else if (d == ']' || d == '}') {
        if (--depth == 0) return i + 1;
      }
      ++i;
    }
    truncated = true;
    return text.size();
  }
  // A scalar (number, true, false, null), or a stray byte, which is a value of its own.
  std::size_t i = pos + 1;
  if (c != ',' && c != ']' && c != '}' && c != ':')
    while (i < text.size() && !is_space(text[i]) && text[i] != ',' && text[i] != ']' &&
           text[i] != '}' && text[i] != '[' && text[i] != '{' && text[i] != '"' && text[i] != ':')
      ++i;
  return i;
}

std::vector<JsonSlice> json_top_values(std::string_view text) {
  std::vector<JsonSlice> out;
  for (std::size_t pos = skip_space(text, 0, text.size()); pos < text.size();) {
    JsonSlice s;
    s.begin = pos;
    s.end = json_value_end(text, pos, s.truncated);
    out.push_back(s);
    pos = skip_space(text, s.end, text.size());
  }
  return out;
}

std::vector<JsonSlice> json_children(std::string_view text, const JsonSlice& container) {
  std::vector<JsonSlice> out;
  const bool object = text[container.begin] == '{';
  // The closing bracket is not a child; a truncated container has none.
  const std::size_t limit = container.truncated || container.end <= container.begin + 1
                                ? container.end
                                : container.end - 1;
  std::size_t pos = container.begin + 1;
  for (;;) {
    pos = skip_space(text, pos, limit);
    if (pos >= limit) break;
    JsonSlice child;
    if (object) {
      bool key_truncated = false;
      const std::size_t key_end = json_value_end(text, pos, key_truncated);
      const std::string_view raw = text.substr(pos, key_end - pos);
      try {
        const auto key = nlohmann::json::parse(raw);
        child.key = key.is_string() ? key.get<std::string>() : std::string(raw);
      } catch (const nlohmann::json::exception&) {
        child.key = std::string(raw);
      }
      pos = skip_space(text, key_end, limit);
      if (pos < limit && text[pos] == ':') pos = skip_space(text, pos + 1, limit);
      if (pos >= limit) break;  // a key without a value: nothing to read
    }
    child.begin = pos;
    child.end = std::min(json_value_end(text, pos, child.truncated), limit);
    if (child.end == limit && container.truncated) child.truncated = true;
    out.push_back(std::move(child));
    pos = skip_space(text, out.back().end, limit);
    if (pos < limit && text[pos] == ',') ++pos;
  }
  return out;
}

std::size_t line_at(std::string_view text, std::size_t pos, std::size_t from,
                    std::size_t from_line) {
  std::size_t line = from_line;
  for (std::size_t i = from; i < pos && i < text.size(); ++i)
    if (text[i] == '\n') ++line;
  return line;
}

}  // namespace newsdex
