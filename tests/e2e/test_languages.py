"""Language per article end to end: each article's language is detected, stored as the
`language` facet and filter, and stems its words, so that a query in the user's words
finds German, French and Spanish inflections without naming the language; the entity
tagger runs on English articles only."""

import unittest

import harness

ARTICLES = {
    "de/wohnungsbau.txt": (
        "Neue Wohnungen am Stadtrand\n\n"
        "Die Stadt baut in diesem Jahr dreihundert neue Häuser am Stadtrand. Der "
        "Bürgermeister sagte am Montag, die Wohnungen seien für Familien gedacht, die in "
        "der Innenstadt keine bezahlbare Wohnung mehr finden. Die Bauarbeiten sollen im "
        "Frühjahr beginnen und zwei Jahre dauern.\n"),
    "fr/retraites.txt": (
        "Les syndicats appellent à la grève\n\n"
        "Le gouvernement a présenté mercredi son projet de réforme des retraites. "
        "Le texte prévoit de repousser l'âge légal de départ. Les syndicats "
        "manifesteront jeudi dans toutes les grandes villes du pays, et la Sorbonne "
        "restera fermée. Le ministre du Travail a appelé au dialogue.\n"),
    "es/acuerdo.txt": (
        "Los sindicatos y la patronal firman un acuerdo\n\n"
        "Los representantes de los trabajadores negociaban desde hace meses con la "
        "patronal un nuevo convenio colectivo. El acuerdo firmado este martes sube los "
        "salarios un tres por ciento y reduce la jornada laboral en una hora semanal.\n"),
    "en/summit.txt": (
        "Merkel and Macron meet in Berlin\n\n"
        "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin "
        "on Monday to discuss the future of the European Union. The two leaders agreed "
        "to present a joint plan on migration before the summit in Brussels.\n"),
}


class LanguagesTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        ws = harness.class_workspace(cls, copy_corpus=False)
        for name, text in ARTICLES.items():
            ws.write(name, text)
        cls.result = ws.index()  # with the entity tagger

    def test_index_succeeds(self):
        self.assertEqual(self.result.code, 0, self.result)
        self.assertEqual(harness.parse_summary(self.result.out)["added"], len(ARTICLES))

    def test_language_is_detected_and_shown(self):
        for name in ARTICLES:
            with self.subTest(name=name):
                r = self.ws.newsdex("show", name, "--format", "json")
                self.assertEqual(r.code, 0, r)
                # The language's boolean term (Omega's L prefix), as `show` lists it.
                lang = name.split("/")[0]
                self.assertIn("L" + lang, r.json()["terms"])
                self.assertEqual([t for t in r.json()["terms"] if t.startswith("L")],
                                 ["L" + lang])

    def test_language_facet_counts_every_language(self):
        r = self.ws.newsdex("facets", "language", "--format", "json")
        self.assertEqual(r.code, 0, r)
        values = {v["value"]: v["count"] for v in r.json()["values"]}
        self.assertEqual(values, {"de": 1, "fr": 1, "es": 1, "en": 1})

    def test_language_filter_and_query_field(self):
        self.assertEqual(self.ws.ids("", "--filter", "language:de"), {"de/wohnungsbau.txt"})
        self.assertEqual(self.ws.ids("language:fr"), {"fr/retraites.txt"})
        self.assertEqual(self.ws.ids("language:fr OR language:es"),
                         {"fr/retraites.txt", "es/acuerdo.txt"})

    def test_german_stem_haus_finds_haeuser(self):
        self.assertEqual(self.ws.ids("Haus"), {"de/wohnungsbau.txt"})
        self.assertEqual(self.ws.ids("Wohnung"), {"de/wohnungsbau.txt"})

    def test_french_stem_manifester_finds_manifesteront(self):
        self.assertEqual(self.ws.ids("manifester"), {"fr/retraites.txt"})

    def test_spanish_stem_negociar_finds_negociaban(self):
        self.assertEqual(self.ws.ids("negociar"), {"es/acuerdo.txt"})

    def test_english_stemming_unchanged(self):
        self.assertEqual(self.ws.ids("meeting"), {"en/summit.txt"})
        self.assertEqual(self.ws.ids("leader"), {"en/summit.txt"})

    def test_exact_words_still_match_in_every_language(self):
        self.assertEqual(self.ws.ids("Häuser"), {"de/wohnungsbau.txt"})
        self.assertEqual(self.ws.ids('"réforme des retraites"'), {"fr/retraites.txt"})

    def test_no_entities_on_a_french_article(self):
        r = self.ws.newsdex("show", "fr/retraites.txt", "--format", "json")
        self.assertEqual(r.code, 0, r)
        doc = r.json()
        for field in ("person", "location", "org", "place"):
            self.assertFalse(doc.get(field), (field, doc))
        for field in ("person", "place", "org"):
            facet = self.ws.newsdex("facets", field, "--filter", "language:fr", "--format", "json")
            self.assertIn(facet.code, (0, 1), facet)
            values = facet.json()["values"] if facet.out.strip() else []
            self.assertEqual(values, [], (field, facet))

    def test_english_article_still_tagged(self):
        r = self.ws.newsdex("facets", "person", "--filter", "language:en", "--format", "json")
        self.assertEqual(r.code, 0, r)
        people = {v["value"] for v in r.json()["values"]}
        self.assertIn("Angela Merkel", people)
        self.assertEqual(self.ws.ids("", "--filter", "person:Angela Merkel"), {"en/summit.txt"})


class OneLanguageTest(unittest.TestCase):
    """A schema that stems nothing stems no language, and detection still names it."""

    def test_schema_language_none(self):
        ws = harness.test_workspace(self, copy_corpus=False)
        ws.write("de/wohnungsbau.txt", ARTICLES["de/wohnungsbau.txt"])
        schema = ws.write("../none.yaml", "name: plain\nlanguage: none\n")
        r = ws.index("--schema", schema, "--no-entities")
        self.assertEqual(r.code, 0, r)
        self.assertEqual(ws.ids("Haus"), set())
        self.assertEqual(ws.ids("Häuser"), {"de/wohnungsbau.txt"})
        self.assertEqual(ws.ids("language:de"), {"de/wohnungsbau.txt"})


if __name__ == "__main__":
    harness.main()
