// Language names normalised to ISO 639-1 codes, the stemmer each code takes, and
// CLD2's detection with its fallbacks.
#include <doctest/doctest.h>

#include <string>

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
