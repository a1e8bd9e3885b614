"""The change feed through the daemon: each commit bumps the revision `newsdex stats`
prints, and `newsdex search --since-rev N` finds exactly the articles added or changed
after revision N."""

import unittest

import harness
from daemon_harness import Daemon, article, wait_count


class ChangeFeedTest(unittest.TestCase):
    def setUp(self):
        harness.test_workspace(self, copy_corpus=False)
        for name in ("a", "b", "c"):
            self.ws.write("feed/%s.txt" % name, article("Feed %s" % name, "feedseedword"))
        self.daemon = Daemon(self.ws).start()

    def tearDown(self):
        self.daemon.cleanup()

    def revision(self):
        r = self.ws.newsdex("stats", "--format", "json")
        self.assertEqual(r.code, 0, r)
        return r.json()["revision"]

    def since(self, rev):
        return self.ws.ids("--since-rev", str(rev))

    def test_since_rev(self):
        r0 = self.revision()
        self.assertGreaterEqual(r0, 1)
        self.assertEqual(self.since(r0), set())
        self.assertEqual(len(self.since(r0 - 1)), 3)

        self.ws.write("feed/new.txt", article("New", "feednewword"))
        wait_count(self.ws, "feednewword", 1)
        r1 = self.revision()
        self.assertGreater(r1, r0)
        self.assertEqual(self.since(r0), {"feed/new.txt"})

        with open(self.ws.path("feed/b.txt"), "a", encoding="utf-8") as f:
            f.write("feedchangedword\n")
        wait_count(self.ws, "feedchangedword", 1)
        r2 = self.revision()
        self.assertGreater(r2, r1)
        self.assertEqual(self.since(r1), {"feed/b.txt"})
        self.assertEqual(self.since(r0), {"feed/new.txt", "feed/b.txt"})
        # With a query: the feed narrowed to matches.
        self.assertEqual(self.ws.ids("feednewword", "--since-rev", str(r0)), {"feed/new.txt"})
        # The status file follows the same revision.
        self.assertEqual(self.daemon.status()["revision"], r2)


if __name__ == "__main__":
    harness.main()
