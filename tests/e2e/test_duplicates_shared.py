"""Duplicates on the BBC corpus (../shared/corpora/bbc): tech/098.txt and tech/289.txt
are the same story and show once, with a copy; a first build through shards (two
workers) and one through the single writer (--workers 1) find the same stories.
Skips (77) when ../shared is absent."""

import os
import sys
import unittest

import harness

BBC = os.path.join(harness.SOURCE_DIR, "..", "shared", "corpora", "bbc")


class BbcDuplicates(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.ws = harness.class_workspace(cls, copy_corpus=False)
        cls.single_db = os.path.join(cls.ws.root, "single.db")
        cls.sharded = cls.ws.index("--workers", "2", "--no-entities", corpus=BBC)
        cls.single = cls.ws.index("--workers", "1", "--no-entities", corpus=BBC, db=cls.single_db)

    def test_indexed(self):
        self.assertEqual(self.sharded.code, 0, self.sharded)
        self.assertEqual(self.single.code, 0, self.single)

    def test_mobiles_story_shows_once(self):
        r = self.ws.newsdex("search", "--format", "json", '"mobiles rack up"', "--no-snippet")
        self.assertEqual(r.code, 0, r)
        hits = r.json()["results"]
        self.assertEqual(len(hits), 1, hits)
        self.assertIn(hits[0]["id"], ("tech/098.txt", "tech/289.txt"))
        self.assertEqual(hits[0]["copies"], 1)
        r = self.ws.newsdex("search", "--format", "json", '"mobiles rack up"', "--no-collapse")
        self.assertEqual({h["id"] for h in r.json()["results"]}, {"tech/098.txt", "tech/289.txt"})
        r = self.ws.newsdex("copies", "tech/098.txt", "--format", "json")
        self.assertEqual([h["id"] for h in r.json()["results"]], ["tech/289.txt"])

    def test_sharded_and_single_writer_builds_agree(self):
        def stories(db):
            r = self.ws.newsdex("search", "--format", "tsv", "--no-collapse", "--limit", "5000",
                                "--sort", "date", "--no-snippet", db=db)
            ids = sorted(line.split("\t")[3] for line in r.lines())
            counts = []
            for q in ("", "mobile", "election", "film"):
                counts.append((int(self.ws.newsdex("count", q, db=db).out), q))
            return len(ids), counts

        sharded, single = stories(None), stories(self.single_db)
        self.assertEqual(sharded, single)
        articles = int(self.ws.newsdex("count", "--no-collapse", "").out)
        stories_n = int(self.ws.newsdex("count", "").out)
        self.assertEqual(articles, 2225)
        self.assertLess(stories_n, articles)
        print("BBC: %d articles, %d stories" % (articles, stories_n), file=sys.stderr)


if __name__ == "__main__":
    if not os.path.isdir(BBC):
        print("%s not found: skipped" % BBC, file=sys.stderr)
        sys.exit(harness.SKIP)
    harness.main()
