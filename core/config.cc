#include "core/config.h"

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/errors.h"

namespace newsdex {
namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

std::string any_path(const std::string& v) {
  return v.empty() ? "an empty path" : "";
}

// As the flags: Xapian counts documents in 32 bits.
std::string whole_number(const std::string& v) {
  std::uint64_t n = 0;
  const auto r = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos)
    return "'" + v + "' is not a whole number (0 or more)";
  if (r.ec != std::errc() || n > 4294967295u) return "'" + v + "' is too large";
  return "";
}

std::string one_of(const std::string& v, std::initializer_list<const char*> names) {
  std::string list;
  for (const char* n : names) {
    if (v == n) return "";
    list += (list.empty() ? "" : ", ") + std::string(n);
  }
  return "'" + v + "' is not one of " + list;
}

std::string format_name(const std::string& v) {
  return one_of(v, {"text", "json", "jsonl", "tsv", "paths"});
}
std::string color_mode(const std::string& v) {
  return one_of(v, {"auto", "always", "never"});
}
std::string sort_order(const std::string& v) {
  return one_of(v, {"relevance", "date", "-date"});
}

std::string true_or_false(const std::string& v) {
  return one_of(v, {"true", "false"});
}

std::string key_list() {
  std::string out;
  for (const auto& k : config_keys()) out += (out.empty() ? "" : ", ") + std::string(k.name);
  return out;
}

const ConfigKey& require_key(const std::string& name, const std::string& where) {
  const ConfigKey* k = find_config_key(name);
  if (!k) throw UsageError(where + "unknown key '" + name + "' (keys: " + key_list() + ")");
  return *k;
}

void check_value(const ConfigKey& key, const std::string& value, const std::string& where) {
  if (const std::string why = key.check(value); !why.empty())
    throw UsageError(where + key.name + ": " + why);
}

// The key of a `key = value` line, or "" for a blank line or a comment.
std::string key_of_line(const std::string& line) {
  const std::string t = trim(line);
  if (t.empty() || t[0] == '#' || t[0] == ';') return "";
  const auto eq = t.find('=');
  return eq == std::string::npos ? t : trim(t.substr(0, eq));
}

}  // namespace

const std::vector<ConfigKey>& config_keys() {
  static const std::vector<ConfigKey> keys = {
      {"db", "--db", "NEWSDEX_DB", "the database (newsdex, newsdexd)", true, any_path},
      {"corpus", "--corpus", "NEWSDEX_CORPUS", "the corpus folder (newsdexd)", true, any_path},
      {"schema", "--schema", nullptr, "the schema file (newsdexd)", true, any_path},
      {"limit", "--limit", nullptr, "results or values to show (-n)", false, whole_number},
      {"facet-limit", "--facet-limit", nullptr, "values per facet of search", false, whole_number},
      {"sort", "--sort", nullptr, "search's order: relevance, date or -date", false, sort_order},
      {"no-collapse", "--no-collapse", nullptr,
       "true: search and count show every copy of a story, not the story once", false,
       true_or_false},
      {"format", "--format", nullptr, "output format, where the command offers it", false,
       format_name},
      {"color", "--color", "NO_COLOR", "highlighting: auto, always or never", false, color_mode},
  };
  return keys;
}

const ConfigKey* find_config_key(const std::string& name) {
  for (const auto& k : config_keys())
    if (name == k.name) return &k;
  return nullptr;
}

std::optional<std::string> UserConfig::get(const std::string& key) const {
  for (const auto& [k, v] : values)
    if (k == key) return v;
  return std::nullopt;
}

std::string user_config_path() {
  if (const char* p = std::getenv("NEWSDEX_CONFIG"); p && *p) return p;
  if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x)
    return std::string(x) + "/newsdex/config";
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : ".") + "/.config/newsdex/config";
}

UserConfig parse_config(const std::string& text, const std::string& path) {
  UserConfig config;
  config.path = path;
  std::istringstream in(text);
  std::string line;
  std::vector<int> lines;  // the line each value came from
  for (int number = 1; std::getline(in, line); ++number) {
    const std::string where = path + ":" + std::to_string(number) + ": ";
    const std::string t = trim(line);
    if (t.empty() || t[0] == '#' || t[0] == ';') continue;
    const auto eq = t.find('=');
    if (eq == std::string::npos)
      throw UsageError(where + "expected 'key = value', not '" + t + "'");
    const std::string key = trim(t.substr(0, eq));
    const std::string value = trim(t.substr(eq + 1));
    const ConfigKey& k = require_key(key, where);
    for (std::size_t i = 0; i < config.values.size(); ++i)
      if (config.values[i].first == key)
        throw UsageError(where + key + " is already set on line " + std::to_string(lines[i]));
    check_value(k, value, where);
    config.values.emplace_back(key, value);
    lines.push_back(number);
  }
  return config;
}

UserConfig load_user_config() {
  const std::string path = user_config_path();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec;
    if (errno == ENOENT || !std::filesystem::exists(path, ec)) {
      UserConfig none;
      none.path = path;
      return none;
    }
    throw UsageError(path + ": cannot read configuration file: " + std::strerror(errno));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_config(text.str(), path);
}

std::string expand_config_path(const std::string& value) {
  if (!value.empty() && value[0] == '/') return value;
  const char* home = std::getenv("HOME");
  const std::string base = home && *home ? home : ".";
  if (value == "~") return base;
  if (value.rfind("~/", 0) == 0) return base + value.substr(1);
  return base + "/" + value;
}

std::vector<std::pair<std::string, std::string>> config_flag_defaults(const UserConfig& config) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& k : config_keys()) {
    const auto value = config.get(k.name);
    if (!value) continue;
    if (k.env) {
      const char* env = std::getenv(k.env);
      if (env && *env) continue;  // the environment comes before the file
    }
    out.emplace_back(k.flag, k.path ? expand_config_path(*value) : *value);
  }
  return out;
}

void write_config_value(const std::string& path, const std::string& key,
                        const std::optional<std::string>& value) {
  // Removing a key needs no check: that is how a file with an unknown key is mended.
  const std::string v = value ? trim(*value) : "";
  if (value) check_value(require_key(key, ""), v, "");
  if (value && v.find('\n') != std::string::npos) throw UsageError(key + ": a value is one line");
  std::string text;
  {
    std::ifstream in(path, std::ios::binary);
    if (in) {
      std::ostringstream s;
      s << in.rdbuf();
      text = s.str();
    }
  }
  std::istringstream in(text);
  std::string line, out;
  bool written = false;
  while (std::getline(in, line)) {
    if (key_of_line(line) == key) {
      if (value && !written) out += key + " = " + v + "\n";
      written = true;
      continue;
    }
    out += line + "\n";
  }
  if (value && !written) out += key + " = " + v + "\n";
  std::error_code ec;
  const auto folder = std::filesystem::path(path).parent_path();
  if (!folder.empty()) std::filesystem::create_directories(folder, ec);
  const std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f << out;
    f.close();
    if (!f) throw UsageError(path + ": cannot write configuration file: " + std::strerror(errno));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0)
    throw UsageError(path + ": cannot write configuration file: " + std::strerror(errno));
}

}  // namespace newsdex
