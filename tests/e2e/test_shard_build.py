"""A first build of many files goes through shards merged by compaction.

With `--shard-size 7` and 1,300 articles, two workers write about 186 shards, which are
merged in rounds of 64: the result must hold every article once, search exactly like a
build through the single writer (`--workers 1`), pass xapian-check, and leave no work
folder behind.
"""

import os
import shutil
import subprocess
import unittest

import harness
from harness import Workspace

ARTICLES = 1300
SECTIONS = ["business", "politics", "sport", "tech"]


def write_articles(ws):
    for i in range(ARTICLES):
        section = SECTIONS[i % len(SECTIONS)]
        title = "Report number %d on the %s desk" % (i, section)
        body = ("Common words appear in every report. The marker token uniq%dx is only "
                "here. Analysts said growth was %s this quarter.\n" % (i, "strong" if i % 2 else "weak"))
        ws.write("%s/%05d.txt" % (section, i), title + "\n\n" + body)


class ShardBuildTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ws = Workspace(copy_corpus=False)
        write_articles(cls.ws)
        cls.sharded_db = os.path.join(cls.ws.root, "sharded.db")
        cls.single_db = os.path.join(cls.ws.root, "single.db")
        cls.sharded = cls.ws.index("--workers", "2", "--shard-size", "7", db=cls.sharded_db)
        cls.single = cls.ws.index("--workers", "1", db=cls.single_db)

    @classmethod
    def tearDownClass(cls):
        cls.ws.cleanup()

    def test_every_article_once(self):
        for r in (self.sharded, self.single):
            self.assertEqual(r.code, 0, r)
            self.assertEqual(harness.parse_summary(r.out)["added"], ARTICLES, r)
        r = self.ws.newsdex("stats", "--format", "json", db=self.sharded_db)
        self.assertEqual(r.json()["documents"], ARTICLES)
        r = self.ws.newsdex("count", "common", db=self.sharded_db)
        self.assertEqual(r.out.strip(), str(ARTICLES), r)

    def test_searches_equal_the_single_writer_build(self):
        # Under 1,000 matches each, so that the id sets are whole (search_json's limit).
        for query in (["growth", "strong"], ["uniq17x"], ["uniq1299x"], ['"analysts said"', "weak"],
                      ["desk", "--filter", "section:sport"]):
            sharded = self.ws.ids(*query, db=self.sharded_db)
            single = self.ws.ids(*query, db=self.single_db)
            self.assertTrue(sharded, query)
            self.assertEqual(sharded, single, query)
        for query in ('"every report"', "report"):
            counts = [self.ws.newsdex("count", query, db=db).out for db in (self.sharded_db, self.single_db)]
            self.assertEqual(counts, [str(ARTICLES) + "\n"] * 2, query)
        self.assertEqual(self.ws.ids("uniq17x", db=self.sharded_db), {"politics/00017.txt"})

    def test_no_work_folder_left_and_rerun_changes_nothing(self):
        self.assertFalse(os.path.exists(self.sharded_db + ".newsdexd-build"))
        r = self.ws.index("--workers", "2", "--shard-size", "7", db=self.sharded_db)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(harness.parse_summary(r.out)["unchanged"], ARTICLES, r)

    @unittest.skipUnless(shutil.which("xapian-check"), "xapian-check not installed")
    def test_xapian_check_passes(self):
        p = subprocess.run(["xapian-check", self.sharded_db], capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)

    def test_shard_size_must_be_positive(self):
        r = self.ws.index("--shard-size", "0", db=os.path.join(self.ws.root, "x.db"))
        self.assertEqual(r.code, 2, r)
        self.assertEqual(r.out, "")


if __name__ == "__main__":
    harness.main()
