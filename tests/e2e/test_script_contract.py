"""The script contract, versioned (issue #17 point 5): format_version in every JSON
object and --format-version N (exit 20 too old, 21 too new, notmuch's codes); json
prints a whole object when nothing matches (exit 1 still); -0 and --header outside
their formats are usage errors; flags before the query work; a mistyped command or
flag names the closest one (exit 2)."""

import json
import unittest

import harness

USAGE = 2


class ScriptContractTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.indexed = harness.sample_workspace(cls)

    def assert_usage_error(self, r, *words):
        self.assertEqual(r.code, USAGE, r)
        self.assertEqual(r.out, "", r)
        self.assertEqual(len(r.err.splitlines()), 1, r)
        self.assertTrue(r.err.startswith("newsdex: "), r)
        for w in words:
            self.assertIn(w, r.err, r)

    def test_the_sample_indexed(self):
        self.assertEqual(self.indexed.code, 0, self.indexed)

    # --- format_version -----------------------------------------------------------------

    def test_every_json_object_carries_format_version(self):
        doc = harness.SAMPLE_ARTICLES[0]
        commands = [["search", "trump"], ["count", "trump"],
                    ["facets", "place"], ["show", doc], ["stats"], ["graph", "trump"]]
        for args in commands:
            for fmt in ("json", "jsonl"):
                r = self.ws.newsdex(*args, "--format", fmt)
                if r.code == USAGE and "--format" in r.err:
                    continue  # a format the command does not offer
                with self.subTest(args=args, fmt=fmt):
                    self.assertEqual(r.code, 0, r)
                    lines = r.lines()
                    self.assertTrue(lines, r)
                    for line in lines:
                        obj = json.loads(line)
                        self.assertEqual(list(obj)[0], "format_version", line)
                        self.assertEqual(obj["format_version"], 1, line)

    def test_format_version_asked_for(self):
        r = self.ws.newsdex("count", "trump", "--format", "json", "--format-version", "1")
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.json(), {"format_version": 1, "count": 3})
        for version, code, word in (("0", 20, "too old"), ("-3", 20, "too old"),
                                    ("2", 21, "too new"), ("99", 21, "too new")):
            for args in (["count", "trump"], ["search", "trump", "--format", "json"]):
                with self.subTest(version=version, args=args):
                    r = self.ws.newsdex(*args, "--format-version", version)
                    self.assertEqual(r.code, code, r)
                    self.assertEqual(r.out, "", r)
                    self.assertIn(word, r.err)
                    self.assertEqual(len(r.err.splitlines()), 1, r)
        self.assert_usage_error(self.ws.newsdex("count", "x", "--format-version", "one"))

    def test_help_and_version_name_the_codes(self):
        r = harness.run([harness.binary("newsdex"), "--help"])
        self.assertEqual(r.code, 0, r)
        self.assertIn("20", r.out)
        self.assertIn("21", r.out)
        r = harness.run([harness.binary("newsdex"), "--version"])
        self.assertIn("JSON format version 1", r.out)
        r = harness.run([harness.binary("newsdex"), "search", "--help"])
        self.assertIn("--format-version", r.out)

    # --- no match -----------------------------------------------------------------------

    def test_json_prints_a_whole_object_when_nothing_matches(self):
        r = self.ws.newsdex("search", "zzqxjv", "--format", "json", "--facet", "person,month")
        self.assertEqual(r.code, 1, r)
        j = r.json()
        self.assertEqual(j["total"], 0)
        self.assertEqual(j["results"], [])
        self.assertEqual(j["offset"], 0)
        self.assertEqual(j["query"], "zzqxjv")
        self.assertEqual(j["facets"], {"person": [], "month": []})
        self.assertEqual(j["format_version"], 1)
        # Two articles that share no word: nothing is like the first.
        alone = harness.Workspace(copy_corpus=False)
        self.addCleanup(alone.cleanup)
        alone.write("a.txt", "Zqalpha zqbravo\n\nZqcharlie zqdelta zqecho.\n")
        alone.write("b.txt", "Zqfoxtrot zqgolf\n\nZqhotel zqindia zqjuliet.\n")
        self.assertEqual(alone.index("--no-entities").code, 0)
        r = alone.newsdex("similar", "a.txt", "--format", "json")
        self.assertEqual(r.code, 1, r)
        self.assertEqual((r.json()["total"], r.json()["results"]), (0, []))
        r = self.ws.newsdex("facets", "person", "zzqxjv", "--format", "json")
        self.assertEqual(r.code, 1, r)
        self.assertEqual(r.json(), {"format_version": 1, "field": "person", "matches": 0,
                                    "counts": "articles", "values": []})
        r = self.ws.newsdex("graph", "zzqxjv", "--format", "json")
        self.assertEqual(r.code, 1, r)
        self.assertEqual((r.json()["matches"], r.json()["nodes"]), (0, []))

    def test_other_formats_stay_empty_when_nothing_matches(self):
        for args in (["search", "zzqxjv"], ["search", "zzqxjv", "--format", "jsonl"],
                     ["search", "zzqxjv", "--format", "tsv", "--header"],
                     ["search", "zzqxjv", "--format", "paths"], ["facets", "person", "zzqxjv"],
                     ["facets", "person", "zzqxjv", "--format", "tsv"],
                     ["graph", "zzqxjv"], ["graph", "zzqxjv", "--format", "text"]):
            with self.subTest(args=args):
                r = self.ws.newsdex(*args)
                self.assertEqual((r.code, r.out, r.err), (1, "", ""), r)

    # --- flags of one format --------------------------------------------------------------

    def test_null_and_header_outside_their_format_are_usage_errors(self):
        for fmt in ("text", "json", "jsonl", "tsv"):
            with self.subTest(fmt=fmt):
                self.assert_usage_error(
                    self.ws.newsdex("search", "trump", "--format", fmt, "-0"), "-0", "paths")
        self.assert_usage_error(self.ws.newsdex("search", "trump", "-0"), "-0")
        self.assert_usage_error(self.ws.newsdex("facets", "place", "--format", "json", "-0"))
        # Commands without a paths format: -0 is no query word there either.
        for args in (["count", "trade", "-0"], ["stats", "-0"], ["graph", "-0", "trade"]):
            with self.subTest(args=args):
                self.assert_usage_error(self.ws.newsdex(*args), "-0", "paths")
        r = self.ws.newsdex("count", "--", "-0")  # after --, a query word
        self.assertIn(r.code, (0, 1), r)
        self.assert_usage_error(
            self.ws.newsdex("search", "trump", "--format", "json", "--header"), "--header")
        r = self.ws.newsdex("search", "trump", "--format", "paths", "-0", raw=True)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.out.count(b"\0"), 3)
        r = self.ws.newsdex("search", "trump", "--format", "tsv", "--header")
        self.assertEqual((r.code, r.lines()[0]), (0, "rank\tscore\tdate\tpath\ttitle"), r)

    # --- flags before the query -------------------------------------------------------------

    def test_flags_before_the_query(self):
        expected = self.ws.count("trump", "--filter", "place:us")
        self.assertGreater(expected, 0)
        r = self.ws.newsdex("count", "--filter", "place:us", "trump")
        self.assertEqual((r.code, r.out), (0, "%d\n" % expected), r)
        both = self.ws.count("trump", "--filter", "place:us", "--filter", "year:2018")
        r = self.ws.newsdex("count", "--filter", "place:us", "--filter", "year:2018", "trump")
        self.assertEqual(r.out, "%d\n" % both, r)
        r = self.ws.newsdex("search", "--facet", "person", "trump", "--format", "json")
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.json()["query"], "trump")
        self.assertIn("person", r.json()["facets"])
        r = self.ws.newsdex("search", "--facet", "person,place", "--facet", "org", "trump",
                            "--format", "json")
        self.assertEqual(sorted(r.json()["facets"]), ["org", "person", "place"], r)
        r = self.ws.newsdex("facets", "person", "--filter", "place:us", "trump",
                            "--format", "json")
        self.assertEqual(r.code, 0, r)
        self.assertGreater(r.json()["matches"], 0)

    # --- did you mean -------------------------------------------------------------------

    def test_mistyped_command_names_the_closest(self):
        for typed, meant in (("serch", "search"), ("cuont", "count"), ("facet", "facets"),
                             ("stauts", "status"), ("grpah", "graph"), ("similr", "similar")):
            with self.subTest(typed=typed):
                r = harness.run([harness.binary("newsdex"), typed, "trade", "--db", self.ws.db])
                self.assert_usage_error(r)
                self.assertEqual(r.err, "newsdex: unknown command '%s'; did you mean '%s'?\n"
                                 % (typed, meant))

    def test_unknown_command_without_a_close_one_lists_the_commands(self):
        r = harness.run([harness.binary("newsdex"), "frobnicate", "--db", self.ws.db])
        self.assert_usage_error(r, "unknown command 'frobnicate'", "search", "graph")
        self.assertNotIn("did you mean", r.err)

    def test_mistyped_flag_names_the_closest(self):
        for args, typed, meant in (
                (["search", "trade", "--limt", "3"], "--limt", "--limit"),
                (["search", "trade", "--fromat", "json"], "--fromat", "--format"),
                (["count", "--filtr", "place:us", "trade"], "--filtr", "--filter"),
                (["facets", "person", "--significnt", "trade"], "--significnt", "--significant"),
                (["graph", "trade", "--min-cout", "1"], "--min-cout", "--min-count"),
                (["search", "trade", "--limt=3"], "--limt", "--limit")):
            with self.subTest(args=args):
                r = self.ws.newsdex(*args)
                self.assert_usage_error(r, "unknown flag '%s'" % typed,
                                        "did you mean %s?" % meant)

    def test_newsdexd_names_the_closest_flag_too(self):
        for typed, meant in (("--corpsu", "--corpus"), ("--workres", "--workers"),
                             ("--no-entites", "--no-entities")):
            with self.subTest(typed=typed):
                r = harness.run([harness.binary("newsdexd"), "--once", typed, "x"])
                self.assertEqual((r.code, r.out), (2, ""), r)
                self.assertEqual(r.err, "newsdexd: unknown flag '%s'; did you mean %s?\n"
                                 % (typed, meant))
        r = harness.run([harness.binary("newsdexd"), "--once", "--frobnicate-all"])
        self.assertEqual(r.code, 2, r)
        self.assertNotIn("did you mean", r.err)

    def test_no_command_or_an_unknown_flag_before_it(self):
        r = harness.run([harness.binary("newsdex")])
        self.assert_usage_error(r, "a command is required", "search", "graph")
        r = harness.run([harness.binary("newsdex"), "--versoin"])
        self.assert_usage_error(r, "unknown flag '--versoin'; did you mean --version?")
        r = harness.run([harness.binary("newsdex"), "--db", self.ws.db, "search", "trade"])
        self.assert_usage_error(r, "unknown flag '--db'")

    def test_unknown_flag_without_a_close_one(self):
        r = self.ws.newsdex("search", "trade", "--xyzzy-plugh")
        self.assert_usage_error(r, "--xyzzy-plugh")
        self.assertNotIn("did you mean", r.err)
        # A short flag is one letter: no letter is "close" to another (-0 is not -h).
        r = self.ws.newsdex("count", "trade", "-z")
        self.assert_usage_error(r, "unknown flag '-z' for count")
        self.assertNotIn("did you mean", r.err)


if __name__ == "__main__":
    harness.main()
