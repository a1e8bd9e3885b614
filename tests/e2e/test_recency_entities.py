"""Recency and entity relevance (issue 16, point 5): --recency HALF-LIFE blends BM25
with age; a query that is only a name ranks the articles by how central the name is
to them (mentions, title, lead), not in index order."""

import datetime
import unittest

import harness

TODAY = datetime.date.today()


def dated(days_ago):
    return (TODAY - datetime.timedelta(days=days_ago)).isoformat()


ECONOMY = ("Economy grows faster than forecast\n\n%s — The economy grew by 0.8%% in the "
           "third quarter, the statistics office said on Tuesday. Manufacturing output rose "
           "and services held steady. Exporters gained from the weaker pound. Economists "
           "had expected growth of 0.5%%. Retail sales slowed in the final month. The "
           "Treasury said the figures vindicated its policies; the Prime Minister, Tony "
           "Blair, was not available for comment.\n" % dated(3))
BLAIR = ("Tony Blair defends his record on public services\n\n%s — Tony Blair has "
         "defended his government's record on schools and hospitals. Mr Blair told party "
         "members in Brighton that investment was working. Blair said waiting lists had "
         "fallen and that more teachers had been hired. Critics said Tony Blair had "
         "promised more than he delivered.\n" % dated(3))


class RecencyAndEntitiesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        ws = harness.class_workspace(cls, copy_corpus=False)
        # Index order puts the economics story first.
        ws.write("a-economy.txt", ECONOMY)
        ws.write("b-blair.txt", BLAIR)
        ws.write("harbour/old.txt", "Harbour council\n\n%s — The harbour council met about "
                                    "the harbour moorings and the harbour fees.\n" % dated(400))
        ws.write("harbour/new.txt", "Harbour council\n\n%s — The harbour council met about "
                                    "the moorings.\n" % dated(1))
        cls.indexed = ws.index()

    def setUp(self):
        self.assertIn(self.indexed.code, (0,), self.indexed)

    def ranked(self, *args):
        r = self.ws.search_json(*args)
        self.assertEqual(r.code, 0, r)
        return [(h["id"], h["score"]) for h in r.json()["results"]]

    def test_entity_query_ranks_by_centrality(self):
        for args in (['person:"Tony Blair"'], ["--filter", "person:Tony Blair"]):
            with self.subTest(args=args):
                hits = self.ranked(*args)
                self.assertEqual([h[0] for h in hits], ["b-blair.txt", "a-economy.txt"])
                self.assertGreater(hits[0][1], hits[1][1])
                self.assertGreater(hits[1][1], 0)

    def test_centrality_does_not_change_the_matches(self):
        self.assertEqual(self.ws.count('person:"Tony Blair"'), 2)
        r = self.ws.search_json('person:"Tony Blair"')
        self.assertEqual(r.json()["total"], 2)

    def test_recency_puts_the_new_article_first(self):
        plain = self.ranked("harbour", "council")
        self.assertEqual(plain[0][0], "harbour/old.txt")  # more about the harbour
        for half_life in ("30d", "2w", "1y", "12h"):
            with self.subTest(half_life=half_life):
                recent = self.ranked("harbour", "council", "--recency", half_life)
                self.assertEqual(recent[0][0], "harbour/new.txt")
                self.assertEqual(sorted(h[0] for h in recent), sorted(h[0] for h in plain))

    def test_recency_adds_to_scores(self):
        plain = dict(self.ranked("harbour"))
        recent = dict(self.ranked("harbour", "--recency", "30d"))
        gain_new = recent["harbour/new.txt"] - plain["harbour/new.txt"]
        gain_old = recent["harbour/old.txt"] - plain["harbour/old.txt"]
        self.assertGreater(gain_new, 0)
        self.assertLess(gain_old, gain_new / 1000)  # 400 days: 2^-13 of it

    def test_malformed_half_life_is_a_usage_error(self):
        for value in ("30", "0d", "-3d", "soon", "3x"):
            with self.subTest(value=value):
                r = self.ws.newsdex("search", "harbour", "--recency", value)
                self.assertEqual(r.code, 2, r)
                self.assertEqual(r.out, "")
                self.assertEqual(len(r.err.splitlines()), 1)


if __name__ == "__main__":
    harness.main()
