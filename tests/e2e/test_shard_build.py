"""A first build of many files goes through shards merged by compaction.

With `--shard-size 7` and 1,300 articles, two workers write about 186 shards, which are
merged in one round, or in several when the limit on open files is low: the result must
hold every article once, search exactly like a build through the single writer
(`--workers 1`), pass xapian-check, and leave no work folder behind.
"""

import os
import re
import resource
import shutil
import subprocess
import unittest

import harness

ARTICLES = 1300
SECTIONS = ["business", "politics", "sport", "tech"]


def limit_open_files(n):
    def apply():
        resource.setrlimit(resource.RLIMIT_NOFILE, (n, n))
    return apply


def merges(stderr):
    """(shards in, shards out) of each merge round newsdexd --verbose reported."""
    return [(int(a), int(b)) for a, b in re.findall(r"merged (\d+) shards into (\d+) in ", stderr)]


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
        harness.class_workspace(cls, copy_corpus=False)
        write_articles(cls.ws)
        cls.sharded_db = os.path.join(cls.ws.root, "sharded.db")
        cls.rounds_db = os.path.join(cls.ws.root, "rounds.db")
        cls.single_db = os.path.join(cls.ws.root, "single.db")
        cls.sharded = cls.ws.index("--workers", "2", "--shard-size", "7", "--verbose",
                                   db=cls.sharded_db)
        # A compaction holds four table files of each shard open: with 200 open files,
        # 186 shards cannot be merged in one.
        cls.rounds = cls.ws.index("--workers", "2", "--shard-size", "7", "--verbose",
                                  db=cls.rounds_db, preexec_fn=limit_open_files(200))
        cls.single = cls.ws.index("--workers", "1", db=cls.single_db)

    def test_every_article_once(self):
        for r in (self.sharded, self.rounds, self.single):
            self.assertEqual(r.code, 0, r)
            self.assertEqual(harness.parse_summary(r.out)["added"], ARTICLES, r)
        for db in (self.sharded_db, self.rounds_db):
            r = self.ws.newsdex("stats", "--format", "json", db=db)
            self.assertEqual(r.json()["documents"], ARTICLES)
            r = self.ws.newsdex("count", "--no-collapse", "common", db=db)
            self.assertEqual(r.out.strip(), str(ARTICLES), r)

    def shards_written(self, r):
        # How the files fall between the workers decides how many shards are part-full.
        written = re.search(r"analysed %d files into (\d+) shards in " % ARTICLES, r.err)
        self.assertTrue(written, r)
        shards = int(written.group(1))
        self.assertGreaterEqual(shards, ARTICLES // 7, r)
        self.assertLessEqual(shards, ARTICLES // 7 + 2, r)
        return shards

    def test_merge_rounds(self):
        # Enough open files: all shards in one compaction.
        self.assertEqual(merges(self.sharded.err), [(self.shards_written(self.sharded), 1)],
                         self.sharded)
        # Few open files: rounds of at most 50 shards, each round's output the next
        # one's input.
        rounds = merges(self.rounds.err)
        self.assertGreaterEqual(len(rounds), 2, self.rounds)
        self.assertEqual(rounds[0][0], self.shards_written(self.rounds), self.rounds)
        self.assertEqual(rounds[-1][1], 1, self.rounds)
        for (_, out), (inp, _) in zip(rounds, rounds[1:]):
            self.assertEqual(out, inp, self.rounds)
        for inp, out in rounds:
            self.assertLessEqual(-(-inp // out), 200 // 4, self.rounds)

    def test_searches_equal_the_single_writer_build(self):
        # Under 1,000 matches each, so that the id sets are whole (search_json's limit).
        for db in (self.sharded_db, self.rounds_db):
            for query in (["growth", "strong"], ["uniq17x"], ["uniq1299x"],
                          ['"analysts said"', "weak"], ["desk", "--filter", "section:sport"]):
                sharded = self.ws.ids(*query, db=db)
                single = self.ws.ids(*query, db=self.single_db)
                self.assertTrue(sharded, query)
                self.assertEqual(sharded, single, query)
            for query in ('"every report"', "report"):
                counts = [self.ws.newsdex("count", "--no-collapse", query, db=d).out
                          for d in (db, self.single_db)]
                self.assertEqual(counts, [str(ARTICLES) + "\n"] * 2, query)
                # The same stories (the reports are templated: many are one story).
                stories = [self.ws.newsdex("count", query, db=d).out for d in (db, self.single_db)]
                self.assertEqual(stories[0], stories[1], query)
            self.assertEqual(self.ws.ids("uniq17x", db=db), {"politics/00017.txt"})

    def test_no_work_folder_left_and_rerun_changes_nothing(self):
        self.assertFalse(os.path.exists(self.sharded_db + ".newsdexd-build"))
        r = self.ws.index("--workers", "2", "--shard-size", "7", db=self.sharded_db)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(harness.parse_summary(r.out)["unchanged"], ARTICLES, r)

    @unittest.skipUnless(shutil.which("xapian-check"), "xapian-check not installed")
    def test_xapian_check_passes(self):
        for db in (self.sharded_db, self.rounds_db):
            p = subprocess.run(["xapian-check", db], capture_output=True, text=True)
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)

    def test_shard_size_must_be_positive(self):
        r = self.ws.index("--shard-size", "0", db=os.path.join(self.ws.root, "x.db"))
        self.assertEqual(r.code, 2, r)
        self.assertEqual(r.out, "")


if __name__ == "__main__":
    harness.main()
