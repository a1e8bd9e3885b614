#include "core/languages.h"

#include <xapian.h>

#include <algorithm>
#include <array>
#include <set>

namespace newsdex {
namespace {

struct Code {
  std::string_view from, to;
};

// ISO 639-1 code -> Snowball stemmer, for every stemmer some Xapian release ships;
// stemmer_for_language keeps those this Xapian has.
constexpr std::array kStemmers = {
    Code{"ar", "arabic"},    Code{"hy", "armenian"},   Code{"eu", "basque"},
    Code{"ca", "catalan"},   Code{"da", "danish"},     Code{"nl", "dutch"},
    Code{"en", "english"},   Code{"fi", "finnish"},    Code{"fr", "french"},
    Code{"de", "german"},    Code{"el", "greek"},      Code{"hi", "hindi"},
    Code{"hu", "hungarian"}, Code{"id", "indonesian"}, Code{"ga", "irish"},
    Code{"it", "italian"},   Code{"lt", "lithuanian"}, Code{"ne", "nepali"},
    Code{"no", "norwegian"}, Code{"pt", "portuguese"}, Code{"ro", "romanian"},
    Code{"ru", "russian"},   Code{"sr", "serbian"},    Code{"es", "spanish"},
    Code{"sv", "swedish"},   Code{"ta", "tamil"},      Code{"tr", "turkish"},
    Code{"yi", "yiddish"},
};

const std::set<std::string>& available_stemmers() {
  static const std::set<std::string> names = [] {
    std::set<std::string> out;
    const std::string list = Xapian::Stem::get_available_languages();
    std::size_t start = 0;
    while (start < list.size()) {
      std::size_t end = list.find(' ', start);
      if (end == std::string::npos) end = list.size();
      if (end > start) out.insert(list.substr(start, end - start));
      start = end + 1;
    }
    return out;
  }();
  return names;
}

std::string_view lookup(const auto& table, std::string_view from) {
  for (const Code& c : table)
    if (c.from == from) return c.to;
  return {};
}

}  // namespace

std::string stemmer_for_language(std::string_view code) {
  std::string_view name = lookup(kStemmers, code);
  if (name.empty() || !available_stemmers().count(std::string(name))) return "none";
  return std::string(name);
}

std::string language_of_stemmer(std::string_view stemmer) {
  for (const Code& c : kStemmers)
    if (c.to == stemmer) return std::string(c.from);
  // Xapian's other English stemmers (porter, lovins, earlyenglish) and german2.
  if (stemmer == "porter" || stemmer == "lovins" || stemmer == "earlyenglish") return "en";
  if (stemmer == "german2") return "de";
  if (stemmer == "kraaij_pohlmann") return "nl";
  return {};
}

}  // namespace newsdex
