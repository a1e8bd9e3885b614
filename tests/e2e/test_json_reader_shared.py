"""The JSON Lines corpora of ../shared index with the default schema and no schema of
the user's: ../shared/corpora/multilingual (eight languages) and
../shared/corpora/reuters21578-jsonl. Every line is an article, and its title, date,
topics (category) and language come through. Skips (77) when ../shared is absent."""

import json
import os
import re
import sys
import unittest

import harness

SHARED = os.path.join(harness.SOURCE_DIR, "..", "shared", "corpora")
# Indexing 19,043 Reuters records takes a minute and a half on two loaded cores; the
# harness's two minutes a command are too few beside the other tests of ctest -j2.
harness.TIMEOUT = 900
MULTILINGUAL = os.path.join(SHARED, "multilingual")
REUTERS = os.path.join(SHARED, "reuters21578-jsonl")


def records(folder):
    """(file name, line number, object) of every line of the folder's .jsonl files."""
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".jsonl"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if line.strip():
                    yield name, number, json.loads(line)


ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def iso_date(value):
    return value[:10] if value else None


class SharedJsonlTest(unittest.TestCase):
    corpus = None

    @classmethod
    def setUpClass(cls):
        cls.ws = harness.Workspace(copy_corpus=False)
        cls.addClassCleanup(cls.ws.cleanup)
        cls.records = list(records(cls.corpus))
        cls.result = cls.ws.index("--no-entities", corpus=cls.corpus)

    def check_indexed(self):
        r = self.result
        self.assertEqual(r.code, 0, r)
        self.assertNotIn("records failed", r.out)
        stats = self.ws.newsdex("stats", "--format", "json").json()
        self.assertEqual(stats["documents"], len(self.records))
        # The summary's rate counts the articles, not the few files that hold them.
        self.assertLess(harness.parse_summary(r.out)["added"], len(self.records) / 100)
        seconds, rate = harness.summary_rate(r.out)
        expected = len(self.records) / seconds
        self.assertAlmostEqual(rate, expected, delta=1 + expected * 0.02, msg=r.out)

    def show(self, name, key):
        r = self.ws.newsdex("show", "%s#%s" % (name, key), "--format", "json")
        self.assertEqual(r.code, 0, r)
        return r.json()

    def sample(self, step):
        return self.records[::step]


@unittest.skipUnless(os.path.isdir(MULTILINGUAL), "no ../shared/corpora/multilingual")
class MultilingualTest(SharedJsonlTest):
    corpus = MULTILINGUAL

    def test_every_line_is_an_article(self):
        self.check_indexed()
        self.assertEqual(len(self.records), 1924)

    def test_language_facet_counts_every_line_of_its_file(self):
        r = self.ws.newsdex("facets", "language", "-n", "0", "--format", "json")
        self.assertEqual(r.code, 0, r)
        counts = {v["value"]: v["count"] for v in r.json()["values"]}
        expected = {}
        for name, _, obj in self.records:
            expected[obj["lang"]] = expected.get(obj["lang"], 0) + 1
        self.assertEqual(counts, expected)

    def test_title_date_topic_and_language_come_through(self):
        checked = 0
        for name, _, obj in self.sample(37):
            doc = self.show(name, obj["id"])
            self.assertEqual(doc["title"], obj["title"].strip(), (name, obj["id"]))
            if obj.get("date") and ISO_DAY.match(obj["date"]):
                self.assertEqual(doc["date"], iso_date(obj["date"]), (name, obj["id"]))
            # pt writes "24/9/2017" and "12 de agosto de 2017" too: read from the data,
            # not the file's time.
            self.assertEqual(doc["date_from_text"], bool(obj.get("date")), (name, obj["id"]))
            checked += 1
        self.assertGreater(checked, 40)
        ja = next(obj for name, _, obj in self.records if name == "ja.jsonl")
        self.assertIn("ja.jsonl#" + ja["id"], self.ws.ids("topic:" + ja["category"]))
        self.assertIn("ja.jsonl#" + ja["id"],
                      self.ws.ids("language:ja", "--filter", "topic:" + ja["category"]))


@unittest.skipUnless(os.path.isdir(REUTERS), "no ../shared/corpora/reuters21578-jsonl")
class ReutersJsonlTest(SharedJsonlTest):
    corpus = REUTERS

    def test_every_line_is_an_article(self):
        self.check_indexed()
        self.assertEqual(len(self.records), 19043)

    def test_title_date_and_topics_come_through(self):
        checked = 0
        for name, _, obj in self.sample(997):
            doc = self.show(name, obj["id"])
            self.assertEqual(doc["title"], obj["title"].strip(), obj["id"])
            self.assertEqual(doc["date"], iso_date(obj["date"]), obj["id"])
            checked += 1
        self.assertGreater(checked, 15)
        # Topics: a facet value counts exactly the records that list it.
        expected = {}
        for _, _, obj in self.records:
            for t in set(obj["topics"]):
                expected[t] = expected.get(t, 0) + 1
        r = self.ws.newsdex("facets", "topic", "-n", "0", "--format", "json")
        self.assertEqual(r.code, 0, r)
        counts = {v["value"]: v["count"] for v in r.json()["values"]}
        self.assertEqual(counts, expected)
        print("%d topics checked" % len(counts), file=sys.stderr)


if __name__ == "__main__":
    if not os.path.isdir(SHARED):
        print("../shared/corpora absent: skipped", file=sys.stderr)
        sys.exit(harness.SKIP)
    harness.main()
