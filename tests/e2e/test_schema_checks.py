"""A schema cannot hang newsdexd or make it index something other than it says
(issue #12, point 7): every mistake is refused as the schema loads, even with an empty
corpus, with one line naming the file and line and exit 2, and no database is created;
a dateline pattern that backtracks without end costs each article a bounded number of
steps and finds no dateline there."""

import os
import time

import harness


class SchemaChecks(harness.unittest.TestCase):
    def setUp(self):
        harness.test_workspace(self, copy_corpus=False)

    def schema(self, name, data):
        path = os.path.join(self.ws.root, name)
        with open(path, "wb" if isinstance(data, bytes) else "w") as f:
            f.write(data)
        return path

    def assert_refused(self, path, line, *words):
        db = os.path.join(self.ws.root, "refused.db")
        r = self.ws.index("--schema", path, db=db)
        self.assertEqual(r.code, 2, r)
        self.assertEqual(r.out, "", r)
        self.assertEqual(len(r.err.splitlines()), 1, r)
        self.assertTrue(r.err.startswith("newsdexd: %s:%d: " % (path, line)), r)
        for word in words:
            self.assertIn(word, r.err)
        self.assertFalse(os.path.exists(db), "no database is created")

    def test_bad_dateline_pattern_is_refused_with_an_empty_corpus(self):
        cases = {
            "unclosed.yaml": ("name: news\ndateline:\n  pattern: '^(\\p{Lu}+ \\((\\w+)'\n", 3,
                              "invalid regular expression"),
            "one-group.yaml": ("dateline:\n  pattern: '^(\\w+) -'\n", 2, "two groups"),
            "bad-class.yaml": ("dateline: {pattern: '^([[:nope:]]) (x)'}\n", 1,
                               "invalid regular expression"),
        }
        for name, (text, line, word) in cases.items():
            with self.subTest(schema=name):
                self.assert_refused(self.schema(name, text), line, "dateline.pattern", word)

    def test_catastrophic_dateline_pattern_does_not_hang(self):
        # Exponential backtracking on a run of a's: hangs an unbounded matcher.
        path = self.schema("slow.yaml", "dateline:\n  pattern: '^((a+)+)(b)c'\n")
        for i in range(20):
            self.ws.write("slow/a%02d.txt" % i,
                          "Runaway %d\n\n" % i + ("a" * 40 + "\n") * 10 + "zebra\n")
        self.ws.write("slow/match.txt", "Cheap match\n\naaabc zebra\n")
        started = time.monotonic()
        r = self.ws.index("--schema", path)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(harness.parse_summary(r.out)["added"], 21, r)
        self.assertLess(time.monotonic() - started, harness.TIMEOUT)
        found = self.ws.search_json("zebra")
        self.assertEqual(found.code, 0, found)
        sources = {h["id"]: h["source"] for h in found.json()["results"]}
        self.assertEqual(len(sources), 21, sources)
        # The cheap match has its dateline (group 2 is the source); the runaways none.
        self.assertEqual(sources.pop("slow/match.txt"), "aaa")
        self.assertEqual(set(sources.values()), {""}, sources)

    def test_wrong_types_and_values_are_refused(self):
        cases = {
            "include-number.yaml": ("files:\n  include: 5\n", 2, "files.include", "number"),
            "include-bool.yaml": ("files:\n  include: ['*.txt', yes, false]\n", 2, "boolean"),
            "weight-nan.yaml": ("fields:\n  title:\n    weight: .nan\n", 3, "finite"),
            "weight-inf.yaml": ("fields:\n  body:\n    weight: .inf\n", 3, "finite"),
            "weight-negative.yaml": ("fields:\n  body:\n    weight: -2\n", 3, "out of range"),
            "weight-fraction.yaml": ("fields:\n  title:\n    weight: 2.5\n", 3, "whole number"),
            "weight-quoted.yaml": ("fields:\n  title:\n    weight: '3'\n", 3, "expected a number"),
            "bm25-nan.yaml": ("ranking:\n  bm25:\n    b: .nan\n", 3, "ranking.bm25.b"),
            "bm25-delta.yaml": ("ranking:\n  bm25:\n    delta: -1\n", 3, "ranking.bm25.delta"),
            "search-chars-huge.yaml": ("date:\n  search_chars: 1e12\n", 2, "date.search_chars"),
            "max-size-nan.yaml": ("files:\n  max_size: nan\n", 2, "files.max_size"),
            "max-size-huge.yaml": ("files:\n  max_size: 1e30\n", 2, "files.max_size"),
            "max-size-zero.yaml": ("files:\n  max_size: 0.2\n", 2, "files.max_size"),
            "pattern-list.yaml": ("dateline:\n  pattern: ['a']\n", 2, "dateline.pattern"),
        }
        for name, (text, line, *words) in cases.items():
            with self.subTest(schema=name):
                self.assert_refused(self.schema(name, text), line, *words)

    def test_duplicate_keys_are_refused_at_the_second(self):
        cases = {
            "top.yaml": ("name: news\nlanguage: english\nlanguage: french\n", 3, "'language'"),
            "nested.yaml": ("fields:\n  title:\n    weight: 3\n  body:\n    weight: 1\n"
                            "  title:\n    weight: 9\n", 6, "'title'"),
            "flow.yaml": ("name: news\nranking: {bm25: {k1: 1, k1: 2}}\n", 2, "'k1'"),
        }
        for name, (text, line, word) in cases.items():
            with self.subTest(schema=name):
                self.assert_refused(self.schema(name, text), line, word, "twice")

    def test_a_second_document_is_refused(self):
        path = self.schema("two.yaml", "name: news\n---\nname: other\nlanguage: klingon\n")
        self.assert_refused(path, 2, "second YAML document")

    def test_not_utf8_is_refused(self):
        text = "name: news\nlanguage: english\n"
        cases = {
            "utf16le.yaml": (text.encode("utf-16"), 1, "UTF-16"),  # with its byte-order mark
            "utf16be.yaml": (b"\xfe\xff" + text.encode("utf-16-be"), 1, "UTF-16"),
            "utf16-no-bom.yaml": (text.encode("utf-16-le"), 1, "NUL"),
            "utf32.yaml": (text.encode("utf-32"), 1, "UTF-32"),
            "nul.yaml": (b"name: news\n\nlanguage: eng\x00lish\n", 3, "NUL"),
            "latin1.yaml": ("name: news\nfiles:\n  include: ['café*.txt']\n".encode("latin-1"),
                            3, "UTF-8"),
        }
        for name, (data, line, word) in cases.items():
            with self.subTest(schema=name):
                self.assert_refused(self.schema(name, data), line, word)

    def test_the_checked_schema_still_indexes(self):
        # Quoted text that looks like a number, a size as a plain number, a UTF-8 BOM.
        path = self.schema("fine.yaml", "\ufeffname: '2024'\nfiles:\n  include: ['*.txt']\n"
                           "  max_size: 1048576\nfields: {title: {weight: 4.0}}\n")
        self.ws.write("a.txt", "Quokka sighting\n\nA quokka was seen.\n")
        r = self.ws.index("--schema", path)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(self.ws.count("quokka"), 1)

    def test_bm25_plus_delta_ranks_with_a_floor(self):
        # BM25+ (ranking.bm25.delta): every matching term earns at least the floor, so a
        # long article that holds the word scores more than under plain BM25.
        self.ws.write("short.txt", "Quokka\n\nA quokka was seen.\n")
        self.ws.write("long.txt", "Island notes\n\n" + "The island had many birds. " * 60 +
                      "A quokka too.\n")
        for i in range(8):  # a word that few articles hold: its idf is worth something
            self.ws.write("other%d.txt" % i, "Weather %d\n\nRain again on day %d.\n" % (i, i))
        with open(os.path.join(harness.SOURCE_DIR, "schemas", "news.yaml")) as f:
            news = f.read()
        self.assertIn("min_normlen: 0.5}", news)
        plus = self.schema("plus.yaml", news.replace("min_normlen: 0.5}",
                                                     "min_normlen: 0.5, delta: 1}"))
        plus_db = os.path.join(self.ws.root, "plus.db")
        self.assertEqual(self.ws.index().code, 0)
        self.assertEqual(self.ws.index("--schema", plus, db=plus_db).code, 0)

        def scores(db):
            r = self.ws.newsdex("search", "--format", "json", "quokka", db=db)
            self.assertEqual(r.code, 0, r)
            return {h["id"]: h["score"] for h in r.json()["results"]}

        bm25, bm25plus = scores(self.ws.db), scores(plus_db)
        self.assertEqual(set(bm25), {"short.txt", "long.txt"})
        self.assertEqual(set(bm25plus), {"short.txt", "long.txt"})
        self.assertGreater(bm25plus["long.txt"], bm25["long.txt"])


if __name__ == "__main__":
    harness.main()
