"""An empty, vanished or different corpus folder never empties the index: newsdexd
takes the folder the database records when none is given, refuses another folder
unless told the corpus moved, and refuses to remove every document because the folder
holds no article (an unmounted disk) unless told it may."""

import os
import shutil
import unittest

import harness
from daemon_harness import Daemon, article, poll, wait_count


class CorpusGuardTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        ws = harness.class_workspace(cls)
        r = ws.index("--no-entities")
        assert r.code == 0, r
        cls.total = harness.parse_summary(r.out)["added"]

    def copy_db(self, name):
        dest = os.path.join(self.ws.root, name)
        shutil.copytree(self.ws.db, dest)
        self.addCleanup(shutil.rmtree, dest, True)
        return dest

    def empty_folder(self, name):
        path = os.path.join(self.ws.root, name)
        os.makedirs(path, exist_ok=True)
        return path

    def documents(self, db):
        return int(self.ws.newsdex("stats", "--format", "json", db=db).json()["documents"])

    def test_recorded_corpus_used_when_none_given(self):
        # The case: a copy of the database, run where ./corpus is empty.
        db = self.copy_db("copy.db")
        cwd = self.empty_folder("elsewhere")
        os.makedirs(os.path.join(cwd, "corpus"))
        r = harness.run([harness.binary("newsdexd"), "--once", "--quiet", "--no-entities",
                         "--db", db], cwd=cwd)
        self.assertEqual(r.code, 0, r)
        s = harness.parse_summary(r.out)
        self.assertEqual((s["removed"], s["unchanged"]), (0, self.total), r)
        self.assertEqual(self.documents(db), self.total)

    def test_other_folder_refused(self):
        db = self.copy_db("other.db")
        other = self.empty_folder("other-corpus")
        shutil.copy(self.ws.path("world/kremlin-tweet-diplomacy.txt"), other)
        r = self.ws.index("--no-entities", db=db, corpus=other)
        self.assertEqual(r.code, 2, r)
        self.assertEqual(r.out, "")
        self.assertEqual(len(r.err.splitlines()), 1, r.err)
        self.assertIn("--corpus-moved", r.err)
        self.assertEqual(self.documents(db), self.total)
        r = self.ws.index("--no-entities", "--corpus-moved", db=db, corpus=other)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(self.documents(db), 1)

    def test_empty_folder_refused(self):
        db = self.copy_db("empty.db")
        empty = self.empty_folder("empty-corpus")
        r = self.ws.index("--no-entities", "--corpus-moved", db=db, corpus=empty)
        self.assertEqual(r.code, 2, r)
        self.assertEqual(r.out, "")
        self.assertIn("holds no article", r.err)
        self.assertEqual(self.documents(db), self.total)
        r = self.ws.index("--no-entities", "--corpus-moved", "--allow-empty", db=db, corpus=empty)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(self.documents(db), 0)

    def test_vanished_folder_refused(self):
        db = self.copy_db("vanished.db")
        r = self.ws.index("--no-entities", "--corpus-moved", db=db,
                          corpus=os.path.join(self.ws.root, "no-such-folder"))
        self.assertEqual(r.code, 2, r)
        self.assertEqual(self.documents(db), self.total)


class DaemonEmptiedFolderTest(unittest.TestCase):
    def test_daemon_keeps_index_of_a_folder_found_empty(self):
        # As an unmounted disk looks at boot: the folder is there, its articles are not.
        ws = harness.test_workspace(self, copy_corpus=False)
        ws.write("a/one.txt", article("One", "zyxkept text"))
        self.assertEqual(ws.index("--no-entities").code, 0)
        hidden = os.path.join(ws.root, "hidden")
        shutil.move(ws.path("a"), hidden)
        daemon = Daemon(ws, "--no-entities", "--rescan-interval", "1")
        self.addCleanup(daemon.cleanup)
        daemon.start()
        poll(lambda: daemon.stderr().count("holds no article") >= 2, 10, "two refused rescans")
        self.assertTrue(daemon.running(), daemon.stderr())
        self.assertEqual(ws.count("zyxkept"), 1)
        # Mounted again: the next rescan finds the articles, and a new one is indexed.
        shutil.move(hidden, ws.path("a"))
        ws.write("a/two.txt", article("Two", "zyxkept again"))
        wait_count(ws, "zyxkept", 2)


if __name__ == "__main__":
    harness.main()
