// Language names normalised to ISO 639-1 codes, the stemmer each code takes, and
// CLD2's detection with its fallbacks.
#include <doctest/doctest.h>

#include <cctype>
#include <string>

#include "core/english_text.h"
#include "core/language_code.h"
#include "core/language_detector.h"
#include "core/languages.h"

using newsdex::choose_language;
using newsdex::detect_language;
using newsdex::iso639_1;
using newsdex::language_of_stemmer;
using newsdex::stemmer_for_language;

TEST_CASE("iso639_1: codes, tags, ISO 639-2 and names become ISO 639-1") {
  CHECK(iso639_1("de") == "de");
  CHECK(iso639_1("DE") == "de");
  CHECK(iso639_1("de-AT") == "de");
  CHECK(iso639_1("de_CH") == "de");
  CHECK(iso639_1("German") == "de");
  CHECK(iso639_1("german") == "de");
  CHECK(iso639_1("deu") == "de");
  CHECK(iso639_1("ger") == "de");
  CHECK(iso639_1("fre") == "fr");
  CHECK(iso639_1("French") == "fr");
  CHECK(iso639_1("en-GB") == "en");
  CHECK(iso639_1("zh-Hant") == "zh");
  CHECK(iso639_1("zh-CN") == "zh");
  CHECK(iso639_1("ja") == "ja");
  CHECK(iso639_1("Japanese") == "ja");
  CHECK(iso639_1(" pt-BR ") == "pt");
  CHECK(iso639_1("nb") == "no");
  CHECK(iso639_1("nn-NO") == "no");
  CHECK(iso639_1("en-US, fr") == "en");  // HTTP Content-Language: the first
}

TEST_CASE("iso639_1: what names no language is empty") {
  CHECK(iso639_1("") == "");
  CHECK(iso639_1("xx") == "");
  CHECK(iso639_1("klingonese") == "");
  CHECK(iso639_1("12") == "");
  CHECK(iso639_1(std::string(200, 'a')) == "");
}

TEST_CASE("stemmer_for_language: Xapian's Snowball stemmers, none where it has none") {
  CHECK(stemmer_for_language("en") == "english");
  CHECK(stemmer_for_language("de") == "german");
  CHECK(stemmer_for_language("fr") == "french");
  CHECK(stemmer_for_language("ru") == "russian");
  CHECK(stemmer_for_language("ja") == "none");
  CHECK(stemmer_for_language("zh") == "none");
  CHECK(stemmer_for_language("") == "none");
  CHECK(language_of_stemmer("english") == "en");
  CHECK(language_of_stemmer("german") == "de");
  CHECK(language_of_stemmer("none") == "");
}

TEST_CASE("detect_language: CLD2 on a paragraph, reliable") {
  auto de = detect_language("Die Regierung plant neue Steuern",
                            "Die Bundesregierung hat am Mittwoch beschlossen, die Steuern für "
                            "kleine Unternehmen zu senken. Der Finanzminister sagte, dass die "
                            "Wirtschaft dadurch wachsen werde.");
  CHECK(de.code == "de");
  CHECK(de.reliable);
  auto fr = detect_language("Le gouvernement annonce une réforme",
                            "Le Premier ministre a présenté mercredi un projet de loi qui doit "
                            "réformer les retraites. Les syndicats ont appelé à manifester.");
  CHECK(fr.code == "fr");
  CHECK(fr.reliable);
  auto ja =
      detect_language("気象庁が大雨警報を発表", "気象庁は十日、九州地方に大雨警報を発表した。");
  CHECK(ja.code == "ja");
}

TEST_CASE("choose_language: the data's value wins, short text falls back") {
  const std::string german_body =
      "Die Bundesregierung hat am Mittwoch beschlossen, die Steuern für kleine Unternehmen "
      "zu senken. Der Finanzminister sagte, dass die Wirtschaft dadurch wachsen werde.";
  CHECK(choose_language("", "", german_body, "en") == "de");
  // A known value given by the reader wins over the text.
  CHECK(choose_language("fr-FR", "", german_body, "en") == "fr");
  // An unknown value is ignored: the text decides.
  CHECK(choose_language("klingon", "", german_body, "en") == "de");
  // Too short to tell: the schema's language.
  CHECK(choose_language("", "Hallo", "", "en") == "en");
  CHECK(choose_language("", "", "", "") == "");
}

namespace {

// Words of a paragraph, repeated until `words` words are written.
std::string words_of(const std::string& paragraph, int words) {
  std::string out;
  std::size_t at = 0;
  for (int w = 0; w < words; ++w) {
    std::size_t end = paragraph.find(' ', at);
    if (end == std::string::npos) end = paragraph.size();
    out += paragraph.substr(at, end - at);
    out += ' ';
    at = end + 1 >= paragraph.size() ? 0 : end + 1;
  }
  return out;
}

const std::string kEnglish =
    "The government said on Tuesday that it would raise the tax on fuel after the election, "
    "and ministers who had opposed the plan were not told of it until their meeting with the "
    "chancellor, which had been arranged weeks before.";
const std::string kGerman =
    "Die Bundesregierung hat am Mittwoch beschlossen, die Steuern für kleine Unternehmen zu "
    "senken. Der Finanzminister sagte, dass die Wirtschaft dadurch wachsen werde und was "
    "die Opposition will, sei also nicht für das Land.";
const std::string kDutch =
    "De regering heeft dinsdag besloten de belasting op brandstof te verhogen na de "
    "verkiezingen, of de oppositie het wil of niet. Het kabinet is het erover eens dat het "
    "in het belang van het land is.";

}  // namespace

TEST_CASE("is_clearly_english: English prose, long enough, is told by its function words") {
  CHECK(newsdex::is_clearly_english(words_of(kEnglish, 40)));
  CHECK(newsdex::is_clearly_english(words_of(kEnglish, 400)));
  // Upper case and punctuation do not hide the words.
  std::string shouted = words_of(kEnglish, 60);
  for (char& c : shouted) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  CHECK(newsdex::is_clearly_english(shouted));
}

TEST_CASE("is_clearly_english: short, foreign, mixed or non-Latin text is left to CLD2") {
  CHECK_FALSE(newsdex::is_clearly_english(words_of(kEnglish, newsdex::kMinEnglishWords - 1)));
  CHECK_FALSE(newsdex::is_clearly_english(""));
  CHECK_FALSE(newsdex::is_clearly_english(words_of(kGerman, 200)));
  CHECK_FALSE(newsdex::is_clearly_english(words_of(kDutch, 200)));
  // A German article quoting a sentence of English: the share falls below the bar.
  CHECK_FALSE(newsdex::is_clearly_english(words_of(kEnglish, 20) + words_of(kGerman, 120)));
  // A name list has no function words.
  CHECK_FALSE(newsdex::is_clearly_english(
      words_of("Smith Jones Brown Taylor Wilson Davies Evans Thomas Roberts Johnson", 80)));
  // English words among Japanese: too many bytes outside ASCII to be English text.
  std::string japanese;
  for (int i = 0; i < 30; ++i) japanese += "気象庁は十日、九州地方に大雨警報を発表した。";
  CHECK_FALSE(newsdex::is_clearly_english(words_of(kEnglish, 60) + japanese));
  // Function words are whole words: "theory", "often", "android" are not "the", "of", "and".
  CHECK_FALSE(newsdex::is_clearly_english(
      words_of("theory often android thence tofu anderson thematic ofcom", 80)));
}

TEST_CASE("is_clearly_english: a hundred letters at least, as CLD2's answers need") {
  // Forty words of two letters each are 80 letters: too few to judge by.
  CHECK_FALSE(newsdex::is_clearly_english(words_of("of to", 40)));
  CHECK(newsdex::is_clearly_english(words_of("of to", 50)));
}

TEST_CASE("detect_language: clear English is English, and reliable") {
  const auto en = detect_language("Fuel tax to rise", words_of(kEnglish, 120));
  CHECK(en.code == "en");
  CHECK(en.reliable);
}
