"""Search that understands people (issue 16) on the BBC corpus (../shared/corpora/bbc):
exact totals (point 6) and "did you mean" (point 3). Skips (77) when ../shared is
absent."""

import os
import sys

import harness

BBC = os.path.join(harness.SOURCE_DIR, "..", "shared", "corpora", "bbc")


class BbcPeopleSearch(harness.IndexedCorpusTest):

    @classmethod
    def setUpClass(cls):
        cls.ws = harness.Workspace(copy_corpus=False)
        cls.addClassCleanup(cls.ws.cleanup)
        cls.first_index = cls.ws.index(corpus=BBC)

    def test_index(self):
        self.assertEqual(self.first_index.code, 0, self.first_index)

    # --- point 6: honest totals ----------------------------------------------------

    def test_phrase_and_near_totals_are_exact(self):
        for query in ('"tony blair"', "blair NEAR brown", "election", "the"):
            with self.subTest(query=query):
                r = self.ws.newsdex("search", "--format", "json", "-n", "2", "--", query)
                self.assertEqual(r.code, 0, r)
                page = r.json()
                self.assertTrue(page["total_is_exact"], page)
                self.assertEqual(page["total_articles"], self.ws.count(query))
                self.assertEqual(page["total_min"], page["total"])
                self.assertEqual(page["total_max"], page["total"])
                text = self.ws.newsdex("search", "-n", "2", "--", query)
                self.assertIn("\n%d matches (stories; %d articles), showing 1-2\n"
                              % (page["total"], page["total_articles"])
                              if page["total"] != page["total_articles"] else
                              "\n%d matches, showing 1-2\n" % page["total"], text.out)
                self.assertNotIn("about", text.out.splitlines()[-1])

    # --- point 5: a name ranks by centrality --------------------------------------

    def test_name_query_ranks_articles_about_the_name_first(self):
        r = self.ws.newsdex("search", "--format", "json", "-n", "5", "--",
                            'person:"Tony Blair"')
        self.assertEqual(r.code, 0, r)
        hits = r.json()["results"]
        scores = [h["score"] for h in hits]
        self.assertGreater(min(scores), 0)
        self.assertEqual(scores, sorted(scores, reverse=True))
        self.assertGreater(scores[0], scores[-1])
        self.assertIn("Blair", hits[0]["title"])

    # --- point 3: did you mean -----------------------------------------------------

    def suggestion(self, *args):
        r = self.ws.newsdex("search", "--format", "json", "-n", "1", *args)
        self.assertIn(r.code, (0, 1), r)
        return r.json()["suggestion"]

    def test_misspelt_words_get_a_suggestion(self):
        self.assertEqual(self.suggestion("electon"), "election")
        self.assertEqual(self.suggestion("parliment"), "parliament")
        self.assertEqual(self.suggestion("goverment", "budgit"), "government budget")

    def test_no_match_prints_the_suggestion(self):
        # JSON: the whole object with total 0 and the suggestion; exit 1.
        r = self.ws.newsdex("search", "--format", "json", "electon")
        self.assertEqual(r.code, 1, r)
        page = r.json()
        self.assertEqual((page["total"], page["results"], page["suggestion"]),
                         (0, [], "election"))
        # Text and the other formats: stdout stays empty, the suggestion is on stderr.
        for fmt in ("text", "paths", "tsv"):
            with self.subTest(format=fmt):
                r = self.ws.newsdex("search", "--format", fmt, "electon")
                self.assertEqual((r.code, r.out), (1, ""), r)
                self.assertEqual(r.err, "newsdex: no match; did you mean: election?\n")

    def test_misspelt_names_get_a_suggestion(self):
        self.assertEqual(self.suggestion('person:"Tony Blare"'), 'person:"Tony Blair"')
        self.assertEqual(self.suggestion("tax", "--filter", "place:Brazl"),
                         "tax --filter place:Brazil")

    def test_correct_queries_get_none(self):
        for args in (["election"], ['person:"Tony Blair"'], ["tax", "--filter", "place:Brazil"],
                     ['"prime minister"', "brown"]):
            with self.subTest(args=args):
                self.assertIsNone(self.suggestion(*args))

    def test_auto_correct_runs_the_suggestion(self):
        r = self.ws.newsdex("search", "--format", "json", "--auto-correct", "electon")
        self.assertEqual(r.code, 0, r)
        page = r.json()
        self.assertTrue(page["auto_corrected"])
        self.assertEqual(page["suggestion"], "election")
        self.assertEqual(page["total_articles"], self.ws.count("election"))
        r = self.ws.newsdex("search", "--auto-correct", "-n", "1", "electon")
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.err, "newsdex: nothing matches 'electon'; showing matches of "
                                "'election'\n")
        # Without the flag: nothing.
        self.assertEqual(self.ws.newsdex("search", "electon").code, 1)
        r = self.ws.newsdex("search", "--format", "json", "--auto-correct", "-n", "3", "tax",
                            "--filter", "place:Brazl")
        self.assertEqual(r.code, 0, r)
        for hit in r.json()["results"]:
            self.assertIn("Brazil", hit["entities"]["place"])


if __name__ == "__main__":
    if not os.path.isdir(BBC):
        print("%s not found: skipped" % BBC, file=sys.stderr)
        sys.exit(harness.SKIP)
    harness.main()
