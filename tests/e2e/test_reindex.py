"""Re-running newsdexd --once keeps the database in step with the folder: nothing
changed reports 0 changes; a modified file matches only its new text; a deleted file
disappears; a new file appears."""

import os
import unittest

import harness

MODIFIED = "sport/2018-07-15-france-win-world-cup.txt"
DELETED = "technology/notpetya-cyberattack-spreads.txt"
ADDED = "science/2019-01-01-new-horizons-ultima-thule.txt"


class ReindexTest(unittest.TestCase):
    # Entities play no part in what is re-indexed; leaving them out keeps the test fast.
    INDEX = ("--no-entities",)

    @classmethod
    def setUpClass(cls):
        ws = harness.class_workspace(cls)
        cls.first = ws.index(*cls.INDEX)
        # Words only these files hold, derived from the corpus before changing it.
        cls.old_word = "luzhniki"
        cls.deleted_word = "notpetya"
        assert harness.files_with(r"\b%s\b" % cls.old_word) >= {MODIFIED}
        cls.old_word_files = harness.files_with(r"\b%s\b" % cls.old_word)
        assert harness.files_with(r"\b%s\b" % cls.deleted_word) == {DELETED}
        cls.before = {q: ws.ids(q) for q in ("luzhniki", "notpetya", "croatia", "trump")}

        cls.unchanged_run = ws.index(*cls.INDEX)

        ws.write(MODIFIED, "Zanzibar regatta ends in a draw\n\n"
                           "ZANZIBAR (WIRE SERVICE) – On 3 March 2019 the quokkaboat "
                           "regatta ended without a winner.\n")
        # A different size and a different time: a change any way it is looked at.
        os.utime(ws.path(MODIFIED), (1600000000, 1600000000))
        os.remove(ws.path(DELETED))
        ws.write(ADDED, "New Horizons flies past Ultima Thule\n\n"
                        "The probe sent back its first images of the frostyrock on "
                        "January 1, 2019.\n")
        cls.changed_run = ws.index(*cls.INDEX)
        cls.final_run = ws.index(*cls.INDEX)

    def summary(self, r):
        s = harness.parse_summary(r.out)
        self.assertIsNotNone(s, r)
        return s

    def test_first_run_adds_everything(self):
        self.assertEqual(self.first.code, 0, self.first)
        self.assertEqual(self.summary(self.first)["added"], len(harness.corpus_files()))

    def test_nothing_changed_reports_0_changes(self):
        r = self.unchanged_run
        self.assertEqual(r.code, 0, r)
        self.assertEqual(self.summary(r), {"added": 0, "updated": 0, "removed": 0,
                                           "unchanged": len(harness.corpus_files()), "failed": 0})

    def test_changes_are_counted(self):
        r = self.changed_run
        self.assertEqual(r.code, 0, r)
        self.assertEqual(self.summary(r), {"added": 1, "updated": 1, "removed": 1,
                                           "unchanged": len(harness.corpus_files()) - 2,
                                           "failed": 0})
        r = self.final_run
        self.assertEqual(r.code, 0, r)
        self.assertEqual(self.summary(r), {"added": 0, "updated": 0, "removed": 0,
                                           "unchanged": len(harness.corpus_files()), "failed": 0})

    def test_modified_file_matches_only_its_new_text(self):
        self.assertIn(MODIFIED, self.before["luzhniki"])
        self.assertIn(MODIFIED, self.before["croatia"])
        self.assertEqual(self.ws.ids("quokkaboat"), {MODIFIED})
        self.assertEqual(self.ws.ids("zanzibar", "regatta"), {MODIFIED})
        self.assertEqual(self.ws.ids("luzhniki"), self.old_word_files - {MODIFIED})
        self.assertNotIn(MODIFIED, self.ws.ids("croatia"))
        doc = self.ws.newsdex("show", MODIFIED, "--format", "json").json()
        self.assertEqual(doc["title"], "Zanzibar regatta ends in a draw")
        self.assertEqual(doc["date"], "2019-03-03")
        self.assertEqual(doc["source"], "WIRE SERVICE")
        # Its old source and date no longer count it.
        self.assertNotIn(MODIFIED, self.ws.ids("--filter", "source:CONTINENTAL PRESS"))
        self.assertIn(MODIFIED, self.ws.ids("--filter", "source:WIRE SERVICE"))
        self.assertNotIn(MODIFIED, self.ws.ids("--filter", "month:2018-07"))

    def test_deleted_file_disappears(self):
        self.assertEqual(self.before["notpetya"], {DELETED})
        r = self.ws.newsdex("search", "notpetya")
        self.assertEqual(r.code, 1, r)
        self.assertEqual(r.out, "")
        r = self.ws.newsdex("show", DELETED)
        self.assertEqual(r.code, 1, r)
        self.assertEqual(r.out, "")
        self.assertNotIn(DELETED, self.ws.ids("--filter", "section:technology"))

    def test_new_file_and_folder_appear(self):
        self.assertEqual(self.ws.ids("frostyrock"), {ADDED})
        self.assertEqual(self.ws.ids("--filter", "section:science"), {ADDED})
        doc = self.ws.newsdex("show", ADDED, "--format", "json").json()
        self.assertEqual(doc["date"], "2019-01-01")

    def test_documents_count_follows_the_folder(self):
        stats = self.ws.newsdex("stats", "--format", "json").json()
        self.assertEqual(stats["documents"], len(harness.corpus_files()))  # -1 deleted, +1 added
        # Untouched files are still found as before.
        self.assertEqual(self.ws.ids("trump"), self.before["trump"])
        self.assertGreater(stats["revision"], 1)


if __name__ == "__main__":
    harness.main()
