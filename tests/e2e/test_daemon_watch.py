"""newsdexd in watch mode follows the folder: new, changed, deleted, renamed and moved
files, the editor's write-then-rename, new folders and folders moved in or out. Each
change is polled for with a deadline and its latency printed."""

import os
import shutil
import statistics
import sys
import unittest

import harness
from daemon_harness import CHANGE_TIMEOUT, Daemon, article, poll, wait_count, write_atomically


class WatchTest(unittest.TestCase):
    latencies = []

    @classmethod
    def setUpClass(cls):
        harness.class_workspace(cls, copy_corpus=False)
        cls.ws.write("seed/first.txt", article("Seed article", "Nothing to see here."))
        cls.daemon = Daemon(cls.ws)
        cls.addClassCleanup(cls.daemon.cleanup)  # runs before the workspace's
        cls.daemon.start()

    @classmethod
    def tearDownClass(cls):
        if cls.latencies:
            print("\nlatency, change to searchable: median %.3f s, max %.3f s over %d changes"
                  % (statistics.median(cls.latencies), max(cls.latencies), len(cls.latencies)),
                  file=sys.stderr)

    def setUp(self):
        self.assertTrue(self.daemon.running(), self.daemon.stderr())

    def wait(self, query, expected):
        seconds = wait_count(self.ws, query, expected)
        self.latencies.append(seconds)
        print("  %-30s -> %s in %.3f s" % (query, expected, seconds), file=sys.stderr)

    def test_new_file(self):
        self.ws.write("world/quokka.txt", article("Quokka census", "The quokkacensus grows."))
        self.wait("quokkacensus", 1)

    def test_changed_file(self):
        path = self.ws.write("world/edit.txt", article("Edited", "firstversionword text"))
        self.wait("firstversionword", 1)
        with open(path, "w", encoding="utf-8") as f:
            f.write(article("Edited", "secondversionword text"))
        self.wait("secondversionword", 1)
        self.assertEqual(self.ws.count("firstversionword"), 0)

    def test_deleted_file(self):
        path = self.ws.write("world/doomed.txt", article("Doomed", "doomedarticleword"))
        self.wait("doomedarticleword", 1)
        os.unlink(path)
        self.wait("doomedarticleword", 0)

    def test_renamed_file(self):
        old = self.ws.write("world/old-name.txt", article("Renamed", "renamedarticleword"))
        self.wait("renamedarticleword", 1)
        os.rename(old, self.ws.path("world/new-name.txt"))
        poll(lambda: self.ws.ids("renamedarticleword") == {"world/new-name.txt"},
             CHANGE_TIMEOUT, "the renamed file's id")

    def test_editor_save_indexes_only_the_final_name(self):
        final = self.ws.path("world/saved.txt")
        write_atomically(final, article("Saved", "editorsavedword"))
        self.wait("editorsavedword", 1)
        self.assertEqual(self.ws.ids("editorsavedword"), {"world/saved.txt"})
        write_atomically(final, article("Saved", "editorsavedagain"))
        self.wait("editorsavedagain", 1)
        self.assertEqual(self.ws.count("editorsavedword"), 0)

    def test_excluded_files_are_ignored(self):
        for name in (".hidden.txt", "draft.txt~", "draft.txt.swp", "part.tmp", "#auto.txt#"):
            self.ws.write("world/" + name, article("Excluded", "excludedfileword"))
        # A file written after them: once it is searchable, they have been seen too.
        self.ws.write("world/barrier-excluded.txt", article("Barrier", "excludedbarrier"))
        self.wait("excludedbarrier", 1)
        self.assertEqual(self.ws.count("excludedfileword"), 0)

    def test_new_nested_folder(self):
        self.ws.write("fresh/deeper/still/one.txt", article("Nested", "nestedfolderword"))
        self.wait("nestedfolderword", 1)
        # The new folders are watched too.
        self.ws.write("fresh/deeper/still/two.txt", article("Nested two", "nestedfolderword"))
        self.wait("nestedfolderword", 2)

    def test_folder_moved_in_with_files(self):
        outside = os.path.join(self.ws.root, "incoming")
        os.makedirs(os.path.join(outside, "sub"))
        for i in range(3):
            with open(os.path.join(outside, "sub", "f%d.txt" % i), "w", encoding="utf-8") as f:
                f.write(article("Moved in %d" % i, "movedinfolderword"))
        os.rename(outside, self.ws.path("incoming"))
        self.wait("movedinfolderword", 3)
        self.assertEqual(self.ws.ids("movedinfolderword"),
                         {"incoming/sub/f%d.txt" % i for i in range(3)})

    def test_burst_is_batched(self):
        before = self.daemon.status()["revision"]
        outside = os.path.join(self.ws.root, "burst")
        os.makedirs(outside)
        for i in range(200):
            with open(os.path.join(outside, "b%03d.txt" % i), "w", encoding="utf-8") as f:
                f.write(article("Burst %d" % i, "burstbatchword number%d" % i))
        shutil.copytree(outside, self.ws.path("burst-copy"))
        self.wait("burstbatchword", 200)
        commits = self.daemon.status()["revision"] - before
        print("  200 files copied in at once: %d commit(s)" % commits, file=sys.stderr)
        self.assertLess(commits, 50)

    def test_folder_deleted(self):
        for i in range(2):
            self.ws.write("gone/g%d.txt" % i, article("Gone", "deletedfolderword"))
        self.wait("deletedfolderword", 2)
        shutil.rmtree(self.ws.path("gone"))
        self.wait("deletedfolderword", 0)

    def test_folder_moved_out_and_renamed(self):
        for i in range(2):
            self.ws.write("travel/t%d.txt" % i, article("Travel", "travellingfolderword"))
        self.wait("travellingfolderword", 2)
        os.rename(self.ws.path("travel"), self.ws.path("travelled"))
        poll(lambda: self.ws.ids("travellingfolderword") ==
             {"travelled/t0.txt", "travelled/t1.txt"}, CHANGE_TIMEOUT, "the renamed folder's ids")
        away = os.path.join(self.ws.root, "away")
        os.rename(self.ws.path("travelled"), away)
        self.wait("travellingfolderword", 0)
        # Changes in the folder now outside the corpus are not followed.
        with open(os.path.join(away, "t0.txt"), "w", encoding="utf-8") as f:
            f.write(article("Away", "outsidecorpusword"))
        self.ws.write("world/barrier-away.txt", article("Barrier", "awaybarrier"))
        self.wait("awaybarrier", 1)
        self.assertEqual(self.ws.count("outsidecorpusword"), 0)


if __name__ == "__main__":
    harness.main()
