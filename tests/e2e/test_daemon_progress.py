"""The first reconcile's progress line: on stderr when --progress forces it (here
stderr is a pipe, not a terminal), never with --quiet, and not by default on a pipe."""

import re
import unittest

import harness
from daemon_harness import Daemon, article

PROGRESS = re.compile(r"\r\x1b\[K(\d+)/(\d+) files, \d+ docs/s, \d+ s left")


class ProgressTest(unittest.TestCase):
    def setUp(self):
        harness.test_workspace(self, copy_corpus=False)
        for i in range(12):
            self.ws.write("p/a%02d.txt" % i, article("Progress %d" % i, "progressword"))

    def once(self, *flags):
        return harness.run([harness.binary("newsdexd"), "--once", "--corpus", self.ws.corpus,
                            "--db", self.ws.db, *flags])

    def test_forced_progress_on_stderr(self):
        r = self.once("--progress")
        self.assertEqual(r.code, 0, r)
        counts = [(int(a), int(b)) for a, b in PROGRESS.findall(r.err)]
        self.assertIn((12, 12), counts, repr(r.err))
        # The line is cleared before the summary, which stays on stdout.
        self.assertTrue(r.err.endswith("\r\x1b[K"), repr(r.err))
        self.assertIsNotNone(harness.parse_summary(r.out), r.out)

    def test_quiet_and_pipe_show_none(self):
        for flags in (("--quiet",), ()):
            r = self.once(*flags)
            self.assertEqual(r.code, 0, r)
            self.assertNotIn("\r", r.err)
            self.assertIsNone(PROGRESS.search(r.err))

    def test_progress_and_quiet_conflict(self):
        r = self.once("--progress", "--quiet")
        self.assertEqual(r.code, 2, r)

    def test_daemon_first_reconcile_shows_progress(self):
        d = Daemon(self.ws, "--progress")
        d.args.remove("--quiet")
        try:
            d.start()
            self.assertRegex(d.stderr(), PROGRESS)
        finally:
            d.cleanup()


if __name__ == "__main__":
    harness.main()
