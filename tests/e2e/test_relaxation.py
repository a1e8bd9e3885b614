"""Questions as typed (issue 16, point 1): a query whose words all together match
nothing is run again with any word matching, stop words aside, and says so (a note
on stderr, "relaxed" in JSON); --strict turns that off; count counts the articles
that hold every word."""

import unittest

import harness

QUESTION = ("what similarity laws must be obeyed when constructing aeroelastic models "
            "of heated high speed aircraft")
ARTICLES = {
    "aero.txt": "Aeroelastic models of heated aircraft\n\nWind tunnel tests of aeroelastic "
                "models at high speed show how heated wings flutter.\n",
    "laws.txt": "Similarity laws for wind tunnels\n\nThe similarity laws tell which "
                "quantities a scaled model must keep.\n",
    "pasta.txt": "Cooking pasta\n\nBoil the water, add salt and the pasta, and wait.\n",
    "zoo.txt": "The zoo opens\n\nThe zoo opens its doors to the public on Monday.\n",
}
SMALL = dict(ARTICLES)
# Enough articles with both words that a query of them is never relaxed
# (query_relaxation.h: ten, in a collection of 1,000 articles or more).
for i in range(12):
    ARTICLES["harbour-%02d.txt" % i] = ("Harbour council meeting %d\n\nThe harbour council "
                                        "met again about the moorings.\n" % i)
ARTICLES["harbour-fees.txt"] = "Harbour fees rise\n\nThe harbour raised its fees.\n"
for i in range(1000):
    ARTICLES["filler/%04d.txt" % i] = "Filler note %d\n\nA plain line of filler text.\n" % i


class SmallFolderTest(unittest.TestCase):
    """In a folder of a few articles, words keep grep's every-word meaning unless
    nothing at all matches (the threshold is 1% of the articles, at least one)."""

    @classmethod
    def setUpClass(cls):
        ws = harness.class_workspace(cls, copy_corpus=False)
        for name, text in SMALL.items():
            ws.write(name, text)
        cls.indexed = ws.index("--no-entities")

    def test_one_match_is_enough(self):
        r = self.ws.search_json("aeroelastic", "models")
        self.assertEqual(r.code, 0, r)
        self.assertFalse(r.json()["relaxed"])
        self.assertEqual([h["id"] for h in r.json()["results"]], ["aero.txt"])

    def test_nothing_is_relaxed(self):
        r = self.ws.search_json("--", QUESTION)
        self.assertEqual(r.code, 0, r)
        self.assertTrue(r.json()["relaxed"])


class RelaxationTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        ws = harness.class_workspace(cls, copy_corpus=False)
        for name, text in ARTICLES.items():
            ws.write(name, text)
        cls.indexed = ws.index("--no-entities")

    def setUp(self):
        self.assertEqual(self.indexed.code, 0, self.indexed)

    def test_question_as_typed_finds_ranked_results(self):
        r = self.ws.search_json("--", QUESTION)
        self.assertEqual(r.code, 0, r)
        page = r.json()
        self.assertTrue(page["relaxed"])
        ids = [h["id"] for h in page["results"]]
        # The articles holding the question's rarer words, not the one that only
        # shares its stop words.
        self.assertEqual(set(ids), {"aero.txt", "laws.txt"})
        self.assertEqual(ids[0], "aero.txt")  # more of the words
        self.assertEqual(page["total"], 2)
        self.assertEqual(r.err, "")  # JSON carries the field, not the note

    def test_text_output_notes_the_relaxation_on_stderr(self):
        r = self.ws.newsdex("search", "--", QUESTION)
        self.assertEqual(r.code, 0, r)
        self.assertIn("Aeroelastic models of heated aircraft", r.out)
        self.assertEqual(len(r.err.splitlines()), 1, r.err)
        self.assertRegex(r.err, r"^newsdex: no article has every word.*--strict")
        for fmt in ("tsv", "paths", "jsonl"):
            with self.subTest(format=fmt):
                r = self.ws.newsdex("search", "--format", fmt, "--", QUESTION)
                self.assertEqual(r.code, 0, r)
                self.assertIn("--strict", r.err)

    def test_strict_requires_every_word(self):
        for flag in ("--strict", "--no-relax"):
            with self.subTest(flag=flag):
                r = self.ws.newsdex("search", flag, "--", QUESTION)
                self.assertEqual(r.code, 1, r)
                self.assertEqual(r.out, "")
                self.assertEqual(r.err, "")

    def test_count_counts_articles_with_every_word(self):
        r = self.ws.newsdex("count", "--", QUESTION)
        self.assertEqual((r.code, r.out), (1, "0\n"), r)
        self.assertEqual(self.ws.count("aeroelastic heated"), 1)

    def test_a_query_that_matches_enough_is_not_relaxed(self):
        # Articles, not stories: the twelve notes differ in a number only, and some
        # of them are one story by the duplicate rule.
        r = self.ws.search_json("harbour", "council", "--no-collapse")
        self.assertEqual(r.code, 0, r)
        self.assertFalse(r.json()["relaxed"])
        self.assertEqual(r.json()["total"], 12)
        r = self.ws.newsdex("search", "harbour", "council")
        self.assertEqual(r.err, "")

    def test_too_few_matches_are_relaxed_and_rank_first(self):
        # One article has both words: it comes first, then those with either.
        r = self.ws.search_json("aeroelastic", "models")
        self.assertEqual(r.code, 0, r)
        page = r.json()
        self.assertTrue(page["relaxed"])
        self.assertEqual(page["results"][0]["id"], "aero.txt")
        self.assertEqual({h["id"] for h in page["results"]}, {"aero.txt", "laws.txt"})
        r = self.ws.newsdex("search", "aeroelastic", "models")
        self.assertRegex(r.err, r"^newsdex: too few articles have every word")
        self.assertEqual(self.ws.count("aeroelastic", "models"), 1)

    def test_a_question_in_capitals_is_words(self):
        # AND and OR in a question typed in capitals are words, not operators.
        r = self.ws.search_json("--", "SIMILARITY LAWS AND MODELS OR PASTA")
        self.assertEqual(r.code, 0, r)
        self.assertTrue(r.json()["relaxed"])
        ids = [h["id"] for h in r.json()["results"]]
        self.assertEqual(ids[0], "laws.txt")
        self.assertEqual(set(ids), {"laws.txt", "aero.txt", "pasta.txt"})

    def test_explicit_operators_keep_their_meaning(self):
        # -heated still excludes, +wind still requires: only the plain words loosen.
        r = self.ws.search_json("--", "similarity aeroelastic -heated")
        self.assertEqual(r.code, 0, r)
        self.assertTrue(r.json()["relaxed"])
        self.assertEqual({h["id"] for h in r.json()["results"]}, {"laws.txt"})
        r = self.ws.search_json("--", "+wind similarity pasta")
        self.assertEqual({h["id"] for h in r.json()["results"]}, {"laws.txt", "aero.txt"})
        self.assertEqual(r.json()["results"][0]["id"], "laws.txt")

    def test_stop_words_alone_never_match(self):
        # "the" is in every article: the relaxed query leaves it out, so a question
        # whose other words are nowhere finds nothing.
        r = self.ws.newsdex("search", "what", "is", "the", "zebra")
        self.assertEqual(r.code, 1, r)
        self.assertEqual(r.out, "")

    def test_one_unknown_word_is_not_relaxed(self):
        r = self.ws.newsdex("search", "zebra")
        self.assertEqual((r.code, r.out, r.err), (1, "", ""), r)


if __name__ == "__main__":
    harness.main()
