"""No query string crashes newsdex or leaks (issue #12): whatever the words, a command
gives results (exit 0), no match (1) or one line on stderr with exit 2 and nothing on
stdout, never a signal. A field value the field cannot take (day:x) is reported after
Xapian's parser returns: an exception thrown through it corrupted its clean-up
(free(): invalid pointer, SIGABRT; a leak under LeakSanitizer). Run under the ASan
build too, where a leak or a bad free makes the process fail."""

import os
import unittest

import harness

# The strings of the issue, then others of the same families and the parser's corners.
CRASHERS = ["-day:x", "+day:x day:", "-month:x month:", "-year:20x", "month:2004-}12"]
HOSTILE = [
    "day:x", "year:", "year:x year:y", "-year:x -month:y -day:z", "NOT day:x",
    "trump AND -month:13", "(day:x OR person:Trump)", "\"trade day:x\"", "place:US -day:2018",
    "month:2018-13", "day:2018-02-30", "year:99999", "+year:2018 +year:x",
    "date:2018..", "date:x..y", "date:..", "date:2018-04-01..2018-04-30 -day:x",
    "person:", "title:", "org:\"", "source:\"\"", "((((", "))))", "\"", "\"\"\"", "*", "-",
    "+", "a* b* c* d*", "NEAR", "NEAR/99999999999", "trump NEAR/0 putin", "ADJ/-1",
    "AND OR NOT XOR", "- + - +", ":", "::::", "day::", "-day:-", "\\", "month:}{",
    "year:2018..2019", "trump " * 200, "x:" * 100, "-day:x " * 50, "caf\u00e9 \u2603 \U0001F600",
    "\u202e", "\x1b[31mred",
    # Bytes that are not UTF-8 (subprocess passes them on as they are).
    os.fsdecode(b"\xff\xfe"), os.fsdecode(b"day:\xff"), os.fsdecode(b"-person:\xc3 trump"),
]


class HostileQueriesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.indexed = harness.sample_workspace(cls)

    def assert_clean_outcome(self, r):
        """Exit 0 or 1, or a one-line usage error with stdout empty; no signal, no
        sanitizer report."""
        self.assertGreaterEqual(r.code, 0, "killed by a signal: %r" % r)
        self.assertIn(r.code, (0, 1, 2), r)
        self.assertNotIn("Sanitizer", r.err, r)
        self.assertNotIn("free()", r.err, r)
        if r.code == 2:
            self.assertEqual(r.out, "", r)
            self.assertEqual(len(r.err.splitlines()), 1, r)
            self.assertTrue(r.err.startswith("newsdex: "), r)
        else:
            # Only the notes of a relaxed query and of a spelling suggestion (issue 16).
            for line in r.err.splitlines():
                self.assertRegex(line, r"^newsdex: (no article has every word|too few articles "
                                 r"have every word|no match; did you mean: )", r)

    def test_the_corpus_indexed(self):
        self.assertEqual(self.indexed.code, 0, self.indexed)

    def test_issue_queries_are_usage_errors(self):
        for query in CRASHERS:
            for cmd in (["count"], ["search"], ["facets", "person"]):
                with self.subTest(query=query, cmd=cmd):
                    r = self.ws.newsdex(*cmd, "--", query)
                    self.assert_clean_outcome(r)
                    self.assertEqual(r.code, 2, r)
                    self.assertRegex(r.err, r"malformed (day|month|year)")

    def test_hostile_queries_never_crash(self):
        for query in HOSTILE:
            for cmd in (["count"], ["search", "--facet", "person,month"], ["facets", "place"]):
                with self.subTest(query=query, cmd=cmd):
                    self.assert_clean_outcome(self.ws.newsdex(*cmd, "--", query))

    def test_search_works_after_a_bad_value_in_the_same_words(self):
        # The bad value is reported, not silently matched against nothing.
        r = self.ws.newsdex("count", "--", "trump -day:x")
        self.assertEqual(r.code, 2, r)
        self.assertIn("'x'", r.err)
        # And good values of the same fields still work.
        self.assertEqual(self.ws.count("trump", "year:2018"), 2)
        self.assertEqual(self.ws.count("--", "trump -month:2018-07"), 2)

    def test_bad_filter_values_are_usage_errors(self):
        for spec in ("day:x", "month:2004-}12", "year:20x", "nosuchfield:x"):
            with self.subTest(filter=spec):
                r = self.ws.newsdex("count", "trump", "--filter", spec)
                self.assert_clean_outcome(r)
                self.assertEqual(r.code, 2, r)


if __name__ == "__main__":
    harness.main()
