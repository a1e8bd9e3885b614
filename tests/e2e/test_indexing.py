"""newsdexd --once: the summary line, exit codes, and files that cannot be indexed.

The shipped corpus (with its empty file and its 4 MB record) indexes cleanly; a corpus
with a binary file, an unreadable file and a file of invalid UTF-8 still indexes every
other file, reports the bad ones on stderr by path and exits 1.
"""

import os
import unittest

import harness
from harness import IndexedCorpusTest

EMPTY = "politics/empty.txt"
BIG = "politics/2019-03-29-commons-brexit-debates-record.txt"
KREMLIN = "world/kremlin-tweet-diplomacy.txt"


class ShippedCorpusTest(IndexedCorpusTest):
    def test_exit_0_and_one_summary_line(self):
        r = self.first_index
        # The shipped corpus has nothing that fails: `newsdexd --once && newsdex ...` works.
        self.assertEqual(r.code, 0, r)
        self.assertEqual(len(r.lines()), 1, r)
        summary = harness.parse_summary(r.out)
        self.assertIsNotNone(summary, r)
        self.assertEqual(summary["failed"], 0)
        self.assertEqual(summary["updated"], 0)
        self.assertEqual(summary["removed"], 0)
        self.assertEqual(summary["unchanged"], 0)
        self.assertEqual(summary["added"], len(harness.corpus_files()))

    def test_stats_documents_equal_files_indexed(self):
        summary = harness.parse_summary(self.first_index.out)
        r = self.ws.newsdex("stats", "--format", "json")
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.json()["documents"], summary["added"])

    def test_empty_file_reported_by_path_and_not_indexed(self):
        # Reported as a warning, not a failure (exit 0 above), and not a document.
        self.assertIn(self.ws.path(EMPTY) + ": empty file", self.first_index.err)
        r = self.ws.newsdex("show", EMPTY)
        self.assertEqual(r.code, 1, r)

    def test_every_article_is_searchable_by_its_title(self):
        r = self.ws.newsdex("search", "--format", "json", "--limit", "1000", "--no-snippet")
        self.assertEqual(r.code, 0, r)
        ids = {h["id"] for h in r.json()["results"]}
        articles = [f for f in harness.corpus_files() if f != EMPTY]
        self.assertTrue(set(articles) <= ids, set(articles) - ids)

    def test_big_file_indexed_whole(self):
        r = self.ws.newsdex("search", "thistlequorum", "--format", "paths")
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.lines(), [self.ws.path(BIG)])

    def test_seed_article_mac_roman_dateline(self):
        # The seed's dateline is followed by "¬†" (a no-break space read as Mac Roman):
        # repaired, the dateline still gives the place and the source.
        self.assertIn("–¬†Moscow", harness.corpus_text(KREMLIN))
        r = self.ws.newsdex("show", KREMLIN, "--format", "json")
        self.assertEqual(r.code, 0, r)
        doc = r.json()
        self.assertEqual(doc["source"], "OBSERVATORY")
        self.assertEqual(doc["place"], "United States")
        self.assertNotIn("¬†", doc["body"])
        self.assertIn("–\u00a0Moscow", doc["body"])
        self.assertEqual(self.ws.ids("tweet", "diplomacy", "--filter", "source:OBSERVATORY"),
                         {KREMLIN})

    def test_rerun_with_nothing_changed_reports_0_changes(self):
        r = self.ws.index()
        self.assertEqual(r.code, 0, r)
        summary = harness.parse_summary(r.out)
        self.assertIsNotNone(summary, r)
        self.assertEqual(summary, {"added": 0, "updated": 0, "removed": 0,
                                   "unchanged": len(harness.corpus_files()), "failed": 0})
        stats = self.ws.newsdex("stats", "--format", "json").json()
        self.assertEqual(stats["documents"], len(harness.corpus_files()))

    def test_unknown_flag_is_a_usage_error(self):
        r = harness.run([harness.binary("newsdexd"), "--once", "--no-such-flag"])
        self.assertEqual(r.code, 2, r)
        self.assertEqual(r.out, "")
        self.assertTrue(r.err.startswith("newsdexd: "), r.err)

    def test_missing_corpus_is_a_usage_error_and_creates_nothing(self):
        db = os.path.join(self.ws.root, "never-created.db")
        r = self.ws.index(corpus=os.path.join(self.ws.root, "no-such-corpus"), db=db)
        self.assertEqual(r.code, 2, r)
        self.assertEqual(r.out, "")
        self.assertIn("no-such-corpus", r.err)
        self.assertFalse(os.path.exists(db))


class BadFilesTest(unittest.TestCase):
    """A binary file, an unreadable file and invalid UTF-8 next to the good articles."""

    JUNK = "world/junk-binary.txt"
    UNREADABLE = "sport/unreadable.txt"
    INVALID = "business/invalid-utf8.txt"

    @classmethod
    def setUpClass(cls):
        ws = harness.class_workspace(cls)
        ws.write(cls.JUNK, bytes(range(256)) * 64)
        ws.write(cls.UNREADABLE, "Unreadable article\n\nwith a word zyxunreadable.\n")
        os.chmod(ws.path(cls.UNREADABLE), 0)
        ws.write(cls.INVALID, b"Invalid bytes \xff\xfe in a title\n\n"
                              b"The word quixbadbyte sits next to \xc3\x28 a broken pair.\n")
        preexec, newsdexd, schema_args = None, None, ()
        if os.geteuid() == 0:
            # Root reads any file: index as nobody so that chmod 000 means unreadable.
            os.chmod(ws.root, 0o777)
            for dirpath, dirnames, filenames in os.walk(ws.corpus):
                os.chmod(dirpath, 0o755)
                for name in filenames:
                    full = os.path.join(dirpath, name)
                    if full != ws.path(cls.UNREADABLE):
                        os.chmod(full, 0o644)
            preexec = harness.drop_to_nobody
            newsdexd, schema = ws.runnable_by_anyone("newsdexd")
            schema_args = ("--schema", schema)
        cls.result = ws.index("--workers", "2", "--no-entities", *schema_args, newsdexd=newsdexd,
                              preexec_fn=preexec)

    def test_exit_1_and_summary_counts_the_failures(self):
        r = self.result
        self.assertEqual(r.code, 1, r)
        summary = harness.parse_summary(r.out)
        self.assertIsNotNone(summary, r)
        self.assertEqual(summary["failed"], 2)
        # Every other file, the invalid UTF-8 one included, is indexed.
        self.assertEqual(summary["added"], len(harness.corpus_files()) + 1)

    def test_binary_and_unreadable_files_reported_by_path(self):
        err = self.result.err
        for rel in (self.JUNK, self.UNREADABLE):
            with self.subTest(rel=rel):
                lines = [l for l in err.splitlines() if self.ws.path(rel) in l]
                self.assertEqual(len(lines), 1, err)
                self.assertTrue(lines[0].startswith("newsdexd: "), lines[0])
        self.assertIn("binary", [l for l in err.splitlines() if self.JUNK in l][0])

    def test_invalid_utf8_reported_and_indexed(self):
        lines = [l for l in self.result.err.splitlines() if self.ws.path(self.INVALID) in l]
        self.assertEqual(len(lines), 1, self.result.err)
        self.assertIn("invalid UTF-8", lines[0])
        self.assertEqual(self.ws.ids("quixbadbyte"), {self.INVALID})
        r = self.ws.newsdex("show", self.INVALID, "--format", "json")
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.json()["title"], "Invalid bytes \ufffd\ufffd in a title")

    def test_good_files_all_indexed_and_committed(self):
        stats = self.ws.newsdex("stats", "--format", "json")
        self.assertEqual(stats.code, 0, stats)
        self.assertEqual(stats.json()["documents"], len(harness.corpus_files()) + 1)
        self.assertEqual(self.ws.ids("thistlequorum"), {BIG})
        self.assertEqual(self.ws.ids("zyxunreadable"), set())
        r = self.ws.newsdex("show", self.JUNK)
        self.assertEqual(r.code, 1, r)

    def test_other_files_do_not_appear_on_stderr(self):
        reported = [l for l in self.result.err.splitlines() if l.strip()]
        for line in reported:
            self.assertTrue(any(self.ws.path(rel) in line
                                for rel in (self.JUNK, self.UNREADABLE, self.INVALID,
                                            "business/2018-10-09-paris-cafe-terrace-rents.txt",
                                            KREMLIN, EMPTY)),
                            line)


class OversizedFileTest(unittest.TestCase):
    """files.max_size: a larger file is reported and skipped, the rest indexed."""

    def test_oversized_file_reported_and_skipped(self):
        ws = harness.test_workspace(self)
        schema = os.path.join(ws.root, "small.yaml")
        with open(os.path.join(harness.SOURCE_DIR, "schemas", "news.yaml"), encoding="utf-8") as f:
            text = f.read()
        self.assertIn("max_size: 64MiB", text)
        with open(schema, "w", encoding="utf-8") as f:
            f.write(text.replace("max_size: 64MiB", "max_size: 1MiB"))
        r = ws.index("--schema", schema, "--no-entities")
        self.assertEqual(r.code, 1, r)
        self.assertEqual(harness.parse_summary(r.out)["failed"], 1)
        lines = [l for l in r.err.splitlines() if ws.path(BIG) in l]
        self.assertEqual(len(lines), 1, r.err)
        self.assertIn("too large", lines[0])
        self.assertEqual(ws.ids("thistlequorum"), set())
        self.assertEqual(ws.count("trump"), len(harness.files_with(r"\btrump") - {BIG}))



class CorpusFolderSpellingTest(unittest.TestCase):
    """However the corpus folder is typed ("news/", "./"), paths join it with one slash:
    in warnings, in search results, in stats and status."""

    def setUp(self):
        ws = harness.test_workspace(self, copy_corpus=False)
        ws.write("world/plain.txt", "Plain article\n\nThe word slashcheckword is here.\n")
        ws.write("world/broken.txt", b"Broken bytes\n\nslashcheckword \xff\xfe here.\n")

    def check_paths(self, r):
        self.assertEqual(r.code, 0, r)
        self.assertNotIn("//", r.err, r)
        r = self.ws.newsdex("search", "slashcheckword", "--format", "paths")
        self.assertEqual(sorted(r.lines()), [self.ws.path("world/broken.txt"),
                                             self.ws.path("world/plain.txt")], r)
        self.assertEqual(self.ws.newsdex("stats", "--format", "json").json()["corpus"],
                         self.ws.corpus)
        self.assertEqual(self.ws.newsdex("status", "--format", "json").json()["corpus"],
                         self.ws.corpus)

    def test_trailing_slash(self):
        r = self.ws.index("--no-entities", corpus=self.ws.corpus + "/")
        self.assertIn(self.ws.path("world/broken.txt") + ": ", r.err)
        self.check_paths(r)

    def test_dot_slash(self):
        r = self.ws.index("--no-entities", corpus="./", cwd=self.ws.corpus)
        self.assertIn("newsdexd: ./world/broken.txt: ", r.err)
        self.check_paths(r)


if __name__ == "__main__":
    harness.main()
