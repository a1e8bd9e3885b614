#include "core/language_code.h"

#include <cctype>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>

namespace newsdex {
namespace {

constexpr const char* kIso639Json = "/usr/share/iso-codes/json/iso_639-2.json";

struct LanguageTable {
  std::set<std::string, std::less<>> two_letter;
  std::map<std::string, std::string, std::less<>> by_code_or_name;  // lower case -> ISO 639-1
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// iso-codes names some languages "Dutch; Flemish" or "Greek, Modern (1453-)": each
// part before a ';' is a name, and so is the part before a ',' or '('.
void add_names(LanguageTable& t, const std::string& names, const std::string& code) {
  std::size_t start = 0;
  while (start <= names.size()) {
    std::size_t end = names.find(';', start);
    if (end == std::string::npos) end = names.size();
    std::string_view name = std::string_view(names).substr(start, end - start);
    name = trim(name.substr(0, name.find_first_of(",(")));
    if (!name.empty()) t.by_code_or_name.emplace(lower(name), code);
    start = end + 1;
  }
}

const LanguageTable* load_table() {
  std::ifstream in(kIso639Json);
  if (!in) return nullptr;
  auto* t = new LanguageTable;
  try {
    const nlohmann::json j = nlohmann::json::parse(in);
    for (const auto& entry : j.at("639-2")) {
      const auto two = entry.find("alpha_2");
      if (two == entry.end() || !two->is_string()) continue;
      const std::string code = lower(two->get<std::string>());
      t->two_letter.insert(code);
      for (const char* key : {"alpha_3", "bibliographic"})
        if (auto v = entry.find(key); v != entry.end() && v->is_string())
          t->by_code_or_name.emplace(lower(v->get<std::string>()), code);
      if (auto v = entry.find("name"); v != entry.end() && v->is_string())
        add_names(*t, v->get<std::string>(), code);
    }
  } catch (const nlohmann::json::exception&) {
    delete t;
    return nullptr;
  }
  return t;
}

// Loaded on first use and kept for the process: a few hundred entries.
const LanguageTable* table() {
  static const LanguageTable* t = load_table();
  return t;
}

bool all_letters(std::string_view s) {
  for (char c : s)
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  return !s.empty();
}

}  // namespace

std::string iso639_1(std::string_view tag) {
  tag = trim(tag);
  if (tag.empty() || tag.size() > 64) return {};
  // "en-GB", "pt_BR.UTF-8", "de@euro", "en, fr" (an HTTP Content-Language list): the
  // primary subtag of the first names the language.
  const std::string_view primary = tag.substr(0, tag.find_first_of("-_.@ ,;"));
  const LanguageTable* t = table();
  if (primary.size() == 2 && all_letters(primary)) {
    std::string code = lower(primary);
    // Norwegian's two written forms (Bokmål, Nynorsk) share one Snowball stemmer and
    // CLD2's one code: one facet value, one stemmer.
    if (code == "nb" || code == "nn") return "no";
    if (!t || t->two_letter.count(code)) return code;
    return {};
  }
  if (!t) return {};
  const std::string key = lower(primary.size() == 3 && all_letters(primary) ? primary : tag);
  if (auto it = t->by_code_or_name.find(key); it != t->by_code_or_name.end()) return it->second;
  return {};
}

}  // namespace newsdex
