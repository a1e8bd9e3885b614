"""Facet correctness on the BBC corpus (../shared/corpora/bbc): for the top values of
every entity facet of several queries, the facet count equals `newsdex count QUERY
--filter FIELD:VALUE`. Skips (77) when ../shared is absent."""

import os
import sys

import harness

BBC = os.path.join(harness.SOURCE_DIR, "..", "shared", "corpora", "bbc")
QUERIES = ["", "election", "economy growth", '"prime minister"', "film award", "mobile"]
FIELDS = ["person", "place", "org", "source", "section", "month"]


class BbcFacetCorrectness(harness.IndexedCorpusTest):

    @classmethod
    def setUpClass(cls):
        cls.ws = harness.Workspace(copy_corpus=False)
        cls.first_index = cls.ws.index(corpus=BBC)

    def test_index(self):
        self.assertIn(self.first_index.code, (0,), self.first_index)

    def test_facet_counts_equal_filtered_counts(self):
        checked = 0
        for q in QUERIES:
            r = self.ws.newsdex("search", q, "--format", "json", "-n", "0", "--facet",
                                ",".join(FIELDS), "--facet-limit", "5")
            self.assertEqual(r.code, 0, r)
            data = r.json()
            self.assertTrue(data["total_is_exact"])
            self.assertEqual(data["total_articles"], self.ws.count(q))
            for field in FIELDS:
                for v in data["facets"][field]:
                    # Facets count articles, every copy of a story: count them so.
                    n = self.ws.count(q, "--filter",
                                      "%s:%s" % (field, v["value"]))
                    self.assertEqual(v["count"], n, (q, field, v))
                    checked += 1
        self.assertGreater(checked, 100)
        print("checked %d facet values" % checked, file=sys.stderr)


if __name__ == "__main__":
    if not os.path.isdir(BBC):
        print("%s not found: skipped" % BBC, file=sys.stderr)
        sys.exit(harness.SKIP)
    harness.main()
