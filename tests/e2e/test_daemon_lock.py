"""One writer: while newsdexd runs, a second newsdexd (daemon or --once) on the same
database exits 3 at once, naming the pid that holds it, and leaves the first one's
pid file alone."""

import os
import sys
import time
import unittest

import harness
from daemon_harness import Daemon, article


class LockTest(unittest.TestCase):
    def setUp(self):
        harness.test_workspace(self, copy_corpus=False)
        self.ws.write("news/one.txt", article("One", "lockseedword"))
        self.pidfile = os.path.join(self.ws.root, "first.pid")
        self.first = Daemon(self.ws, "--pidfile", self.pidfile)
        self.first.start()

    def tearDown(self):
        self.first.cleanup()

    def check_refused(self, *args):
        start = time.monotonic()
        r = harness.run([harness.binary("newsdexd"), "--corpus", self.ws.corpus,
                         "--db", self.ws.db, "--quiet", "--pidfile", self.pidfile, *args])
        seconds = time.monotonic() - start
        print("  second writer %s refused in %.3f s: %s" % (args, seconds, r.err.strip()),
              file=sys.stderr)
        self.assertEqual(r.code, 3, r)
        self.assertEqual(r.out, "")
        self.assertRegex(r.err, r"^newsdexd: .*locked by newsdexd pid %d\b" % self.first.proc.pid)
        self.assertEqual(len(r.err.splitlines()), 1, r.err)
        with open(self.pidfile) as f:
            self.assertEqual(f.read().strip(), str(self.first.proc.pid))
        self.assertTrue(self.first.running())
        self.assertEqual(self.first.status()["pid"], self.first.proc.pid)

    def test_second_daemon_exits_3(self):
        self.check_refused()

    def test_once_exits_3(self):
        self.check_refused("--once")


if __name__ == "__main__":
    harness.main()
