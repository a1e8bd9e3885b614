"""Honest totals (issue 16, point 6) past what newsdex counts exactly: a query that
matches more than 10,000 articles reports an estimate with its bounds (JSON
total_min and total_max, text "about"), while `count` stays exact."""

import unittest

import harness

ARTICLES = 10400


class EstimatedTotalsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        ws = harness.class_workspace(cls, copy_corpus=False)
        for i in range(ARTICLES):
            # Seven in eight articles have "alpha", seven in eight "beta", each has one.
            words = " ".join(w for w, has in (("alpha", i % 8 != 0), ("beta", i % 8 != 1)) if has)
            ws.write("d%02d/%05d.txt" % (i % 100, i), "Note %d\n\n%s note %d.\n" % (i, words, i))
        cls.indexed = ws.index("--no-entities")

    def setUp(self):
        self.assertEqual(self.indexed.code, 0, self.indexed)

    def test_estimate_has_bounds(self):
        exact = self.ws.count("alpha OR beta")
        self.assertEqual(exact, ARTICLES)
        r = self.ws.newsdex("search", "--format", "json", "-n", "1", "alpha OR beta")
        self.assertEqual(r.code, 0, r)
        page = r.json()
        self.assertFalse(page["total_is_exact"], page)
        self.assertLessEqual(page["total_min"], exact)
        self.assertGreaterEqual(page["total_max"], exact)
        self.assertLessEqual(page["total_min"], page["total"])
        self.assertLessEqual(page["total"], page["total_max"])
        self.assertGreaterEqual(page["total_min"], 10000)  # counted exactly up to there
        text = self.ws.newsdex("search", "-n", "1", "alpha OR beta")
        self.assertRegex(text.out, r"\nabout %d matches \(%d to %d\), showing 1-1\n" %
                         (page["total"], page["total_min"], page["total_max"]))

    def test_facets_make_the_total_exact(self):
        r = self.ws.newsdex("search", "--format", "json", "-n", "1", "--facet", "section",
                            "--", "alpha OR beta")
        page = r.json()
        self.assertTrue(page["total_is_exact"], page)
        self.assertEqual(page["total"], ARTICLES)


if __name__ == "__main__":
    harness.main()
