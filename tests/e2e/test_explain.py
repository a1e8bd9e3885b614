"""--explain (issue 16, point 7): the query as Xapian runs it and, per hit, the
query's terms the article holds and what each added to its score; the parts add up
to the score."""

import unittest

import harness


class ExplainTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.indexed = harness.sample_workspace(cls)

    def setUp(self):
        self.assertEqual(self.indexed.code, 0, self.indexed)

    def test_parts_add_up_to_the_score(self):
        for query in ("trade war", "trump putin summit", '"trade war"', 'person:"Donald Trump"',
                      "china OR kremlin"):
            with self.subTest(query=query):
                r = self.ws.newsdex("search", "--format", "json", "--explain", "--", query)
                self.assertEqual(r.code, 0, r)
                page = r.json()
                self.assertIn("Query(", page["parsed_query"])
                for hit in page["results"]:
                    parts = hit["explain"]
                    self.assertTrue(parts, hit)
                    for p in parts:
                        self.assertIn(p["term"], page["parsed_query"])
                    self.assertAlmostEqual(sum(p["weight"] for p in parts), hit["score"],
                                           places=6)

    def test_parts_add_up_with_expansion(self):
        # --expand's stems count at a fraction of their weight, and explain says so.
        for query in ("trade", "trump summit"):
            with self.subTest(query=query):
                r = self.ws.newsdex("search", "--format", "json", "--explain", "--expand",
                                    "--", query)
                self.assertEqual(r.code, 0, r)
                for hit in r.json()["results"]:
                    self.assertAlmostEqual(sum(p["weight"] for p in hit["explain"]),
                                           hit["score"], places=6)

    def test_only_the_terms_an_article_holds(self):
        r = self.ws.newsdex("search", "--format", "json", "--explain", "--", "china OR kremlin")
        for hit in r.json()["results"]:
            terms = {p["term"] for p in hit["explain"]}
            self.assertTrue(terms <= {"Zchina", "Zkremlin"}, terms)
            r2 = self.ws.newsdex("show", "--format", "json", hit["id"])
            body = r2.json()["body"].lower() + r2.json()["title"].lower()
            for t in terms:
                self.assertIn(t[1:], body)

    def test_text_output(self):
        r = self.ws.newsdex("search", "--explain", "-n", "1", "trade", "war")
        self.assertEqual(r.code, 0, r)
        lines = r.lines()
        self.assertEqual(lines[0], "query: Query((Ztrade@1 AND Zwar@2))")
        self.assertRegex(r.out, r"\n   explain: Z(war|trade) \d+\.\d{3}, Z(war|trade) \d+\.\d{3}\n")

    def test_entity_terms_are_highlighted(self):
        r = self.ws.newsdex("search", "--format", "json", "--", 'person:"Donald Trump" summit')
        self.assertEqual(r.code, 0, r)
        marked = set()
        for hit in r.json()["results"]:
            raw = hit["snippet"].encode("utf-8")
            marked |= {raw[a:b].decode("utf-8").lower() for a, b in hit["highlights"]}
        self.assertIn("donald", marked)
        self.assertIn("trump", marked)

    def test_expand_keeps_the_matches(self):
        # --expand (issue 16, point 2) re-ranks; which articles match stays the same.
        for query in ("trade", "trump summit", "china OR kremlin"):
            with self.subTest(query=query):
                plain = self.ws.search_json("--", query)
                expanded = self.ws.search_json("--expand", "--", query)
                self.assertEqual(expanded.code, 0, expanded)
                self.assertEqual(expanded.json()["total"], plain.json()["total"])
                self.assertEqual({h["id"] for h in expanded.json()["results"]},
                                 {h["id"] for h in plain.json()["results"]})

    def test_without_the_flag_nothing_is_added(self):
        r = self.ws.newsdex("search", "--format", "json", "trade", "war")
        self.assertNotIn("parsed_query", r.json())
        self.assertNotIn("explain", r.json()["results"][0])


if __name__ == "__main__":
    harness.main()
