"""Did you mean (issue 16, point 3) as the corpus changes: newsdexd keeps Xapian's
spelling dictionary in step with the articles, so a word gone from every article is
no longer suggested, and a word added is. A word is suggested once two articles hold
it (indexer/spelling_data.h): one article's word alone is as often a slip."""

import os
import unittest

import harness


class SpellingDataTest(unittest.TestCase):
    def setUp(self):
        harness.test_workspace(self, copy_corpus=False)
        for i in range(3):
            self.ws.write("air/%d.txt" % i, "Zeppelin flight %d\n\nThe zeppelin landed.\n" % i)
        self.ws.write("sea/boat.txt", "Boat\n\nA boat sailed past the harbour.\n")
        self.ws.write("sea/ship.txt", "Ship\n\nA ship left the harbour by the lighthouse.\n")
        self.ws.write("sea/log.txt", "Log\n\nThe crew saw a cormorant.\n")
        self.assertEqual(self.ws.index("--no-entities").code, 0)

    def suggestion(self, *query):
        r = self.ws.newsdex("search", "--format", "json", *query)
        self.assertIn(r.code, (0, 1), r)
        return r.json()["suggestion"] if r.out else None

    def test_suggestions_follow_the_corpus(self):
        self.assertEqual(self.suggestion("zepelin"), "zeppelin")
        self.assertEqual(self.suggestion("harbor"), "harbour")
        # One article's word: not in the dictionary, until a second article has it.
        self.assertIsNone(self.suggestion("lighthose"))
        self.assertIsNone(self.suggestion("cormorrant"))
        for i in range(3):
            os.remove(self.ws.path("air/%d.txt" % i))
        self.ws.write("sea/boat.txt", "Boat\n\nA boat sailed past the lighthouse.\n")
        self.assertEqual(self.ws.index("--no-entities").code, 0)
        self.assertIsNone(self.suggestion("zepelin"))
        self.assertIsNone(self.suggestion("harbor"))  # one article holds it now
        self.assertEqual(self.suggestion("lighthose"), "lighthouse")

    def test_words_found_and_short_words_get_none(self):
        self.assertIsNone(self.suggestion("zeppelin"))
        self.assertIsNone(self.suggestion("bo"))  # under three letters: never corrected
        self.assertIsNone(self.suggestion("1987"))


if __name__ == "__main__":
    harness.main()
