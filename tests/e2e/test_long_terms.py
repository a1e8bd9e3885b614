"""Every term fits Xapian's limit: a file name longer than a term may be, a folder 200
levels deep and a name of 60 words in an article's text each index like any other
file, in a plain reconcile, in the parallel first build and in watch mode, and the
long-named document is still found by show, similar, --since-rev and deletion."""

import os
import unittest

import harness
from daemon_harness import Daemon, article, wait_count

LONG_NAME = "folder-" + "x" * 120 + "/" + "y" * 90 + "é" * 40 + ".txt"  # 302 bytes: over 245
DEEP = "/".join(["d"] * 200) + "/deep.txt"
LONG_PERSON = "Prime minister Paul " + "Smith " * 60 + "spoke on Monday."


def write_hostile_names(ws):
    ws.write(LONG_NAME, article("Long name article", "The zyxlongname word, about zyxshared."))
    ws.write(DEEP, article("Deep article", "The zyxdeepword word, about zyxshared."))
    ws.write("world/long-person.txt", article("Long person", LONG_PERSON + " zyxlongperson"))


class LongTermsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        ws = harness.class_workspace(cls)
        write_hostile_names(ws)
        cls.result = ws.index()

    def test_every_file_indexed(self):
        r = self.result
        self.assertEqual(r.code, 0, r)
        summary = harness.parse_summary(r.out)
        self.assertEqual(summary["failed"], 0, r)
        self.assertEqual(summary["added"], len(harness.corpus_files()) + 3, r)
        self.assertFalse(os.path.exists(self.ws.db + ".newsdexd-build"))

    def test_each_found_by_its_words(self):
        self.assertEqual(self.ws.ids("zyxlongname"), {LONG_NAME})
        self.assertEqual(self.ws.ids("zyxdeepword"), {DEEP})
        self.assertEqual(self.ws.ids("zyxlongperson"), {"world/long-person.txt"})

    def test_show_and_similar_find_the_long_name(self):
        r = self.ws.newsdex("show", LONG_NAME, "--format", "json")
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.json()["id"], LONG_NAME)
        r = self.ws.newsdex("show", self.ws.path(LONG_NAME), "--format", "json")
        self.assertEqual(r.code, 0, r)
        r = self.ws.newsdex("similar", LONG_NAME, "--format", "paths")
        self.assertEqual(r.code, 0, r)
        self.assertIn(self.ws.path(DEEP), r.lines())
        self.assertNotIn(self.ws.path(LONG_NAME), r.lines())

    def test_long_person_is_a_facet_and_a_filter(self):
        r = self.ws.newsdex("facets", "person", "zyxlongperson", "--format", "tsv")
        self.assertEqual(r.code, 0, r)
        names = [line.split("\t")[1] for line in r.lines()]
        long_names = [n for n in names if n.startswith("Paul Smith Smith")]
        self.assertEqual(len(long_names), 1, r)
        self.assertEqual(self.ws.count("--filter", "person:" + long_names[0]), 1)
        self.assertEqual(self.ws.count('person:"%s"' % long_names[0]), 1)


class LongTermsShardBuildTest(unittest.TestCase):
    """The parallel first build (1,000 files or more) takes the same names."""

    def test_shard_build_indexes_them(self):
        ws = harness.test_workspace(self, copy_corpus=False)
        for i in range(1000):
            ws.write("bulk/%04d.txt" % i, article("Bulk %d" % i, "zyxbulk filler text."))
        write_hostile_names(ws)
        r = ws.index("--workers", "2", "--no-entities", "--verbose")
        self.assertEqual(r.code, 0, r)
        self.assertIn("shards", r.err)  # the parallel build ran
        self.assertEqual(harness.parse_summary(r.out)["added"], 1003, r)
        self.assertEqual(ws.ids("zyxshared"), {LONG_NAME, DEEP})
        # A later run knows the long id: nothing is re-added or removed.
        r = ws.index("--no-entities")
        self.assertEqual(harness.parse_summary(r.out)["unchanged"], 1003, r)


class LongTermsRemovalTest(unittest.TestCase):
    def test_removed_and_changed_in_a_reconcile(self):
        ws = harness.test_workspace(self, copy_corpus=False)
        write_hostile_names(ws)
        self.assertEqual(ws.index("--no-entities").code, 0)
        rev = int(ws.newsdex("stats", "--format", "json").json()["revision"])
        ws.write(LONG_NAME, article("Long name article", "Now zyxchanged."))
        r = ws.index("--no-entities")
        self.assertEqual(harness.parse_summary(r.out)["updated"], 1, r)
        r = ws.newsdex("search", "--since-rev", str(rev), "--format", "paths")
        self.assertEqual(r.lines(), [ws.path(LONG_NAME)], r)
        os.remove(ws.path(LONG_NAME))
        r = ws.index("--no-entities")
        self.assertEqual(harness.parse_summary(r.out)["removed"], 1, r)
        self.assertEqual(ws.ids("zyxchanged"), set())

    def test_watch_mode_adds_and_removes(self):
        ws = harness.test_workspace(self, copy_corpus=False)
        ws.write("seed.txt", article("Seed", "seed text"))
        daemon = Daemon(ws, "--no-entities")
        self.addCleanup(daemon.cleanup)
        daemon.start()
        write_hostile_names(ws)
        wait_count(ws, "zyxshared", 2)
        wait_count(ws, "zyxlongperson", 1)
        os.remove(ws.path(LONG_NAME))
        wait_count(ws, "zyxshared", 1)
        # The whole deep folder goes at once: its id is found under the folder's prefix.
        import shutil
        shutil.rmtree(ws.path("d"))
        wait_count(ws, "zyxshared", 0)
        self.assertTrue(daemon.running(), daemon.stderr())


if __name__ == "__main__":
    harness.main()
