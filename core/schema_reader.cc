#include "core/schema_reader.h"

#include <charconv>
#include <cmath>
#include <sstream>

#include "core/errors.h"
#include "core/schema_text.h"

namespace newsdex {
namespace {

bool all_of(const std::string& s, std::size_t from, bool (*ok)(char)) {
  if (from >= s.size()) return false;
  for (std::size_t i = from; i < s.size(); ++i)
    if (!ok(s[i])) return false;
  return true;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_octal(char c) {
  return c >= '0' && c <= '7';
}
bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// YAML 1.2 core schema, float: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool is_core_float(const std::string& s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  const std::size_t int_start = i;
  while (i < s.size() && is_digit(s[i])) ++i;
  const bool int_digits = i > int_start;
  bool frac_digits = false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    const std::size_t frac_start = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    frac_digits = i > frac_start;
  }
  if (!int_digits && !frac_digits) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    if (!all_of(s, i, is_digit)) return false;
    return true;
  }
  return i == s.size();
}

bool is_core_special_float(const std::string& s) {
  std::string t = s;
  if (!t.empty() && (t[0] == '-' || t[0] == '+')) t.erase(0, 1);
  if (t == ".inf" || t == ".Inf" || t == ".INF") return true;
  return s == ".nan" || s == ".NaN" || s == ".NAN";
}

}  // namespace

void schema_error(const std::string& file, const YAML::Mark& mark, const std::string& what) {
  std::ostringstream out;
  out << file;
  if (!mark.is_null()) out << ":" << (mark.line + 1);
  out << ": " << what;
  throw UsageError(out.str());
}

std::string yaml_core_type(const std::string& s) {
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return "null";
  if (s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE")
    return "boolean";
  if (s.rfind("0o", 0) == 0 && all_of(s, 2, is_octal)) return "number";
  if (s.rfind("0x", 0) == 0 && all_of(s, 2, is_hex)) return "number";
  if (is_core_float(s) || is_core_special_float(s)) return "number";
  return "";
}

void SchemaReader::require_map(const YAML::Node& node, const std::string& where) const {
  if (!node.IsMap())
    schema_error(file_, node.Mark(),
                 (where.empty() ? "the schema" : where) + ": expected a mapping");
}

void SchemaReader::only_keys(const YAML::Node& node, const std::string& where,
                             const std::set<std::string>& allowed) const {
  require_map(node, where);
  for (const auto& kv : node) {
    // A key that is a list or a mapping (YAML's "? [a, b]") is no name at all.
    if (!kv.first.IsScalar())
      schema_error(file_, kv.first.Mark(),
                   (where.empty() ? "the schema" : where) + ": a key must be a plain name");
    const std::string& key = kv.first.Scalar();
    if (!allowed.count(key)) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      schema_error(file_, kv.first.Mark(),
                   "unknown key '" + where + (where.empty() ? "" : ".") + key +
                       "' (expected one of: " + list + ")");
    }
  }
}

const std::string& SchemaReader::scalar(const YAML::Node& node, const std::string& where,
                                        const char* kind) const {
  if (!node.IsScalar()) {
    const char* got = node.IsMap() ? "a mapping" : node.IsSequence() ? "a list" : "null";
    schema_error(file_, node.Mark(), where + ": expected " + kind + ", got " + got);
  }
  return node.Scalar();
}

bool SchemaReader::boolean(const YAML::Node& node, const std::string& where) const {
  const std::string& text = scalar(node, where, "true or false");
  if (node.Tag() != "?" || yaml_core_type(text) != "boolean")
    schema_error(file_, node.Mark(), where + ": expected true or false, got '" + text + "'");
  return text[0] == 't' || text[0] == 'T';
}

std::string SchemaReader::string(const YAML::Node& node, const std::string& where) const {
  const std::string& text = scalar(node, where, "a string");
  // yaml-cpp tags a plain scalar "?", a quoted one "!": only a plain one has a type
  // of its own to check.
  if (node.Tag() == "?") {
    const std::string type = yaml_core_type(text);
    if (!type.empty())
      schema_error(file_, node.Mark(),
                   where + ": expected a string, got the " + type + " '" + text +
                       "' (quote it if it is meant as text)");
  }
  // Escapes in double quotes can make what the file's bytes could not: a NUL, a lone
  // surrogate. Either would end the string early or break the stored copy.
  if (text.find('\0') != std::string::npos)
    schema_error(file_, node.Mark(), where + ": a NUL character is not allowed");
  if (invalid_utf8_at(text) != std::string::npos)
    schema_error(file_, node.Mark(), where + ": not valid UTF-8 (a surrogate escape?)");
  return text;
}

std::vector<std::string> SchemaReader::strings(const YAML::Node& node,
                                               const std::string& where) const {
  if (node.IsScalar()) return {string(node, where)};
  if (!node.IsSequence())
    schema_error(file_, node.Mark(), where + ": expected a string or a list of strings");
  std::vector<std::string> out;
  for (const auto& item : node) out.push_back(string(item, where));
  return out;
}

double SchemaReader::number(const YAML::Node& node, const std::string& where, double lo,
                            double hi) const {
  const std::string& text = scalar(node, where, "a number");
  if (node.Tag() != "?" || yaml_core_type(text) != "number")
    schema_error(file_, node.Mark(), where + ": expected a number, got '" + text + "'");
  if (is_core_special_float(text))
    schema_error(file_, node.Mark(), where + ": expected a finite number, got '" + text + "'");
  double v = 0;
  const bool hex = text.rfind("0x", 0) == 0, octal = text.rfind("0o", 0) == 0;
  if (hex || octal) {
    std::uint64_t whole = 0;
    const auto r = std::from_chars(text.data() + 2, text.data() + text.size(), whole, hex ? 16 : 8);
    if (r.ec != std::errc())
      schema_error(file_, node.Mark(), where + ": '" + text + "' is too large");
    v = static_cast<double>(whole);
  } else {
    const char* begin = text.data() + (text[0] == '+' ? 1 : 0);
    const auto r = std::from_chars(begin, text.data() + text.size(), v);
    if (r.ec != std::errc() || !std::isfinite(v))
      schema_error(file_, node.Mark(), where + ": '" + text + "' is out of range");
  }
  if (v < lo || v > hi) {
    std::ostringstream msg;
    msg << where << ": " << text << " is out of range [" << lo << ", " << hi << "]";
    schema_error(file_, node.Mark(), msg.str());
  }
  return v;
}

std::uint64_t SchemaReader::integer(const YAML::Node& node, const std::string& where,
                                    std::uint64_t lo, std::uint64_t hi) const {
  const double v = number(node, where, static_cast<double>(lo), static_cast<double>(hi));
  if (v != std::floor(v))
    schema_error(file_, node.Mark(),
                 where + ": expected a whole number, got '" + node.Scalar() + "'");
  return static_cast<std::uint64_t>(v);
}

std::uint64_t SchemaReader::bytes(const YAML::Node& node, const std::string& where) const {
  const std::string& text = scalar(node, where, "a size like 64MiB");
  // Digits, an optional fraction, an optional unit: no signs, exponents, hex, inf or
  // nan, which a general number parser would take.
  std::size_t i = 0;
  while (i < text.size() && is_digit(text[i])) ++i;
  const std::size_t int_end = i;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && is_digit(text[i])) ++i;
  }
  if (int_end == 0 || i == int_end + 1)
    schema_error(file_, node.Mark(), where + ": expected a size like 64MiB, got '" + text + "'");
  double number = 0;
  std::from_chars(text.data(), text.data() + i, number);
  std::string unit = text.substr(i);
  while (!unit.empty() && unit.front() == ' ') unit.erase(0, 1);
  double scale = 1;
  if (unit == "" || unit == "B")
    scale = 1;
  else if (unit == "k" || unit == "K" || unit == "KiB" || unit == "kB")
    scale = 1024.0;
  else if (unit == "M" || unit == "MiB" || unit == "MB")
    scale = 1024.0 * 1024;
  else if (unit == "G" || unit == "GiB" || unit == "GB")
    scale = 1024.0 * 1024 * 1024;
  else
    schema_error(file_, node.Mark(), where + ": unknown size unit '" + unit + "'");
  const double total = number * scale;
  if (!(total >= 1 && total <= static_cast<double>(kMaxBytes)))
    schema_error(file_, node.Mark(), where + ": '" + text + "' is out of range (1 byte to 1TiB)");
  return static_cast<std::uint64_t>(total);
}

}  // namespace newsdex
