#include "core/languages.h"

// CLD2's header uses FILE without including <cstdio>.
#include <cstdio>
//
#include <cld2/public/compact_lang_det.h>
#include <xapian.h>

#include <algorithm>
#include <array>
#include <set>

namespace newsdex {
namespace {

struct Code {
  std::string_view from, to;
};

// ISO 639-2 codes (terminology and bibliographic), which CLD2's name lookup does not
// know, for the languages of news archives: those Xapian stems and the big others.
constexpr std::array kIso639_2 = {
    Code{"ara", "ar"},
    Code{"hye", "hy"},
    Code{"arm", "hy"},
    Code{"eus", "eu"},
    Code{"baq", "eu"},
    Code{"cat", "ca"},
    Code{"dan", "da"},
    Code{"nld", "nl"},
    Code{"dut", "nl"},
    Code{"eng", "en"},
    Code{"fin", "fi"},
    Code{"fra", "fr"},
    Code{"fre", "fr"},
    Code{"deu", "de"},
    Code{"ger", "de"},
    Code{"ell", "el"},
    Code{"gre", "el"},
    Code{"hin", "hi"},
    Code{"hun", "hu"},
    Code{"ind", "id"},
    Code{"gle", "ga"},
    Code{"ita", "it"},
    Code{"lit", "lt"},
    Code{"nep", "ne"},
    Code{"nor", "no"},
    Code{"nob", "no"},
    Code{"nno", "no"},
    Code{"por", "pt"},
    Code{"ron", "ro"},
    Code{"rum", "ro"},
    Code{"rus", "ru"},
    Code{"srp", "sr"},
    Code{"spa", "es"},
    Code{"swe", "sv"},
    Code{"tam", "ta"},
    Code{"tur", "tr"},
    Code{"yid", "yi"},
    Code{"jpn", "ja"},
    Code{"zho", "zh"},
    Code{"chi", "zh"},
    Code{"kor", "ko"},
    Code{"pol", "pl"},
    Code{"ces", "cs"},
    Code{"cze", "cs"},
    Code{"ukr", "uk"},
    Code{"heb", "he"},
    Code{"vie", "vi"},
    Code{"tha", "th"},
    Code{"fas", "fa"},
    Code{"per", "fa"},
    Code{"bul", "bg"},
    Code{"hrv", "hr"},
    Code{"slk", "sk"},
    Code{"slo", "sk"},
    Code{"slv", "sl"},
    Code{"est", "et"},
    Code{"lav", "lv"},
    // Norwegian's two written forms share one stemmer and one code in CLD2.
    Code{"nb", "no"},
    Code{"nn", "no"},
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

bool is_two_letter_code(std::string_view s) {
  return s.size() == 2 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

std::string normalise_language(std::string_view name) {
  std::string s;
  for (char c : name) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (c == '_') c = '-';
    s += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  if (s.empty() || s.size() > 40) return {};
  // "de-AT", "zh-Hant-TW": the language is the first subtag.
  std::string primary = s.substr(0, s.find('-'));
  if (auto to = lookup(kIso639_2, primary); !to.empty()) return std::string(to);
  // CLD2 knows ISO 639-1 codes and English names ("german"), and gives them back as
  // codes; some of its codes carry a script or region ("zh-Hant", "sr-ME").
  // Its names are upper case ("GERMAN") or capitalised ("Japanese"), its codes lower case.
  std::string upper = s, capitalised = s;
  for (char& c : upper) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
  capitalised[0] = upper[0];
  CLD2::Language lang = CLD2::GetLanguageFromName(s.c_str());
  if (lang == CLD2::UNKNOWN_LANGUAGE) lang = CLD2::GetLanguageFromName(upper.c_str());
  if (lang == CLD2::UNKNOWN_LANGUAGE) lang = CLD2::GetLanguageFromName(capitalised.c_str());
  if (lang == CLD2::UNKNOWN_LANGUAGE) lang = CLD2::GetLanguageFromName(primary.c_str());
  if (lang == CLD2::UNKNOWN_LANGUAGE) return {};
  std::string code = CLD2::LanguageCode(lang);
  code = code.substr(0, code.find('-'));
  if (auto to = lookup(kIso639_2, code); !to.empty()) return std::string(to);
  return is_two_letter_code(code) ? code : std::string();
}

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
