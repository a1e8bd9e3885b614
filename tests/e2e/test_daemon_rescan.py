"""The periodic rescan (--rescan-interval) catches what inotify cannot see: here a
file written through a hard link outside the corpus, which raises no event in the
corpus folder."""

import os
import sys
import unittest

import harness
from daemon_harness import Daemon, article, wait_count


class RescanTest(unittest.TestCase):
    def setUp(self):
        harness.test_workspace(self, copy_corpus=False)
        self.ws.write("news/linked.txt", article("Linked", "beforelinkword"))
        self.outside = os.path.join(self.ws.root, "outside-link.txt")
        os.link(self.ws.path("news/linked.txt"), self.outside)

    def test_rescan_catches_unseen_change(self):
        with Daemon(self.ws, "--rescan-interval", "1") as d:
            self.assertEqual(self.ws.count("beforelinkword"), 1)
            with open(self.outside, "w", encoding="utf-8") as f:
                f.write(article("Linked", "afterlinkword"))
            seconds = wait_count(self.ws, "afterlinkword", 1)
            print("  unseen change indexed by the rescan after %.3f s" % seconds,
                  file=sys.stderr)
            self.assertEqual(self.ws.count("beforelinkword"), 0)
            self.assertTrue(d.running())


if __name__ == "__main__":
    harness.main()
